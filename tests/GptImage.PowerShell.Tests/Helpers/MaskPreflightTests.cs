using GptImage.Commands;
using GptImage.Imaging;

namespace GptImage.PowerShell.Tests.Helpers
{
    /// <summary>Edit-GptImage's pixel check of the mask, on real PNG files written by the core's encoder.</summary>
    public sealed class MaskPreflightTests : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("gptimage-mask-").FullName;

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        private string Png(string name, int width, int height, byte alpha)
        {
            var rgba = new byte[width * height * 4];
            for (int i = 3; i < rgba.Length; i += 4) rgba[i] = alpha;
            string path = Path.Combine(_folder, name);
            File.WriteAllBytes(path, PngEncoder.EncodeRgba(width, height, rgba));
            return path;
        }

        private static ImageEditRequest Edit(string image, string mask)
        {
            var request = new ImageEditRequest { Prompt = "add a hat", MaskPath = mask };
            request.Images.Add(image);
            return request;
        }

        [Fact]
        public void A_mask_with_a_transparent_area_of_the_right_size_passes()
        {
            string image = Png("image.png", 64, 64, 255);
            string mask = Path.Combine(_folder, "mask.png");
            File.WriteAllBytes(mask, MaskMaker.FromRectangles(image, new[] { new MaskRectangle(0, 0, 16, 16) }));
            Assert.Empty(MaskPreflight.Check(Edit(image, mask)));
        }

        [Fact]
        public void A_mask_with_nothing_transparent_is_refused_naming_MaskPath()
        {
            string image = Png("image.png", 64, 64, 255);
            string mask = Png("opaque-mask.png", 64, 64, 255);
            var error = Assert.Throws<GptImageValidationException>(() => MaskPreflight.Check(Edit(image, mask)));
            Assert.Equal(ErrorIds.InvalidMask, error.ErrorId);
            Assert.StartsWith("-MaskPath", error.Message);
            Assert.Contains(ImageErrorIds.MaskNothingTransparent, error.Message);
        }

        [Fact]
        public void A_mask_of_another_size_is_a_MaskMismatch()
        {
            string image = Png("image.png", 64, 64, 255);
            string mask = Png("small-mask.png", 32, 32, 0);
            var error = Assert.Throws<GptImageValidationException>(() => MaskPreflight.Check(Edit(image, mask)));
            Assert.Equal(ErrorIds.MaskMismatch, error.ErrorId);
        }

        [Fact]
        public void Without_a_mask_nothing_is_read()
        {
            var request = new ImageEditRequest { Prompt = "x" };
            request.Images.Add(Path.Combine(_folder, "does-not-exist.png"));
            Assert.Empty(MaskPreflight.Check(request));
        }
    }
}
