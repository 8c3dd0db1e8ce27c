using System;
using GptImage.Tests.Infrastructure;
using Xunit;

namespace GptImage.Tests.Validation
{
    /// <summary>Edges of the request rules that the main validator tests do not pin: where "experimental" starts, moderation on generations, dall-e-3's n.</summary>
    public sealed class RuleBoundaryTests : IDisposable
    {
        private static readonly DateTime Today = new DateTime(2026, 11, 21);
        private readonly TempFolder _files = new TempFolder();

        public void Dispose() => _files.Dispose();

        private static ImageGenerationRequest Gen(Action<ImageGenerationRequest> change)
        {
            var r = new ImageGenerationRequest { Prompt = "a red fox" };
            change(r);
            return r;
        }

        [Theory]
        [InlineData("gpt-image-2", "2560x1440")]
        [InlineData("gpt-image-2", "1440x2560")]
        [InlineData("gpt-image-2-2026-04-21", "2560x1440")]
        public void Exactly_2560x1440_is_not_experimental(string model, string size) =>
            Assert.Empty(RequestValidator.Validate(Gen(r => { r.Model = model; r.Size = size; }), Today));

        [Theory]
        [InlineData("2576x1440")]
        [InlineData("1440x2576")]
        public void Just_above_2560x1440_is_sent_with_an_experimental_warning(string size)
        {
            string warning = Assert.Single(RequestValidator.Validate(Gen(r => r.Size = size), Today));
            Assert.Contains("experimental", warning);
            Assert.Contains(size, warning);
        }

        [Theory]
        [InlineData("gpt-image-2", "low")]
        [InlineData("gpt-image-2", "auto")]
        [InlineData("gpt-image-1.5", "low")]
        [InlineData("gpt-image-1-mini", "auto")]
        public void Moderation_is_allowed_on_generations(string model, string moderation) =>
            RequestValidator.Validate(Gen(r => { r.Model = model; r.Moderation = moderation; }), new DateTime(2026, 11, 1));

        [Fact]
        public void Dall_e_3_takes_n_1_only()
        {
            RequestValidator.Validate(Gen(r => { r.Model = "dall-e-3"; r.Count = 1; }), Today);
            var e = Assert.Throws<GptImageValidationException>(() => RequestValidator.Validate(Gen(r => { r.Model = "dall-e-3"; r.Count = 2; }), Today));
            Assert.Equal(ErrorIds.InvalidCount, e.ErrorId);
            Assert.Contains("'2'", e.Message);
        }

        [Theory]
        [InlineData("")]
        [InlineData("   ")]
        public void An_empty_model_is_rejected_before_sending_an_empty_model_field(string model)
        {
            var e = Assert.Throws<GptImageValidationException>(() => RequestValidator.Validate(Gen(r => r.Model = model), Today));
            Assert.Equal(ErrorIds.InvalidModel, e.ErrorId);
            Assert.Contains("-Model", e.Message);
            Assert.Contains("gpt-image-2", e.Message);
        }

        [Fact]
        public void Dall_e_3_cannot_edit()
        {
            var edit = new ImageEditRequest { Prompt = "add a hat", Model = "dall-e-3" };
            edit.Images.Add(_files.Png("in.png"));
            var e = Assert.Throws<GptImageValidationException>(() => RequestValidator.Validate(edit, Today));
            Assert.Equal(ErrorIds.InvalidModel, e.ErrorId);
            Assert.Contains("cannot edit", e.Message);
        }
    }
}
