using GptImage.Wire;

namespace GptImage.Tests.Wire
{
    public sealed class ImagesResponseParserTests
    {
        private static ImageResult Parse(string json) => ImagesResponseParser.Parse(Encoding.UTF8.GetBytes(json), "gpt-image-2", "req_1", null, 1);

        [Fact]
        public void A_full_response_is_read_with_usage_details_and_the_format_from_the_bytes()
        {
            byte[] png = TestImages.PngBytes(4, 4);
            string json = "{\"created\":1713833628,\"data\":[{\"b64_json\":\"" + Convert.ToBase64String(png) + "\",\"revised_prompt\":\"a fox, watercolour\"},"
                + "{\"b64_json\":\"" + Convert.ToBase64String(TestImages.Jpeg(8, 8)) + "\"}],"
                + "\"background\":\"opaque\",\"output_format\":\"png\",\"size\":\"1536x864\",\"quality\":\"high\","
                + "\"usage\":{\"total_tokens\":300,\"input_tokens\":50,\"output_tokens\":250,\"input_tokens_details\":{\"text_tokens\":10,\"image_tokens\":40},"
                + "\"output_tokens_details\":{\"image_tokens\":240,\"text_tokens\":10}}}";
            ImageResult r = Parse(json);

            Assert.Equal(2, r.Images.Count);
            Assert.Equal(png, r.Images[0].Bytes);
            Assert.Equal("png", r.Images[0].Format);
            Assert.Equal("a fox, watercolour", r.Images[0].RevisedPrompt);
            Assert.Equal("jpeg", r.Images[1].Format);   // the bytes win over output_format
            Assert.Equal(1, r.Images[1].Index);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1713833628), r.Created);
            Assert.Equal(("1536x864", "high", "opaque", "png"), (r.Size, r.Quality, r.Background, r.OutputFormat));
            Assert.Equal("req_1", r.RequestId);
            Assert.NotNull(r.Usage);
            Assert.Equal((50L, 250L, 300L, 10L, 40L), (r.Usage!.InputTokens, r.Usage.OutputTokens, r.Usage.TotalTokens, r.Usage.TextTokens, r.Usage.ImageTokens));
            Assert.Equal(240L, r.Usage.OutputImageTokens);
            Assert.Equal(10L, r.Usage.OutputTextTokens);
        }

        [Fact]
        public void A_response_without_usage_has_null_usage()
        {
            ImageResult r = Parse("{\"created\":1,\"data\":[{\"b64_json\":\"" + Convert.ToBase64String(TestImages.Webp(8, 8)) + "\"}]}");
            Assert.Null(r.Usage);
            Assert.Equal("webp", r.Images[0].Format);
        }

        [Theory]
        [InlineData("{\"created\":1,\"data\":[{\"b64_json\":\"iVBORw0KGgo")]   // cut short
        [InlineData("<html>Bad gateway</html>")]
        [InlineData("")]
        [InlineData("{\"created\":1,\"data\":[{\"b64_json\":\"not base64 at all!\"}]}")]
        [InlineData("{\"created\":1}")]
        [InlineData("{\"created\":1,\"data\":[]}")]
        [InlineData("{\"created\":1,\"data\":[{\"url\":\"https://example.com/x.png\"}]}")]
        public void An_unreadable_body_is_an_invalid_response(string body) =>
            Assert.Throws<InvalidResponseException>(() => Parse(body));
    }
}
