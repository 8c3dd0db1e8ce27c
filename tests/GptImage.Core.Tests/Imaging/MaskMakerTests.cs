using GptImage.Imaging;

namespace GptImage.Tests.Imaging
{
    public class MaskMakerTests
    {
        private static readonly MaskRectangle Rect = new MaskRectangle(10, 6, 20, 12); // the rectangle in the pngjs 64x48 corpus files

        private static string Valid(string file) => OracleCorpus.ValidPath(file);

        private static string AlphaSha(MaskFiles files, byte[] png)
        {
            string path = files.Write(Guid.NewGuid().ToString("N") + ".png", png);
            var decoded = Assert.Single(PngjsOracle.Decode(path));
            Assert.Null(decoded.Error);
            return decoded.AlphaSha256!;
        }

        [Fact]
        public void RectangleMaskHasTheSameAlphaAsThePngjsReferenceMask()
        {
            using var files = new MaskFiles();
            byte[] png = MaskMaker.FromRectangles(64, 48, new[] { Rect });
            Assert.Equal(OracleCorpus.ValidEntry("pngjs-mask-rect-64x48.png").GetProperty("alphaSha256").GetString(), AlphaSha(files, png));
        }

        [Fact]
        public void RectanglesForAnImageTakeItsSizeFromAnyFormat()
        {
            using var files = new MaskFiles();
            string mask = files.Write("mask.png", MaskMaker.FromRectangles(OracleCorpus.OtherPath("baseline.jpg"), new[] { new MaskRectangle(0, 0, 100, 50), new MaskRectangle(600, 400, 40, 80) }));
            MaskReport r = MaskValidator.Validate(mask, OracleCorpus.OtherPath("baseline.jpg"));
            Assert.True(r.IsValid, string.Join("; ", r.Problems));
            Assert.Equal(640, r.Width);
            Assert.Equal(100 * 50 + 40 * 80, r.TransparentPixels);
            Assert.Equal(new MaskRectangle(0, 0, 640, 480), r.EditBounds);
        }

        [Fact]
        public void OverlappingRectanglesCountOnce()
        {
            using var files = new MaskFiles();
            string mask = files.Write("mask.png", MaskMaker.FromRectangles(20, 20, new[] { new MaskRectangle(0, 0, 10, 10), new MaskRectangle(5, 5, 10, 10) }));
            Assert.Equal(175, MaskValidator.Validate(mask, mask).TransparentPixels);
        }

        [Fact]
        public void InvertEditsEverythingOutsideTheRectangles()
        {
            using var files = new MaskFiles();
            string mask = files.Write("mask.png", MaskMaker.FromRectangles(64, 48, new[] { Rect }, invert: true));
            MaskReport r = MaskValidator.Validate(mask, Valid("pngjs-rgb-64x48.png"));
            Assert.True(r.IsValid);
            Assert.Equal(64 * 48 - 20 * 12, r.TransparentPixels);
            Assert.Equal(new MaskRectangle(0, 0, 64, 48), r.EditBounds);
        }

        [Theory]
        [InlineData(-1, 0, 5, 5)]
        [InlineData(60, 0, 5, 5)]
        [InlineData(0, 44, 5, 5)]
        [InlineData(0, 0, 0, 5)]
        public void RectangleOutsideTheImageIsRefusedNamingIt(int x, int y, int w, int h)
        {
            var e = Assert.Throws<GptImageValidationException>(() => MaskMaker.FromRectangles(64, 48, new[] { new MaskRectangle(x, y, w, h) }));
            Assert.Equal(ErrorIds.InvalidMask, e.ErrorId);
            Assert.Contains("-Rectangle", e.Message);
            Assert.Contains($"{x},{y},{w},{h}", e.Message);
            Assert.Contains("64x48", e.Message);
        }

        [Fact]
        public void NoRectangleIsRefused()
        {
            var e = Assert.Throws<GptImageValidationException>(() => MaskMaker.FromRectangles(64, 48, Array.Empty<MaskRectangle>()));
            Assert.Contains("at least one rectangle", e.Message);
        }

        [Theory]
        [InlineData("pngjs-rgb-64x48.png", MaskEditColor.Black)]  // black rectangle on white, RGB without alpha
        [InlineData("pngjs-gray-64x48.png", MaskEditColor.White)] // white rectangle on black, grayscale
        public void BlackAndWhitePictureBecomesTheRectangleMask(string source, MaskEditColor editColor)
        {
            using var files = new MaskFiles();
            byte[] png = MaskMaker.FromImage(Valid(source), editColor);
            Assert.Equal(OracleCorpus.ValidEntry("pngjs-mask-rect-64x48.png").GetProperty("alphaSha256").GetString(), AlphaSha(files, png));
        }

