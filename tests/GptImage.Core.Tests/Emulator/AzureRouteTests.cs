using static GptImage.Tests.Emulator.EmulatorHttp;

namespace GptImage.Tests.Emulator
{
    /// <summary>Azure OpenAI's classic deployment route (api-version, api-key header, apim-request-id) and its /openai/v1 base.</summary>
    public sealed class AzureRouteTests(EmulatorFixture emulator) : EmulatorTest(emulator)
    {
        private const string ApiVersion = "2025-04-01-preview";
        private static Task<HttpResponseMessage> GenerateOnDeploymentAsync(HttpClient http, string deployment, string body, string? apiVersion = ApiVersion) =>
            http.PostAsync($"openai/deployments/{deployment}/images/generations" + (apiVersion == null ? "" : $"?api-version={apiVersion}"),
                new StringContent(body, Encoding.UTF8, "application/json"));

        private HttpClient AzureClient(string key = "azure-key-123")
        {
            var http = new HttpClient { BaseAddress = Emu.Server.Root, Timeout = TimeSpan.FromSeconds(120) };
            http.DefaultRequestHeaders.Add("api-key", key);
            return http;
        }

        [Fact]
        public async Task Deployment_route_generates_with_api_key_header_and_apim_request_id()
        {
            using HttpClient http = AzureClient();
            using HttpResponseMessage response = await GenerateOnDeploymentAsync(http, "my-images", "{\"prompt\":\"a tower\",\"size\":\"640x480\"}");
            using JsonDocument doc = await ReadJsonAsync(response);

            Assert.Equal((640, 480), TestImages.PngSize(Image(doc)));
            Assert.True(Guid.TryParse(Header(response, "apim-request-id"), out _));
            RecordedRequest record = Emu.Counters.Requests.Single();
            Assert.Equal(("my-images", AuthScheme.ApiKeyHeader, "generations"), (record.AzureDeployment, record.Auth, record.Endpoint));
            Assert.Equal($"?api-version={ApiVersion}", record.Query);
            Assert.False(record.Headers.ContainsKey("api-key"));
        }

        [Fact]
        public async Task Deployment_named_after_a_known_model_gets_that_models_rules()
        {
            using HttpClient http = AzureClient();
            using HttpResponseMessage response = await GenerateOnDeploymentAsync(http, "gpt-image-1.5", "{\"prompt\":\"a tower\",\"size\":\"1536x864\"}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("size", (await ReadErrorAsync(response)).Param);
        }

        [Fact]
        public async Task Deployment_route_without_api_version_is_404()
        {
            using HttpClient http = AzureClient();
            using HttpResponseMessage response = await GenerateOnDeploymentAsync(http, "my-images", "{\"prompt\":\"a tower\"}", apiVersion: null);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("api-version", (await ReadErrorAsync(response)).Message);
        }

        [Fact]
        public async Task Deployment_route_checks_the_api_key_header()
        {
            Emu.Options.RequiredApiKey = "right";
            using HttpClient http = AzureClient("wrong-azure-key");
            using HttpResponseMessage response = await GenerateOnDeploymentAsync(http, "my-images", "{\"prompt\":\"a tower\"}");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("wrong-azure-key", (await ReadErrorAsync(response)).Message);
        }

        [Fact]
        public async Task Deployment_route_edits()
        {
            using HttpClient http = AzureClient();
            using HttpResponseMessage response = await EditAsync(http, new[] { new Part("image[]", TestImages.RgbaPng(64, 64), "image/png") },
                Fields("p", "ignored"), $"openai/deployments/my-images/images/edits?api-version={ApiVersion}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(1, Emu.Counters.Edits);
        }

        [Fact]
        public async Task Deployment_route_refuses_with_azures_content_filter_code()
        {
            using HttpClient http = AzureClient();
            using HttpResponseMessage response = await GenerateOnDeploymentAsync(http, "my-images", "{\"prompt\":\"a forbidden tower\"}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var error = await ReadErrorAsync(response);
            Assert.Equal(("contentFilter", "prompt"), (error.Code, error.Param));
        }

        [Fact]
        public async Task Deployment_route_offers_no_webp()
        {
            using HttpClient http = AzureClient();
            using HttpResponseMessage response = await GenerateOnDeploymentAsync(http, "my-images", "{\"prompt\":\"a tower\",\"output_format\":\"webp\"}");
            var error = await ReadErrorAsync(response);
            Assert.Equal(("output_format", "invalid_value"), (error.Param, error.Code));
            Assert.Contains("'webp'", error.Message);
        }

        [Fact]
        public async Task Azure_v1_base_takes_the_deployment_as_model()
        {
            using HttpClient http = AzureClient();
            using HttpResponseMessage response = await http.PostAsync("openai/v1/images/generations",
                new StringContent("{\"model\":\"my-images\",\"prompt\":\"a tower\",\"size\":\"64x64\"}", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("my-images", Emu.Counters.Requests.Single().Model);
        }
    }
}
