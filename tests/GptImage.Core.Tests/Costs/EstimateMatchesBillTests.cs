using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using GptImage.Orchestration;
using GptImage.Tests.Infrastructure;
using Xunit;
using static GptImage.Tests.Emulator.EmulatorHttp;

namespace GptImage.Tests.Costs
{
    /// <summary>
    /// -MaxCost reserves the estimate before a request and counts the bill after it: both come from one price
    /// list, so the estimate of a request is exactly what the emulator bills for it (never less).
    /// </summary>
    public sealed class EstimateMatchesBillTests(EmulatorFixture emulator) : EmulatorTest(emulator)
    {
        [Theory]
        [InlineData("gpt-image-2", "low", "1024x1024")]
        [InlineData("gpt-image-2", "medium", "1024x1024")]
        [InlineData("gpt-image-2", "high", "1536x1024")]
        [InlineData("gpt-image-2", "low", "1536x864")]
        [InlineData("gpt-image-2", "low", "2048x2048")]
        [InlineData("gpt-image-1.5", "low", "1024x1024")]
        [InlineData("gpt-image-1-mini", "medium", "1024x1536")]
        [InlineData("gpt-image-1", "high", "1536x1024")]
        public async Task The_estimate_of_a_request_is_what_the_emulator_bills_for_it(string model, string quality, string size)
        {
            var request = new ImageGenerationRequest { Model = model, Quality = quality, Size = size, Prompt = "a lighthouse at dawn, watercolour", Count = 2 };
            CostEstimate estimate = CostEstimator.Estimate(request);

            using HttpClient http = Emu.CreateHttpClient();
            using HttpResponseMessage response = await GenerateAsync(http,
                $"{{\"model\":\"{model}\",\"prompt\":\"{request.Prompt}\",\"size\":\"{size}\",\"quality\":\"{quality}\",\"n\":2}}");
            using JsonDocument doc = await ReadJsonAsync(response);
            JsonElement usage = doc.RootElement.GetProperty("usage");
            var billed = new ImageUsage
            {
                InputTokens = usage.GetProperty("input_tokens").GetInt64(),
                TextTokens = usage.GetProperty("input_tokens_details").GetProperty("text_tokens").GetInt64(),
                OutputTokens = usage.GetProperty("output_tokens").GetInt64(),
                TotalTokens = usage.GetProperty("total_tokens").GetInt64(),
            };

            Assert.Equal(estimate.EstimatedOutputTokens, billed.OutputTokens);
            Assert.Equal(estimate.EstimatedInputTokens, billed.InputTokens);
            Assert.Equal(estimate.Usd, CostCalculator.Actual(model, billed));
        }

        [Fact]
        public void Partial_images_are_in_the_estimate()
        {
            var plain = new ImageGenerationRequest { Model = "gpt-image-2", Quality = "low", Size = "1024x1024", Prompt = "p" };
            var streamed = new ImageGenerationRequest { Model = "gpt-image-2", Quality = "low", Size = "1024x1024", Prompt = "p", PartialImages = 2 };
            Assert.Equal(CostEstimator.Estimate(plain).EstimatedOutputTokens + 2 * 100, CostEstimator.Estimate(streamed).EstimatedOutputTokens);
        }
    }
}
