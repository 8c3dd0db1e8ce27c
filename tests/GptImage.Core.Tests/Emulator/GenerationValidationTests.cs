using static GptImage.Tests.Emulator.EmulatorHttp;

namespace GptImage.Tests.Emulator
{
    /// <summary>The emulator refuses what the real API refuses, with OpenAI's error JSON, param and code.</summary>
    public sealed class GenerationValidationTests(EmulatorFixture emulator) : EmulatorTest(emulator)
    {
        [Theory]
        [InlineData("{\"model\":\"gpt-image-2\"}", "prompt", "missing_required_parameter", "'prompt'")]
        [InlineData("{\"model\":\"gpt-image-2\",\"prompt\":\"\"}", "prompt", "empty_string", "empty")]
        [InlineData("{\"model\":\"gpt-image-2\",\"prompt\":42}", "prompt", "invalid_type", "expected a string")]
        [InlineData("{\"model\":\"gpt-image-2\",\"prompt\":\"p\",\"response_format\":\"b64_json\"}", "response_format", "unknown_parameter", "'response_format'")]
        [InlineData("{\"model\":\"gpt-image-1\",\"prompt\":\"p\",\"response_format\":\"url\"}", "response_format", "unknown_parameter", "'response_format'")]
        [InlineData("{\"model\":\"gpt-image-2\",\"prompt\":\"p\",\"size\":\"1000x1000\"}", "size", "invalid_value", "divisible by 16")]
        [InlineData("{\"model\":\"gpt-image-2\",\"prompt\":\"p\",\"size\":\"3840x1024\"}", "size", "invalid_value", "1:3 and 3:1")]
        [InlineData("{\"model\":\"gpt-image-2\",\"prompt\":\"p\",\"size\":\"4000x2000\"}", "size", "invalid_value", "3840")]
        [InlineData("{\"model\":\"gpt-image-2\",\"prompt\":\"p\",\"size\":\"3840x2880\"}", "size", "invalid_value", "pixels")]
        [InlineData("{\"model\":\"gpt-image-2\",\"prompt\":\"p\",\"size\":\"big\"}", "size", "invalid_value", "'big'")]
        [InlineData("{\"model\":\"gpt-image-1.5\",\"prompt\":\"p\",\"size\":\"1536x864\"}", "size", "invalid_value", "'1536x1024', and '1024x1536'")]
        [InlineData("{\"model\":\"dall-e-3\",\"prompt\":\"p\",\"size\":\"1024x1536\"}", "size", "invalid_value", "'1792x1024'")]
        [InlineData("{\"model\":\"gpt-image-2\",\"prompt\":\"p\",\"n\":11}", "n", "integer_above_max_value", "<= 10, but got 11")]
        [InlineData("{\"model\":\"gpt-image-2\",\"prompt\":\"p\",\"n\":0}", "n", "integer_below_min_value", ">= 1")]
        [InlineData("{\"model\":\"gpt-image-2\",\"prompt\":\"p\",\"n\":\"2\"}", "n", "invalid_type", "expected an integer, but got a string")]
        [InlineData("{\"model\":\"dall-e-3\",\"prompt\":\"p\",\"n\":2}", "n", "integer_above_max_value", "<= 1")]
        [InlineData("{\"model\":\"gpt-image-2\",\"prompt\":\"p\",\"quality\":\"ultra\"}", "quality", "invalid_value", "'ultra'")]
        [InlineData("{\"model\":\"gpt-image-2\",\"prompt\":\"p\",\"quality\":\"hd\"}", "quality", "invalid_value", "'low', 'medium', 'high', and 'auto'")]
        [InlineData("{\"model\":\"gpt-image-2\",\"prompt\":\"p\",\"output_format\":\"gif\"}", "output_format", "invalid_value", "'gif'")]
        [InlineData("{\"model\":\"gpt-image-2\",\"prompt\":\"p\",\"background\":\"transparent\",\"output_format\":\"jpeg\"}", "background", "invalid_value", "'jpeg'")]
        [InlineData("{\"model\":\"gpt-image-2\",\"prompt\":\"p\",\"output_compression\":50}", "output_compression", "invalid_value", "'png'")]
        [InlineData("{\"model\":\"gpt-image-2\",\"prompt\":\"p\",\"output_compression\":101,\"output_format\":\"jpeg\"}", "output_compression", "integer_above_max_value", "<= 100")]
        [InlineData("{\"model\":\"gpt-image-2\",\"prompt\":\"p\",\"moderation\":\"strict\"}", "moderation", "invalid_value", "'strict'")]
        [InlineData("{\"model\":\"gpt-image-2\",\"prompt\":\"p\",\"stream\":true,\"partial_images\":4}", "partial_images", "integer_above_max_value", "<= 3")]
        [InlineData("{\"model\":\"gpt-image-2\",\"prompt\":\"p\",\"input_fidelity\":\"high\"}", "input_fidelity", "unknown_parameter", "'input_fidelity'")]
        [InlineData("{\"model\":\"dall-e-3\",\"prompt\":\"p\",\"output_format\":\"png\"}", "output_format", "unknown_parameter", "'output_format'")]
        [InlineData("{\"model\":\"dall-e-3\",\"prompt\":\"p\",\"style\":\"dramatic\"}", "style", "invalid_value", "'dramatic'")]
        [InlineData("{\"model\":\"dall-e-2\",\"prompt\":\"p\",\"stream\":true}", "stream", "unknown_parameter", "'stream'")]
        [InlineData("{\"model\":\"my-gateway-model\",\"prompt\":\"p\",\"size\":\"8192x1024\"}", "size", "invalid_value", "4096")]
        public async Task Invalid_generation_requests_get_400_naming_param_and_value(string body, string param, string code, string messagePart)
        {
            using HttpClient http = Emu.CreateHttpClient();
            using HttpResponseMessage response = await GenerateAsync(http, body);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var error = await ReadErrorAsync(response);
            Assert.Equal("invalid_request_error", error.Type);
            Assert.Equal(param, error.Param);
            Assert.Equal(code, error.Code);
            Assert.Contains(messagePart, error.Message);
            Assert.Equal(code, Emu.Counters.Requests[0].ErrorCode);
        }

