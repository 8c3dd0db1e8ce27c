using System;
using System.Linq;
using Xunit;

namespace GptImage.Tests.Validation
{
    /// <summary>
    /// The capability table (Data/models.json) against openai-images-facts.md: the model
    /// line-up, shutdown dates, and the per-model limits the validator and the emulator both read.
    /// </summary>
    public sealed class ModelTableTests
    {
        private static ModelCapabilities Model(string name) => ModelCatalog.Find(name) ?? throw new Xunit.Sdk.XunitException(name + " is not in the table");

        [Fact]
        public void The_table_holds_exactly_the_issues_models()
        {
            string[] expected = { "chatgpt-image-latest", "dall-e-2", "dall-e-3", "gpt-image-1", "gpt-image-1-mini", "gpt-image-1.5", "gpt-image-2", "gpt-image-2-2026-04-21" };
            Assert.Equal(expected, ModelCatalog.All.Select(m => m.Name).OrderBy(n => n, StringComparer.Ordinal));
        }

        [Theory]
        [InlineData("gpt-image-2", null)]
        [InlineData("gpt-image-2-2026-04-21", null)]
        [InlineData("gpt-image-1.5", "2026-12-01")]
        [InlineData("gpt-image-1-mini", "2026-12-01")]
        [InlineData("chatgpt-image-latest", "2026-12-01")]
        [InlineData("gpt-image-1", "2026-10-23")]
        [InlineData("dall-e-3", "2026-05-12")]
        [InlineData("dall-e-2", "2026-05-12")]
        public void Shutdown_dates_are_the_issues(string model, string? date) =>
            Assert.Equal(date, Model(model).ShutdownDate?.ToString("yyyy-MM-dd"));

        [Theory]
        [InlineData("gpt-image-2")]
        [InlineData("gpt-image-2-2026-04-21")]
        public void Gpt_image_2_has_the_flexible_size_rule_and_no_input_fidelity(string name)
        {
            ModelCapabilities m = Model(name);
            FlexibleSizeRule rule = m.FlexibleSize!;
            Assert.Equal(16, rule.MultipleOf);
            Assert.Equal(3840, rule.MaxEdge);
            Assert.Equal(3840L * 2160, rule.MaxPixels);
            Assert.Equal(1.0 / 3, rule.MinAspect, 6);
            Assert.Equal(3.0, rule.MaxAspect, 6);
            Assert.Equal(2560L * 1440, rule.ExperimentalAbovePixels);
            Assert.Empty(m.InputFidelity);
            Assert.Equal(new[] { "low", "auto" }, m.Moderation);
        }

        [Theory]
        [InlineData("gpt-image-1.5", true)]
        [InlineData("gpt-image-1", true)]
        [InlineData("chatgpt-image-latest", true)]
        [InlineData("gpt-image-1-mini", false)]
        public void Older_gpt_image_models_take_presets_and_input_fidelity_except_mini(string name, bool fidelity)
        {
            ModelCapabilities m = Model(name);
            Assert.Null(m.FlexibleSize);
            Assert.Equal(new[] { "auto", "1024x1024", "1536x1024", "1024x1536" }, m.Sizes);
            Assert.Equal(fidelity ? new[] { "low", "high" } : Array.Empty<string>(), m.InputFidelity);
        }

        [Fact]
        public void Every_gpt_image_model_has_the_facts_limits()
        {
            foreach (ModelCapabilities m in ModelCatalog.All.Where(m => m.IsGptImage))
            {
                Assert.Equal(10, m.MaxCount);
                Assert.Equal(32000, m.MaxPromptLength);
                Assert.Equal(16, m.MaxInputImages);
                Assert.Equal(50L * 1024 * 1024, m.MaxImageBytes);
                Assert.Equal(4L * 1024 * 1024, m.MaxMaskBytes);
                Assert.Equal(new[] { "low", "medium", "high", "auto" }, m.Qualities);
                Assert.Equal(new[] { "png", "jpeg", "webp" }, m.OutputFormats);
                Assert.Equal(new[] { "png", "webp" }, m.TransparentFormats);
            }
        }

        [Fact]
        public void Dall_e_models_have_their_own_limits()
        {
            ModelCapabilities e3 = Model("dall-e-3"), e2 = Model("dall-e-2");
            Assert.Equal((1, 4000, 0), (e3.MaxCount, e3.MaxPromptLength, e3.MaxInputImages));
            Assert.Equal((10, 1000, 1), (e2.MaxCount, e2.MaxPromptLength, e2.MaxInputImages));
            Assert.Equal(new[] { "1024x1024", "1792x1024", "1024x1792" }, e3.Sizes);
            Assert.Equal(new[] { "256x256", "512x512", "1024x1024" }, e2.Sizes);
            Assert.False(e3.IsGptImage || e2.IsGptImage);
        }
    }
}
