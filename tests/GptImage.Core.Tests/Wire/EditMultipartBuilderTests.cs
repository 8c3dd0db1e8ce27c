using System.Text.RegularExpressions;
using GptImage.Wire;

namespace GptImage.Tests.Wire
{
    public sealed class EditMultipartBuilderTests : IDisposable
    {
        private readonly TempFolder _files = new TempFolder();

        public void Dispose() => _files.Dispose();

        private static async Task<string> BodyAsync(ImageEditRequest r)
        {
            using var content = new EditMultipartBuilder(r).Build();
            // Latin-1 keeps every byte as one char, so binary parts do not break the text search.
            return System.Text.Encoding.Latin1.GetString(await content.ReadAsByteArrayAsync());
        }

        [Fact]
        public async Task Each_image_is_one_quoted_image_array_part_with_its_real_type()
        {
            var r = new ImageEditRequest { Prompt = "add snow" };
            r.Images.Add(_files.Png("a.png"));
            r.Images.Add(_files.Write("b.png", TestImages.Jpeg(8, 8)));   // a JPEG with a .png name
            r.Images.Add(_files.Write("c.webp", TestImages.Webp(8, 8)));
            string body = await BodyAsync(r);

            var parts = Regex.Matches(body, "Content-Disposition: form-data; name=\"image\\[\\]\"; filename=\"([^\"]+)\"\r\nContent-Type: ([^\r]+)\r\n");
            Assert.Equal(3, parts.Count);
            Assert.Equal(("a.png", "image/png"), (parts[0].Groups[1].Value, parts[0].Groups[2].Value));
            Assert.Equal(("b.png", "image/jpeg"), (parts[1].Groups[1].Value, parts[1].Groups[2].Value));
            Assert.Equal(("c.webp", "image/webp"), (parts[2].Groups[1].Value, parts[2].Groups[2].Value));
            Assert.DoesNotContain("filename*", body);
            Assert.DoesNotContain("octet-stream", body);
        }

        [Fact]
        public async Task Text_fields_are_quoted_and_only_set_ones_are_sent()
        {
            var r = new ImageEditRequest { Prompt = "add snow", InputFidelity = "High", Model = "gpt-image-1.5", Count = 2 };
            r.Images.Add(_files.Png("a.png"));
            string body = await BodyAsync(r);
            string[] names = Regex.Matches(body, "; name=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToArray();
            Assert.Equal(new[] { "model", "prompt", "n", "input_fidelity", "image[]" }, names);
            Assert.Contains("name=\"input_fidelity\"\r\n\r\nhigh\r\n", body);
            Assert.Contains("name=\"n\"\r\n\r\n2\r\n", body);
            Assert.DoesNotContain("moderation", body);
            Assert.DoesNotContain("response_format", body);
        }

        [Fact]
        public async Task The_mask_is_a_png_part_named_mask_and_the_bytes_are_sent_unchanged()
        {
            byte[] maskBytes = TestImages.PngBytes(64, 64, transparent: true);
            var r = new ImageEditRequest { Prompt = "p", MaskPath = _files.Write("m.png", maskBytes) };
            r.Images.Add(_files.Png("a.png"));
            string body = await BodyAsync(r);
            Assert.Contains("Content-Disposition: form-data; name=\"mask\"; filename=\"m.png\"\r\nContent-Type: image/png\r\n\r\n", body);
            Assert.Contains(System.Text.Encoding.Latin1.GetString(maskBytes), body);
        }

        [Fact]
        public async Task A_stream_input_can_be_built_twice_for_a_retry()
        {
            byte[] png = TestImages.PngBytes(8, 8);
            using var stream = new NonSeekable(png);
            var r = new ImageEditRequest { Prompt = "p" };
            r.Images.Add(stream, "s.png");
            var builder = new EditMultipartBuilder(r);
            foreach (int _ in new[] { 1, 2 })
            {
                using var content = builder.Build();
                string body = System.Text.Encoding.Latin1.GetString(await content.ReadAsByteArrayAsync());
                Assert.Contains(System.Text.Encoding.Latin1.GetString(png), body);
            }
        }

        [Theory]
        [InlineData("plain.png", "plain.png")]
        [InlineData("quo\"te.png", "quo_te.png")]
        [InlineData("bäck\\slash.png", "b_ck_slash.png")]
        public void File_names_are_reduced_to_safe_ascii(string name, string expected) =>
            Assert.Equal(expected, EditMultipartBuilder.SafeFileName(name));

        private sealed class NonSeekable : MemoryStream
        {
            public NonSeekable(byte[] bytes) : base(bytes) { }
            public override bool CanSeek => false;
        }
    }
}
