using GptImage.Imaging;
using GptImage.Orchestration;

namespace GptImage.Tests.Orchestration
{
    /// <summary>
    /// The one pre-flight that cmdlets run before -WhatIf and the session runs for unchecked jobs: request rules
    /// plus the mask's pixels, on real PNG files written by the core's encoder.
    /// </summary>
    public sealed class PreflightTests : TempFolder
    {
        private static readonly DateTime Today = new DateTime(2026, 11, 21);

        private static ImageEditRequest Edit(string image, string? mask)
        {
            var request = new ImageEditRequest { Prompt = "add a hat", MaskPath = mask };
            request.Images.Add(image);
            return request;
        }

        [Fact]
        public void A_mask_with_a_transparent_area_of_the_right_size_passes()
        {
            string image = Png("image.png", 64, 64);
            string mask = Write("mask.png", MaskMaker.FromRectangles(image, new[] { new MaskRectangle(0, 0, 16, 16) }));
            Assert.Empty(Preflight.Check(Edit(image, mask), Today));
        }

        [Fact]
        public void A_mask_with_nothing_transparent_is_refused_naming_MaskPath()
        {
            string image = Png("image.png", 64, 64);
            string mask = Png("opaque-mask.png", 64, 64);
            var error = Assert.Throws<GptImageValidationException>(() => Preflight.Check(Edit(image, mask), Today));
            Assert.Equal(ErrorIds.InvalidMask, error.ErrorId);
            Assert.StartsWith("-MaskPath", error.Message);
            Assert.Contains(ImageErrorIds.MaskNothingTransparent, error.Message);
        }

        [Fact]
        public void A_mask_of_another_size_is_a_MaskMismatch()
        {
            string image = Png("image.png", 64, 64);
            string mask = Png("small-mask.png", 32, 32, transparent: true);
            var error = Assert.Throws<GptImageValidationException>(() => Preflight.Check(Edit(image, mask), Today));
            Assert.Equal(ErrorIds.MaskMismatch, error.ErrorId);
        }

        [Fact]
        public void An_edit_without_a_mask_gets_the_request_rules_only()
        {
            Assert.Empty(Preflight.Check(Edit(Png("image.png", 64, 64), null), Today));
        }

        [Fact]
        public void A_generation_gets_the_request_rules_and_a_retired_model_warns()
        {
            var request = new ImageGenerationRequest { Prompt = "x", Model = "gpt-image-1" };
            Assert.NotEmpty(Preflight.Check(request, Today));
            Assert.Throws<GptImageValidationException>(() => Preflight.Check(new ImageGenerationRequest { Prompt = "x", Size = "1000x1000" }, Today));
        }
    }
}
