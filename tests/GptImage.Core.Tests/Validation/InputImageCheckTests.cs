using GptImage.Tests.Client;
using GptImage.Tests.Imaging;

namespace GptImage.Tests.Validation
{
    /// <summary>Input images of an edit are checked on this machine, like masks, before anything is uploaded.</summary>
    public sealed class InputImageCheckTests
    {
        public static IEnumerable<object[]> Malformed => OracleCorpus.Names(OracleCorpus.Malformed);
        public static IEnumerable<object[]> Valid => OracleCorpus.Names(OracleCorpus.Valid);

        private static ImageEditRequest EditOf(string path) =>
            new ImageEditRequest { Prompt = "add a hat", Model = "gpt-image-2", Images = { path } };

        [Theory]
        [MemberData(nameof(Malformed))]
        public async Task A_malformed_png_is_refused_before_any_upload_naming_the_file_and_the_fault(string file)
        {
            string path = OracleCorpus.MalformedPath(file);
            var handler = new ScriptedHandler(ScriptedHandler.Ok());
            using var h = TestClients.Create(handler);

            var e = await Assert.ThrowsAsync<GptImageValidationException>(() => h.Client.EditAsync(EditOf(path)));

            Assert.Equal(ErrorIds.InvalidImage, e.ErrorId);
            Assert.Equal("Path", e.ParamName);
            Assert.Contains(file, e.Message, StringComparison.Ordinal);
            Assert.Equal(0, handler.Calls);
        }

        [Theory]
        [InlineData("truncated-idat.png", "cut short|ends")]
        [InlineData("bad-crc-idat.png", "CRC")]
        [InlineData("absurd-dimensions.png", "100000x100000")]
        [InlineData("huge-width.png", "2147483648")]
        [InlineData("huge-chunk-length.png", "cut short|ends|length")]
        public void The_error_says_what_is_wrong(string file, string pattern)
        {
            var e = Assert.Throws<GptImageValidationException>(() => RequestValidator.Validate(EditOf(OracleCorpus.MalformedPath(file)), DateTime.UtcNow));
            Assert.Matches("(?i)" + pattern, e.Message);
        }

        [Theory]
        [MemberData(nameof(Valid))]
        public void A_valid_png_passes(string file) =>
            RequestValidator.Validate(EditOf(OracleCorpus.ValidPath(file)), DateTime.UtcNow);

        [Fact]
        public void A_damaged_png_given_as_a_stream_is_refused_too()
        {
            byte[] bytes = File.ReadAllBytes(OracleCorpus.MalformedPath("bad-crc-idat.png"));
            var request = new ImageEditRequest { Prompt = "add a hat", Model = "gpt-image-2" };
            request.Images.Add(new MemoryStream(bytes), "upload.png");
            var e = Assert.Throws<GptImageValidationException>(() => RequestValidator.Validate(request, DateTime.UtcNow));
            Assert.Contains("upload.png", e.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_jpeg_whose_header_claims_an_absurd_size_is_refused()
        {
            string path = Path.Combine(TestTemp.NewDirectory(), "huge.jpg");
            File.WriteAllBytes(path, JpegClaiming(60000, 60000));
            var e = Assert.Throws<GptImageValidationException>(() => RequestValidator.Validate(EditOf(path), DateTime.UtcNow));
            Assert.Contains("60000x60000", e.Message, StringComparison.Ordinal);
        }

        // A real baseline JPEG whose SOF0 frame header is rewritten to claim another size.
        private static byte[] JpegClaiming(int width, int height)
        {
            byte[] jpeg = TestImages.Jpeg(16, 16);
            for (int i = 2; i + 9 < jpeg.Length; i++)
            {
                if (jpeg[i] != 0xFF || jpeg[i + 1] != 0xC0) continue;
                jpeg[i + 5] = (byte)(height >> 8); jpeg[i + 6] = (byte)height;
                jpeg[i + 7] = (byte)(width >> 8); jpeg[i + 8] = (byte)width;
                return jpeg;
            }
            throw new InvalidOperationException("no SOF0 marker");
        }
    }
}
