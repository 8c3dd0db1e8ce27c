namespace GptImage.Tests.Imaging
{
    public class MaskValidatorTests
    {
        private const long FourMb = 4L * 1024 * 1024;
        private const long FiftyMb = 50L * 1024 * 1024;

        private static string Valid(string file) => OracleCorpus.ValidPath(file);
        private static string[] Ids(MaskReport r) => r.Problems.Select(p => p.Id).OrderBy(i => i).ToArray();

        [Fact]
        public void GoodMaskIsValidWithShareAndBoundsOfTheTransparentArea()
        {
            MaskReport r = MaskValidator.Validate(Valid("pngjs-mask-rect-64x48.png"), Valid("pngjs-rgb-64x48.png"));

            Assert.True(r.IsValid, string.Join("; ", r.Problems));
            Assert.Empty(r.Warnings);
            Assert.Equal(64, r.Width);
            Assert.Equal(48, r.Height);
            Assert.Equal(20 * 12, r.TransparentPixels);
            Assert.Equal(20 * 12 * 100.0 / (64 * 48), r.TransparentPercent!.Value, 9);
            Assert.Equal(new MaskRectangle(10, 6, 20, 12), r.EditBounds);
            Assert.Equal(new FileInfo(Valid("pngjs-mask-rect-64x48.png")).Length, r.MaskBytes);
            Assert.Equal(new FileInfo(Valid("pngjs-rgb-64x48.png")).Length, r.ImageBytes);
            Assert.Equal("gpt-image-2", r.Model);
            Assert.Equal(FourMb, r.MaxMaskBytes);
            Assert.Equal(FiftyMb, r.MaxImageBytes);
        }

        public static IEnumerable<object[]> AlphaFiles =>
            OracleCorpus.Names(OracleCorpus.Valid.Where(e => e.GetProperty("hasAlpha").GetBoolean()));

        [Theory]
        [MemberData(nameof(AlphaFiles))]
        public void TransparentCountAndBoundsEqualTheOracles(string file)
        {
            JsonElement expected = OracleCorpus.ValidEntry(file);
            MaskReport r = MaskValidator.Validate(Valid(file), Valid(file));

            long transparent = expected.GetProperty("transparentPixels").GetInt64();
            Assert.Equal(transparent, r.TransparentPixels);
            JsonElement bounds = expected.GetProperty("editBounds");
            if (bounds.ValueKind == JsonValueKind.Null) Assert.Null(r.EditBounds);
            else Assert.Equal(new MaskRectangle(bounds.GetProperty("x").GetInt32(), bounds.GetProperty("y").GetInt32(),
                bounds.GetProperty("width").GetInt32(), bounds.GetProperty("height").GetInt32()), r.EditBounds);
            Assert.Equal(transparent == 0, r.HasProblem(ImageErrorIds.MaskNothingTransparent));
        }

        [Fact]
        public void JpegMaskIsNotPngAlone()
        {
            using var files = new MaskFiles();
            string image = files.Png("image.png", 640, 480, (x, y) => 255);
            MaskReport r = MaskValidator.Validate(OracleCorpus.OtherPath("baseline.jpg"), image);
            Assert.Equal(new[] { ImageErrorIds.MaskNotPng }, Ids(r));
            Assert.Equal("jpeg", r.MaskFormat);
            Assert.Null(r.TransparentPercent);
        }

        [Fact]
        public void MaskWithoutAlphaIsNoAlphaAlone()
        {
            MaskReport r = MaskValidator.Validate(Valid("pngjs-rgb-64x48.png"), Valid("pngjs-mask-rect-64x48.png"));
            Assert.Equal(new[] { ImageErrorIds.MaskNoAlpha }, Ids(r));
            Assert.Contains("alpha", r.Problems[0].Message);
        }

        [Fact]
        public void DifferentSizeIsSizeMismatchAlone()
        {
            MaskReport r = MaskValidator.Validate(Valid("pngjs-mask-rect-64x48.png"), Valid("pngjs-rgba-32x32.png"));
            Assert.Equal(new[] { ImageErrorIds.MaskSizeMismatch }, Ids(r));
            Assert.Contains("64x48", r.Problems[0].Message);
            Assert.Contains("32x32", r.Problems[0].Message);
        }

        [Fact]
        public void SizeMismatchIsCheckedAgainstJpegAndWebPImagesToo()
        {
            MaskReport jpeg = MaskValidator.Validate(Valid("pngjs-mask-rect-64x48.png"), OracleCorpus.OtherPath("progressive.jpg"));
            MaskReport webp = MaskValidator.Validate(Valid("pngjs-mask-rect-64x48.png"), OracleCorpus.OtherPath("lossless-alpha.webp"));
            Assert.Equal(new[] { ImageErrorIds.MaskSizeMismatch }, Ids(jpeg));
            Assert.Equal(new[] { ImageErrorIds.MaskSizeMismatch }, Ids(webp));
            Assert.Equal(1536, jpeg.ImageWidth);
            Assert.Equal("webp", webp.ImageFormat);
        }

        [Fact]
        public void OversizedMaskIsTooLargeAlone()
        {
            using var files = new MaskFiles();
            string mask = files.PaddedPng("big-mask.png", Valid("pngjs-mask-rect-64x48.png"), FourMb);
            MaskReport r = MaskValidator.Validate(mask, Valid("pngjs-rgb-64x48.png"));
            Assert.Equal(new[] { ImageErrorIds.MaskTooLarge }, Ids(r));
            Assert.True(r.MaskBytes > FourMb);
            Assert.Equal(20 * 12, r.TransparentPixels); // still measured
        }

        [Fact]
        public void MaskOfExactlyTheLimitIsAccepted()
        {
            using var files = new MaskFiles();
            string mask = files.PaddedPng("limit-mask.png", Valid("pngjs-mask-rect-64x48.png"), FourMb - 1);
            Assert.Equal(FourMb, new FileInfo(mask).Length);
            Assert.True(MaskValidator.Validate(mask, Valid("pngjs-rgb-64x48.png")).IsValid);
        }

        [Fact]
        public void OversizedImageIsImageTooLargeAlone()
        {
            using var files = new MaskFiles();
            string mask = files.Png("mask.png", 640, 480, (x, y) => x < 10 ? (byte)0 : (byte)255);
            string image = files.Grown("huge.jpg", OracleCorpus.OtherPath("baseline.jpg"), FiftyMb + 1);
            MaskReport r = MaskValidator.Validate(mask, image);
            Assert.Equal(new[] { ImageErrorIds.ImageTooLarge }, Ids(r));
            Assert.Equal(FiftyMb + 1, r.ImageBytes);
        }

        [Fact]
        public void EveryImageIsCheckedAgainstTheByteLimitButOnlyTheFirstForSize()
        {
            using var files = new MaskFiles();
            string big = files.Grown("huge.jpg", OracleCorpus.OtherPath("baseline.jpg"), FiftyMb + 1);
            MaskReport r = MaskValidator.Validate(Valid("pngjs-mask-rect-64x48.png"), new[] { Valid("pngjs-rgb-64x48.png"), big, Valid("pngjs-rgba-32x32.png") });
            Assert.Equal(new[] { ImageErrorIds.ImageTooLarge }, Ids(r));
            Assert.Contains("huge.jpg", r.Problems[0].Message);
        }

        [Fact]
        public void OpaqueMaskIsNothingTransparentAlone()
        {
            MaskReport r = MaskValidator.Validate(Valid("pngjs-mask-opaque-64x48.png"), Valid("pngjs-rgb-64x48.png"));
            Assert.Equal(new[] { ImageErrorIds.MaskNothingTransparent }, Ids(r));
            Assert.Equal(0, r.TransparentPercent);
            Assert.Null(r.EditBounds);
        }

        [Fact]
        public void FullyTransparentMaskIsValidWithAWarning()
        {
            MaskReport r = MaskValidator.Validate(Valid("pngjs-mask-clear-64x48.png"), Valid("pngjs-rgb-64x48.png"));
            Assert.True(r.IsValid);
            Assert.Equal(new[] { ImageErrorIds.MaskAllTransparent }, r.Warnings.Select(w => w.Id).ToArray());
            Assert.Equal(100, r.TransparentPercent);
            Assert.Equal(new MaskRectangle(0, 0, 64, 48), r.EditBounds);
        }

        [Theory]
        [InlineData("bad-crc-idat.png")]
        [InlineData("bomb.png")]
        [InlineData("truncated-idat.png")]
        public void DamagedMaskIsAProblemNotAnException(string malformed)
        {
            using var files = new MaskFiles();
            string image = files.Png("image.png", 8, 4, (x, y) => 255);
            MaskReport r = MaskValidator.Validate(OracleCorpus.MalformedPath(malformed), image);
            Assert.Equal(new[] { ImageErrorIds.MaskUnreadable }, Ids(r));
            Assert.Contains("GptImage.Image.", r.Problems[0].Message);
        }

        [Fact]
        public void MissingFilesAreProblems()
        {
            using var files = new MaskFiles();
            MaskReport r = MaskValidator.Validate(Path.Combine(files.Folder, "no-mask.png"), Path.Combine(files.Folder, "no-image.png"));
            Assert.Equal(new[] { ImageErrorIds.ImageUnreadable, ImageErrorIds.MaskUnreadable }, Ids(r));
            Assert.Equal(0, r.MaskBytes);
            Assert.Contains(ImageErrorIds.FileUnreadable, r.Problems[0].Message + r.Problems[1].Message);
        }

        [Fact]
        public void GifImageIsImageUnreadableAlone()
        {
            MaskReport r = MaskValidator.Validate(Valid("pngjs-mask-rect-64x48.png"), OracleCorpus.MalformedPath("gif-renamed.png"));
            Assert.Equal(new[] { ImageErrorIds.ImageUnreadable }, Ids(r));
            Assert.Contains("GIF", r.Problems[0].Message);
        }

        [Fact]
        public void EveryProblemIsReportedTogether()
        {
            using var files = new MaskFiles();
            // An RGB (no alpha) mask over 4 MB, 64x48, against a 32x32 image over 50 MB.
            string mask = files.PaddedPng("big-rgb-mask.png", Valid("pngjs-rgb-64x48.png"), FourMb + 10);
            string image = files.Grown("big-image.png", Valid("pngjs-rgba-32x32.png"), FiftyMb + 10);
            MaskReport r = MaskValidator.Validate(mask, image);
            Assert.Equal(new[] { ImageErrorIds.ImageTooLarge, ImageErrorIds.MaskNoAlpha, ImageErrorIds.MaskSizeMismatch, ImageErrorIds.MaskTooLarge }.OrderBy(i => i).ToArray(), Ids(r));
            Assert.False(r.IsValid);
        }

        [Fact]
        public void OpaqueOversizedWrongSizeMaskGetsThreeProblems()
        {
            using var files = new MaskFiles();
            string mask = files.PaddedPng("big-opaque.png", Valid("pngjs-mask-opaque-64x48.png"), FourMb + 10);
            MaskReport r = MaskValidator.Validate(mask, Valid("pngjs-rgba-32x32.png"));
            Assert.Equal(new[] { ImageErrorIds.MaskNothingTransparent, ImageErrorIds.MaskSizeMismatch, ImageErrorIds.MaskTooLarge }.OrderBy(i => i).ToArray(), Ids(r));
        }

        [Fact]
        public void JpegMaskOfWrongSizeGetsBothProblems()
        {
            MaskReport r = MaskValidator.Validate(OracleCorpus.OtherPath("baseline.jpg"), Valid("pngjs-rgb-64x48.png"));
            Assert.Equal(new[] { ImageErrorIds.MaskNotPng, ImageErrorIds.MaskSizeMismatch }.OrderBy(i => i).ToArray(), Ids(r));
        }

        [Fact]
        public void PaletteMaskWithTrnsCountsAsAlpha()
        {
            MaskReport r = MaskValidator.Validate(Valid("spec-ct3-8bit-trns.png"), Valid("spec-ct3-8bit-trns.png"));
            Assert.DoesNotContain(r.Problems, p => p.Id == ImageErrorIds.MaskNoAlpha);
        }

        [Fact]
        public void UnknownModelFallsBackToDefaultLimitsWithAWarning()
        {
            MaskReport r = MaskValidator.Validate(Valid("pngjs-mask-rect-64x48.png"), Valid("pngjs-rgb-64x48.png"), "my-azure-deployment");
            Assert.True(r.IsValid);
            Assert.Equal("gpt-image-2", r.Model);
            Assert.Contains(r.Warnings, w => w.Id == ImageErrorIds.ModelUnknown && w.Message.Contains("my-azure-deployment"));
        }

        [Fact]
        public void ValidationErrorForPreflightNamesTheParameterAndEveryProblem()
        {
            Assert.Null(MaskValidator.Validate(Valid("pngjs-mask-rect-64x48.png"), Valid("pngjs-rgb-64x48.png")).ToValidationError());

            var sizeOnly = MaskValidator.Validate(Valid("pngjs-mask-rect-64x48.png"), Valid("pngjs-rgba-32x32.png")).ToValidationError()!;
            Assert.Equal(ErrorIds.MaskMismatch, sizeOnly.ErrorId);
            Assert.Contains("-MaskPath", sizeOnly.Message);
            Assert.Contains("32x32", sizeOnly.Message);

            var several = MaskValidator.Validate(Valid("pngjs-rgb-64x48.png"), Valid("pngjs-rgba-32x32.png")).ToValidationError("Mask")!;
            Assert.Equal(ErrorIds.InvalidMask, several.ErrorId);
            Assert.Contains("-Mask ", several.Message);
            Assert.Contains("alpha", several.Message);
            Assert.Contains("32x32", several.Message);
        }

        [Fact]
        public void KnownModelLimitsComeFromTheCatalog()
        {
            ModelCapabilities caps = ModelCatalog.Find("gpt-image-1.5")!;
            MaskReport r = MaskValidator.Validate(Valid("pngjs-mask-rect-64x48.png"), Valid("pngjs-rgb-64x48.png"), "gpt-image-1.5");
            Assert.Equal("gpt-image-1.5", r.Model);
            Assert.Equal(caps.MaxMaskBytes, r.MaxMaskBytes);
            Assert.Equal(caps.MaxImageBytes, r.MaxImageBytes);
        }
    }
}