        [Theory]
        [InlineData("gpt-image-2", 32000, true)]
        [InlineData("gpt-image-2", 40000, false)]
        [InlineData("dall-e-3", 4000, true)]
        [InlineData("dall-e-3", 4001, false)]
        [InlineData("some-deployment", 32001, false)]
        public async Task Prompt_length_follows_the_models_limit(string model, int length, bool accepted)
        {
            using HttpClient http = Emu.CreateHttpClient();
            string extra = model.StartsWith("dall-e", System.StringComparison.Ordinal) ? ",\"response_format\":\"b64_json\"" : ",\"size\":\"64x64\"";
            using HttpResponseMessage response = await GenerateAsync(http, $"{{\"model\":\"{model}\",\"prompt\":\"{new string('a', length)}\"{extra}}}");
            if (accepted)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return;
            }
            var error = await ReadErrorAsync(response);
            Assert.Equal(("prompt", "string_above_max_length"), (error.Param, error.Code));
            Assert.Contains($"got a string with length {length}", error.Message);
        }

        [Fact]
        public async Task Body_that_is_not_json_gets_400_without_param()
        {
            using HttpClient http = Emu.CreateHttpClient();
            using HttpResponseMessage response = await GenerateAsync(http, "{\"model\":\"gpt-image-2\",\"prompt\":");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var error = await ReadErrorAsync(response);
            Assert.Null(error.Param);
            Assert.Contains("JSON", error.Message);
        }

        [Fact]
        public async Task Generations_refuse_multipart_bodies()
        {
            using HttpClient http = Emu.CreateHttpClient();
            using HttpResponseMessage response = await EditAsync(http, new Part[0], Fields(), path: "images/generations");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("application/json", (await ReadErrorAsync(response)).Message);
        }

        [Fact]
        public async Task Retired_models_are_served_unless_the_knob_rejects_them()
        {
            using HttpClient http = Emu.CreateHttpClient();
            const string body = "{\"model\":\"gpt-image-1\",\"prompt\":\"p\",\"size\":\"1024x1024\",\"quality\":\"low\"}";
            Emu.Options.Today = new System.DateTime(2026, 11, 21);
            using (HttpResponseMessage served = await GenerateAsync(http, body))
                Assert.Equal(HttpStatusCode.OK, served.StatusCode);

            Emu.Options.RejectRetiredModels = true;
            using HttpResponseMessage rejected = await GenerateAsync(http, body);
            Assert.Equal(HttpStatusCode.NotFound, rejected.StatusCode);
            Assert.Equal("model_not_found", (await ReadErrorAsync(rejected)).Code);

            Emu.Options.Today = new System.DateTime(2026, 10, 22);   // the day before gpt-image-1's shutdown
            using HttpResponseMessage before = await GenerateAsync(http, body);
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        [Fact]
        public async Task Without_a_model_the_APIs_stale_default_dall_e_2_applies()
        {
            using HttpClient http = Emu.CreateHttpClient();
            using HttpResponseMessage response = await GenerateAsync(http, "{\"prompt\":\"p\",\"size\":\"1536x1024\"}");
            var error = await ReadErrorAsync(response);
            Assert.Equal("size", error.Param);
            Assert.Contains("'256x256'", error.Message);
            Assert.Null(Emu.Counters.Requests[0].Model);
        }
    }
}
