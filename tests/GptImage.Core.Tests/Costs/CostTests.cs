using GptImage.Orchestration;
using Xunit;

namespace GptImage.Tests.Costs
{
    public class CostTests
    {
        [Theory]
        [InlineData("gpt-image-1", "low", "1024x1024", 272)]
        [InlineData("gpt-image-1", "medium", "1024x1536", 1584)]
        [InlineData("gpt-image-1-mini", "high", "1536x1024", 6208)]
        [InlineData("gpt-image-1.5", "high", "1024x1024", 4160)]
        public void Gpt_image_1_family_uses_the_output_token_table(string model, string quality, string size, long tokens)
        {
            CostEstimate e = CostEstimator.Estimate(new ImageGenerationRequest { Model = model, Quality = quality, Size = size, Prompt = "x" });
            Assert.True(e.IsKnownModel);
            Assert.Equal(tokens, e.EstimatedOutputTokens);
            Assert.Contains("table", e.Basis);
        }

        [Fact]
        public void Gpt_image_2_free_sizes_scale_by_pixel_area_and_say_so()
        {
            var square = CostEstimator.Estimate(new ImageGenerationRequest { Quality = "high", Size = "1024x1024", Prompt = "x" });
            var big = CostEstimator.Estimate(new ImageGenerationRequest { Quality = "high", Size = "2048x2048", Prompt = "x" });
            Assert.Equal(square.EstimatedOutputTokens * 4, big.EstimatedOutputTokens);
            Assert.Contains("pixel area", big.Basis);
            // 7033 tokens at 30 USD per 1M is the secondary sources' ~0.211 USD per high 1024x1024 image.
            Assert.InRange(square.Usd, 0.205m, 0.215m);
        }

        [Fact]
        public void Auto_quality_and_size_count_as_the_dear_choice_and_count_multiplies()
        {
            var auto = CostEstimator.Estimate(new ImageGenerationRequest { Model = "gpt-image-1", Prompt = "x" });
            Assert.Equal(6208, auto.EstimatedOutputTokens);
            Assert.Contains("'auto' counted as high", auto.Basis);
            var three = CostEstimator.Estimate(new ImageGenerationRequest { Model = "gpt-image-1", Quality = "low", Size = "1024x1024", Count = 3, Prompt = "x" });
            Assert.Equal(3 * 272, three.EstimatedOutputTokens);
        }

        [Fact]
        public void Edits_add_input_image_tokens_for_each_image_and_the_mask_and_say_so()
        {
            var generation = new ImageGenerationRequest { Model = "gpt-image-1", Quality = "low", Size = "1024x1024", Prompt = "make it blue" };
            var edit = new ImageEditRequest { Model = "gpt-image-1", Quality = "low", Size = "1024x1024", Prompt = "make it blue", MaskPath = "mask.png" };
            edit.Images.Add("a.png");
            edit.Images.Add("b.png");

            CostEstimate g = CostEstimator.Estimate(generation), e = CostEstimator.Estimate(edit);

            // Same output, plus three uploads (two images and the mask) at the price list's per-image figure and image-input price.
            Assert.Equal(g.EstimatedOutputTokens, e.EstimatedOutputTokens);
            long perImage = (e.EstimatedInputTokens - g.EstimatedInputTokens) / 3;
            Assert.True(perImage > 0);
            Assert.Equal(g.EstimatedInputTokens + 3 * perImage, e.EstimatedInputTokens);
            Assert.Equal(g.Usd + 3 * perImage * PriceTable.Find("gpt-image-1")!.ImageInputPerMillion / 1_000_000m, e.Usd);
            Assert.Contains("2 input images and the mask", e.Basis);
            Assert.Contains("rough figure", e.Basis);
            Assert.DoesNotContain("input image", g.Basis);
        }

        [Fact]
        public void Edit_estimates_say_high_input_fidelity_costs_more_and_take_the_batch_discount()
        {
            var edit = new ImageEditRequest { Model = "gpt-image-1", Quality = "medium", Size = "1024x1024", Prompt = "x", InputFidelity = "high" };
            edit.Images.Add("a.png");
            CostEstimate direct = CostEstimator.Estimate(edit), batch = CostEstimator.Estimate(edit, batchApi: true);
            Assert.Contains("1 input image at about", direct.Basis);
            Assert.Contains("high input fidelity costs more", direct.Basis);
            Assert.Equal(direct.Usd * PriceTable.BatchDiscount, batch.Usd);
            Assert.Contains("Batch API price", batch.Basis);
        }

        [Fact]
        public void Unknown_models_are_flagged_not_guessed()
        {
            var e = CostEstimator.Estimate(new ImageGenerationRequest { Model = "my-azure-deployment", Prompt = "x" });
            Assert.False(e.IsKnownModel);
            Assert.Equal(0m, e.Usd);
            Assert.Contains("my-azure-deployment", e.Basis);
            Assert.Null(CostCalculator.Actual("my-azure-deployment", new ImageUsage { OutputTokens = 100 }));
        }

        [Fact]
        public void Actual_cost_comes_from_usage_and_the_batch_api_halves_it()
        {
            var usage = new ImageUsage { InputTokens = 150, TextTokens = 50, ImageTokens = 100, OutputTokens = 1000, TotalTokens = 1150 };
            // gpt-image-1: 50 x 5 + 100 x 10 + 1000 x 40 per 1M tokens
            Assert.Equal(0.04125m, CostCalculator.Actual("gpt-image-1", usage));
            Assert.Equal(0.020625m, CostCalculator.Actual("gpt-image-1", usage, batchApi: true));
            Assert.Null(CostCalculator.Actual("gpt-image-1", null));
        }

        [Fact]
        public void The_price_list_names_its_source_and_date()
        {
            Assert.Contains("https://openai.com/api/pricing/", PriceTable.Source);
            Assert.DoesNotContain(".md", PriceTable.Source);                   // no file of this repository
            Assert.DoesNotContain(PriceTable.Reviewed, PriceTable.Source);     // the date is said once, by whoever shows Source
            Assert.Equal("2026-11-21", PriceTable.Reviewed);
            Assert.Equal(0.5m, PriceTable.BatchDiscount);
            Assert.Equal(30.00m, PriceTable.Find("GPT-IMAGE-2")!.ImageOutputPerMillion);
        }
    }
}
