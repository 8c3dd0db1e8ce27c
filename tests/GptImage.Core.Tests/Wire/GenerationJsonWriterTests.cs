using GptImage.Wire;

namespace GptImage.Tests.Wire
{
    public sealed class GenerationJsonWriterTests
    {
        private static JsonElement Write(ImageGenerationRequest r) => JsonDocument.Parse(GenerationJsonWriter.Write(r)).RootElement;

        private static string[] Names(JsonElement e) => e.EnumerateObject().Select(p => p.Name).ToArray();

        [Fact]
        public void Unset_fields_are_left_out_and_model_is_always_sent()
        {
            JsonElement json = Write(new ImageGenerationRequest { Prompt = "a fox" });
            Assert.Equal(new[] { "model", "prompt" }, Names(json));
            Assert.Equal("gpt-image-2", json.GetProperty("model").GetString());
            Assert.Equal("a fox", json.GetProperty("prompt").GetString());
        }

        [Fact]
        public void Every_option_goes_out_under_its_spec_name_and_type()
        {
            JsonElement json = Write(new ImageGenerationRequest
            {
                Prompt = "p", Model = "gpt-image-2", Size = "1536X864", Quality = "High", OutputFormat = "webp", Compression = 70,
                Background = "opaque", Moderation = "low", Count = 3, User = "user-42", PartialImages = 2,
            });
            Assert.Equal("1536x864", json.GetProperty("size").GetString());
            Assert.Equal("high", json.GetProperty("quality").GetString());
            Assert.Equal("webp", json.GetProperty("output_format").GetString());
            Assert.Equal(70, json.GetProperty("output_compression").GetInt32());
            Assert.Equal("opaque", json.GetProperty("background").GetString());
            Assert.Equal("low", json.GetProperty("moderation").GetString());
            Assert.Equal(3, json.GetProperty("n").GetInt32());
            Assert.Equal("user-42", json.GetProperty("user").GetString());
            Assert.True(json.GetProperty("stream").GetBoolean());
            Assert.Equal(2, json.GetProperty("partial_images").GetInt32());
            Assert.False(json.TryGetProperty("response_format", out _));
        }

        [Theory]
        [InlineData("gpt-image-2")]
        [InlineData("gpt-image-1")]
        [InlineData("some-gateway-model")]
        public void Response_format_is_never_sent_to_gpt_image_or_unknown_models(string model) =>
            Assert.False(Write(new ImageGenerationRequest { Prompt = "p", Model = model }).TryGetProperty("response_format", out _));

        [Fact]
        public void Dall_e_models_are_asked_for_b64_json() =>
            Assert.Equal("b64_json", Write(new ImageGenerationRequest { Prompt = "p", Model = "dall-e-3" }).GetProperty("response_format").GetString());

        [Fact]
        public void Prompt_text_round_trips_exactly()
        {
            string prompt = "Quotes \" back\\slash <b> ünïcødé 🦊\nnew line";
            Assert.Equal(prompt, Write(new ImageGenerationRequest { Prompt = prompt }).GetProperty("prompt").GetString());
        }
    }
}