        [Fact]
        public void OtherEditColorSelectsTheOtherArea()
        {
            using var files = new MaskFiles();
            string mask = files.Write("mask.png", MaskMaker.FromImage(Valid("pngjs-rgb-64x48.png"), MaskEditColor.White));
            Assert.Equal(64 * 48 - 20 * 12, MaskValidator.Validate(mask, mask).TransparentPixels);
        }

        [Fact]
        public void ThresholdDecidesWhatCountsAsBlack()
        {
            using var files = new MaskFiles();
            // Gray ramp: column x has luminance x*4 (0..252).
            var rgba = new byte[64 * 1 * 4];
            for (int x = 0; x < 64; x++) { rgba[x * 4] = rgba[x * 4 + 1] = rgba[x * 4 + 2] = (byte)(x * 4); rgba[x * 4 + 3] = 255; }
            string ramp = files.Write("ramp.png", PngEncoder.EncodeRgba(64, 1, rgba));
            string mask = files.Write("mask.png", MaskMaker.FromImage(ramp, MaskEditColor.Black, threshold: 100));
            MaskReport r = MaskValidator.Validate(mask, ramp);
            Assert.Equal(25, r.TransparentPixels); // luminance 0..96 < 100
            Assert.Equal(new MaskRectangle(0, 0, 25, 1), r.EditBounds);
        }

        [Fact]
        public void TransparentPixelsOfTheSourceStayEditable()
        {
            using var files = new MaskFiles();
            // White everywhere (nothing to edit for Black), but the first 5 pixels are fully transparent.
            var rgba = Enumerable.Repeat((byte)255, 10 * 2 * 4).ToArray();
            for (int i = 0; i < 5; i++) rgba[i * 4 + 3] = 0;
            string source = files.Write("source.png", PngEncoder.EncodeRgba(10, 2, rgba));
            string mask = files.Write("mask.png", MaskMaker.FromImage(source));
            Assert.Equal(5, MaskValidator.Validate(mask, source).TransparentPixels);
        }

        [Fact]
        public void JpegSourceIsRefusedWithAClearReason()
        {
            var e = Assert.Throws<GptImageImageException>(() => MaskMaker.FromImage(OracleCorpus.OtherPath("baseline.jpg")));
            Assert.Equal(ImageErrorIds.DecodeNotSupported, e.ErrorId);
            Assert.Contains("only from PNG", e.Message);
            Assert.Contains("rectangles", e.Message);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(256)]
        public void ThresholdOutOfRangeIsRefused(int threshold)
        {
            var e = Assert.Throws<GptImageValidationException>(() => MaskMaker.FromImage(Valid("pngjs-rgb-64x48.png"), MaskEditColor.Black, threshold));
            Assert.Contains("-Threshold", e.Message);
            Assert.Contains(threshold.ToString(), e.Message);
        }

        [Fact]
        public void InvertSwapsEditedAndKeptAreas()
        {
            using var files = new MaskFiles();
            string inverted = files.Write("inverted.png", MaskMaker.Invert(Valid("pngjs-mask-rect-64x48.png")));
            Assert.Equal(64 * 48 - 20 * 12, MaskValidator.Validate(inverted, inverted).TransparentPixels);
            string back = files.Write("back.png", MaskMaker.Invert(inverted));
            Assert.Equal(OracleCorpus.ValidEntry("pngjs-mask-rect-64x48.png").GetProperty("alphaSha256").GetString(), AlphaSha(files, File.ReadAllBytes(back)));
        }

        [Theory]
        [InlineData("10,20,30,40", 10, 20, 30, 40)]
        [InlineData(" 0, 0 ,1,1 ", 0, 0, 1, 1)]
        public void RectangleParsesXYWidthHeight(string text, int x, int y, int w, int h)
        {
            Assert.Equal(new MaskRectangle(x, y, w, h), MaskRectangle.Parse(text));
            Assert.Equal($"{x},{y},{w},{h}", MaskRectangle.Parse(text).ToString());
        }

        [Theory]
        [InlineData("10,20,30")]
        [InlineData("a,b,c,d")]
        [InlineData("1,2,0,4")]
        [InlineData("1.5,2,3,4")]
        [InlineData("")]
        public void BadRectangleTextIsRefusedNamingTheValue(string text)
        {
            var e = Assert.Throws<GptImageValidationException>(() => MaskRectangle.Parse(text));
            Assert.Contains("-Rectangle", e.Message);
            Assert.Contains("x,y,width,height", e.Message);
        }
    }
}
