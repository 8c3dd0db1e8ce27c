using GptImage.Imaging.Pixels;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata;
using SixLabors.ImageSharp.PixelFormats;

namespace GptImage.Tests.Imaging.Pixels
{
    public sealed class PrintUpscalerTests : IDisposable
    {
        private readonly string _folder = TestTemp.NewDirectory();

        public void Dispose() { }

        private string Write(string name, byte[] bytes)
        {
            string path = Path.Combine(_folder, name);
            File.WriteAllBytes(path, bytes);
            return path;
        }

        [Theory]
        [InlineData(1024, 1024, 2.0, 2048, 2048)]
        [InlineData(1536, 1024, 4.0, 6144, 4096)]
        [InlineData(1000, 500, 0.5, 500, 250)]
        public void Scale_multiplies_both_sides(int w, int h, double scale, int ew, int eh)
        {
            Assert.Equal((ew, eh), PrintUpscaler.TargetSize(w, h, new UpscaleOptions { Scale = scale }));
        }

        [Fact]
        public void Width_alone_keeps_the_aspect_and_both_sides_fit_inside()
        {
            Assert.Equal((3000, 2000), PrintUpscaler.TargetSize(1536, 1024, new UpscaleOptions { Width = 3000 }));
            Assert.Equal((3000, 2000), PrintUpscaler.TargetSize(1536, 1024, new UpscaleOptions { Width = 4000, Height = 2000 }));
        }

        [Fact]
        public void A_print_size_in_inches_at_a_dpi_gives_pixels()
        {
            // 10 inches wide at 300 dpi = 3000 px.
            Assert.Equal((3000, 2000), PrintUpscaler.TargetSize(1536, 1024, new UpscaleOptions { PrintWidthInches = 10, Dpi = 300 }));
        }

        [Fact]
        public void Two_ways_of_sizing_at_once_are_refused_naming_the_choices()
        {
            var e = Assert.Throws<GptImageValidationException>(() => PrintUpscaler.TargetSize(10, 10, new UpscaleOptions { Scale = 2, Width = 40 }));
            Assert.Equal(ErrorIds.ParameterConflict, e.ErrorId);
            Assert.Contains("-Scale", e.Message);
        }

        [Fact]
        public void An_output_past_the_pixel_cap_is_refused_before_decoding()
        {
            var e = Assert.Throws<GptImageValidationException>(() => PrintUpscaler.TargetSize(3840, 2160, new UpscaleOptions { Scale = 8 }));
            Assert.Equal(ErrorIds.InvalidSize, e.ErrorId);
            Assert.Contains("30720x17280", e.Message);
        }

        [Fact]
        public void Upscale_writes_the_size_and_the_dpi_asked_for()
        {
            string source = Write("small.png", TestImages.RgbaPng(64, 32));
            UpscaledImage result = PrintUpscaler.Upscale(source, new UpscaleOptions { Scale = 2, Dpi = 600 });
            Assert.Equal("png", result.Format);
            Assert.Equal((128, 64), (result.Width, result.Height));
            IImageInfo info = Image.Identify(result.Bytes);
            Assert.Equal((128, 64), (info.Width, info.Height));
            Assert.Equal(600, DpiOf(info.Metadata), 0);
        }

        [Fact]
        public void Jpeg_output_carries_the_dpi_in_its_header()
        {
            string source = Write("small.png", TestImages.RgbaPng(20, 20));
            UpscaledImage result = PrintUpscaler.Upscale(source, new UpscaleOptions { Width = 80, Dpi = 300, OutputFormat = "jpeg", Quality = 90 });
            Assert.Equal("jpeg", GptImage.Imaging.ImageFormatDetector.Detect(result.Bytes));
            Assert.Equal(300, DpiOf(Image.Identify(result.Bytes).Metadata), 0);
        }

        private static double DpiOf(ImageMetadata m) => m.ResolutionUnits switch
        {
            PixelResolutionUnit.PixelsPerMeter => m.HorizontalResolution * 0.0254,
            PixelResolutionUnit.PixelsPerCentimeter => m.HorizontalResolution * 2.54,
            _ => m.HorizontalResolution,
        };
    }
}
