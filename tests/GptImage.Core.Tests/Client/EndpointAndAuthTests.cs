namespace GptImage.Tests.Client
{
    public sealed class EndpointAndAuthTests
    {
        private static async Task<SentRequest> SendOne(Uri endpoint, Action<GptImageClientOptions>? change = null, ImageGenerationRequest? request = null)
        {
            var handler = new ScriptedHandler(ScriptedHandler.Ok());
            using var h = TestClients.Create(handler, endpoint, change);
            await h.Client.GenerateAsync(request ?? TestClients.Generation());
            return Assert.Single(handler.Requests);
        }

        [Fact]
        public async Task OpenAI_gets_a_bearer_key_and_json_at_v1_images_generations()
        {
            SentRequest sent = await SendOne(GptImageClientOptions.OpenAIEndpoint);
            Assert.Equal("https://api.openai.com/v1/images/generations", sent.Uri.ToString());
            Assert.Equal("Bearer " + TestClients.Key, sent.Headers["Authorization"]);
            Assert.False(sent.Headers.ContainsKey("api-key"));
            Assert.StartsWith("application/json", sent.ContentType);
            Assert.Equal("gpt-image-2", JsonDocument.Parse(sent.Body).RootElement.GetProperty("model").GetString());
        }

        [Fact]
        public async Task A_compatible_base_with_a_trailing_slash_and_org_and_project_headers()
        {
            SentRequest sent = await SendOne(new Uri("https://gateway.example.test/openai/v1/"), o => { o.Organization = "org-1"; o.Project = "proj_2"; });
            Assert.Equal("https://gateway.example.test/openai/v1/images/generations", sent.Uri.ToString());
            Assert.Equal("org-1", sent.Headers["OpenAI-Organization"]);
            Assert.Equal("proj_2", sent.Headers["OpenAI-Project"]);
        }

        [Fact]
        public async Task Azure_classic_uses_the_deployment_url_api_version_and_api_key_header()
        {
            SentRequest sent = await SendOne(new Uri("https://myres.openai.azure.com/"), o => { o.AzureDeployment = "img-prod"; o.AzureApiVersion = "2025-04-01-preview"; });
            Assert.Equal("https://myres.openai.azure.com/openai/deployments/img-prod/images/generations?api-version=2025-04-01-preview", sent.Uri.ToString());
            Assert.Equal(TestClients.Key, sent.Headers["api-key"]);
            Assert.False(sent.Headers.ContainsKey("Authorization"));
        }

        [Fact]
        public async Task Azure_classic_accepts_a_base_ending_in_openai_and_has_a_default_api_version()
        {
            SentRequest sent = await SendOne(new Uri("https://myres.openai.azure.com/openai"), o => o.AzureDeployment = "img");
            Assert.Equal("https://myres.openai.azure.com/openai/deployments/img/images/generations?api-version=2025-04-01-preview", sent.Uri.ToString());
        }

        [Fact]
        public async Task Azure_v1_base_sends_the_deployment_as_model_with_the_api_key_header()
        {
            var request = TestClients.Generation();
            request.Model = "my-image-deployment";
            SentRequest sent = await SendOne(new Uri("https://myres.openai.azure.com/openai/v1/"), request: request);
            Assert.Equal("https://myres.openai.azure.com/openai/v1/images/generations", sent.Uri.ToString());
            Assert.Equal(TestClients.Key, sent.Headers["api-key"]);
            Assert.Equal("my-image-deployment", JsonDocument.Parse(sent.Body).RootElement.GetProperty("model").GetString());
        }

        [Fact]
        public async Task The_auth_header_can_be_forced()
        {
            SentRequest sent = await SendOne(new Uri("https://myres.openai.azure.com/openai/v1/"), o => o.UseApiKeyHeader = false);
            Assert.StartsWith("Bearer ", sent.Headers["Authorization"]);
        }

        [Fact]
        public void A_missing_key_is_a_clear_error_before_any_network_call()
        {
            var handler = new ScriptedHandler(ScriptedHandler.Ok());
            // Whitespace, not null: null would fall back to the developer's own OPENAI_API_KEY.
            var e = Assert.Throws<GptImageValidationException>(() => TestClients.Create(handler, change: o => o.ApiKey = "  "));
            Assert.Equal(ErrorIds.MissingApiKey, e.ErrorId);
            Assert.Contains("OPENAI_API_KEY", e.Message);
            Assert.Equal(0, handler.Calls);
        }

        [Theory]
        [InlineData("http://api.example.test/v1")]
        [InlineData("http://10.0.0.5:8080/v1")]
        public void A_key_over_plain_http_to_another_machine_is_refused(string url)
        {
            var e = Assert.Throws<GptImageValidationException>(() => TestClients.Create(new ScriptedHandler(ScriptedHandler.Ok()), new Uri(url)));
            Assert.Equal(ErrorIds.InsecureEndpoint, e.ErrorId);
            Assert.Contains("https", e.Message);
            Assert.DoesNotContain(TestClients.Key, e.Message);
        }

        [Theory]
        [InlineData("http://127.0.0.1:5123/v1")]
        [InlineData("http://localhost:5123/v1")]
        [InlineData("http://[::1]:5123/v1")]
        public async Task Plain_http_to_this_machine_is_allowed(string url) => await SendOne(new Uri(url));

        [Fact]
        public async Task Plain_http_elsewhere_is_allowed_when_the_caller_opts_in() =>
            await SendOne(new Uri("http://gateway.lan/v1"), o => o.AllowInsecureHttp = true);

        [Fact]
        public void Messages_never_show_user_info_or_the_query_of_an_endpoint()
        {
            var e = Assert.Throws<GptImageValidationException>(() =>
                TestClients.Create(null, new Uri("http://user:hunter2@gateway.lan/v1?key=sk-inquery123")));
            Assert.DoesNotContain("hunter2", e.Message);
            Assert.DoesNotContain("inquery", e.Message);
            Assert.Contains("http://gateway.lan/v1", e.Message);
        }

        [Fact]
        public void A_non_http_endpoint_is_refused() =>
            Assert.Equal(ErrorIds.InvalidEndpoint,
                Assert.Throws<GptImageValidationException>(() => TestClients.Create(null, new Uri("ftp://example.test/v1"))).ErrorId);

        [Fact]
        public void Environment_defaults_fill_only_unset_values()
        {
            // Process-wide variables: use names and values no other test depends on.
            var options = new GptImageClientOptions { ApiKey = "explicit", Endpoint = new Uri("https://explicit.test/v1") }.WithEnvironmentDefaults();
            Assert.Equal("explicit", options.ApiKey);
            Assert.Equal("https://explicit.test/v1", options.Endpoint!.ToString());
        }
    }
}
