using GptImage.Wire;

namespace GptImage.Tests.Wire
{
    public sealed class ImageStreamParserTests
    {
        private static ImageResult Parse(string sse) =>
            ImageStreamParser.Parse(Encoding.UTF8.GetBytes(sse), "gpt-image-2", "req_s", null, 1, e => new InvalidOperationException("error event: " + e.Code));

        private static string Event(string type, byte[] image, string extra = "") =>
            $"event: {type}\ndata: {{\"type\":\"{type}\",\"b64_json\":\"{Convert.ToBase64String(image)}\",\"created_at\":1763700000,\"size\":\"1024x1024\",\"quality\":\"low\",\"background\":\"opaque\",\"output_format\":\"png\"{extra}}}\n\n";

        [Fact]
        public void Partial_images_are_skipped_and_completed_events_give_the_images_and_usage()
        {
            byte[] partial = TestImages.PngBytes(2, 2);
            byte[] final = TestImages.PngBytes(4, 4);
            string usage = ",\"usage\":{\"total_tokens\":300,\"input_tokens\":28,\"output_tokens\":272,\"input_tokens_details\":{\"text_tokens\":28,\"image_tokens\":0}}";
            ImageResult r = Parse(Event("image_generation.partial_image", partial, ",\"partial_image_index\":0") + Event("image_generation.completed", final, usage));
            GeneratedImage image = Assert.Single(r.Images);
            Assert.Equal(final, image.Bytes);
            Assert.Equal(272, r.Usage!.OutputTokens);
            Assert.Equal(("1024x1024", "low", "png"), (r.Size, r.Quality, r.OutputFormat));
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1763700000), r.Created);
        }

        [Fact]
        public void A_stream_without_a_completed_event_is_an_invalid_response() =>
            Assert.Throws<InvalidResponseException>(() => Parse(Event("image_edit.partial_image", TestImages.PngBytes(2, 2))));

        [Fact]
        public void An_error_event_becomes_the_api_error() =>
            Assert.Equal("error event: moderation_blocked",
                Assert.Throws<InvalidOperationException>(() => Parse("event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"image_generation_user_error\",\"code\":\"moderation_blocked\",\"message\":\"blocked\",\"param\":null}}\n\n")).Message);
    }
}
