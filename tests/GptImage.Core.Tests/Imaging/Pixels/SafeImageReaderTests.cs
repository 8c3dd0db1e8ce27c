using GptImage.Imaging.Pixels;
using SixLabors.ImageSharp;

namespace GptImage.Tests.Imaging.Pixels
{
    /// <summary>Hostile inputs: formats outside PNG/JPEG/WebP are refused, absurd sizes before any pixel memory is taken.</summary>
    public sealed class SafeImageReaderTests
    {
        private static string Hostile(string name) => Path.Combine(ImagingTestPaths.RepoRoot, "tests", "Support", "hostile-images", name);

        [Theory]
        [InlineData("tiny.tif", "TIFF")]
        [InlineData("tiny.gif", "GIF")]
        [InlineData("tiny.bmp", "BMP")]
        public void Formats_ImageSharp_could_decode_are_refused_by_name(string file, string named)
        {
            // The fixture is a real image: ImageSharp's full default configuration decodes it.
            using (Image decodable = Image.Load(Configuration.Default, File.ReadAllBytes(Hostile(file))))
                Assert.Equal(2, decodable.Width);

            var e = Assert.Throws<GptImageImageException>(() => SafeImageReader.Load(Hostile(file), out _));
            Assert.Equal(ImageErrorIds.UnsupportedFormat, e.ErrorId);
            Assert.Contains(named, e.Message);
        }

        [Theory]
        [InlineData("tiny.tif")]
        [InlineData("tiny.gif")]
        [InlineData("tiny.bmp")]
        public void The_project_configuration_knows_no_other_format_even_when_asked_directly(string file)
        {
            Assert.Throws<UnknownImageFormatException>(() => Image.Load(SafeImageConfiguration.Instance, File.ReadAllBytes(Hostile(file))));
        }

        [Fact]
        public void A_png_claiming_100000_squared_is_refused_from_its_header_before_any_pixel_memory()
        {
            byte[] bytes = File.ReadAllBytes(Hostile("claims-100000x100000.png"));
            Assert.Equal(100000, Image.Identify(Configuration.Default, new MemoryStream(bytes)).Width);   // a valid header

            long before = GC.GetAllocatedBytesForCurrentThread();
            var e = Assert.Throws<GptImageImageException>(() => SafeImageReader.Load(bytes, "claims.png", out _));
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(ImageErrorIds.DimensionsInvalid, e.ErrorId);
            Assert.Contains("100000x100000", e.Message);
            Assert.True(allocated < 1024 * 1024, $"refusing the header allocated {allocated} bytes");
        }

        [Fact]
        public void A_valid_png_decodes()
        {
            using var image = SafeImageReader.Load(TestImages.RgbaPng(40, 30), "ok.png", out string format);
            Assert.Equal("png", format);
            Assert.Equal((40, 30), (image.Width, image.Height));
        }
    }
}
