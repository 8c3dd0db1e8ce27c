using System.Text.Json;
using static GptImage.Tests.Client.ScriptedHandler;

namespace GptImage.Tests.Client
{
    /// <summary>Access tokens (Entra ID), extra body fields and extra headers: what goes on the wire, what is refused, what is never shown.</summary>
    public sealed class AccessTokenAndExtrasTests
    {
        private static string Jwt(DateTimeOffset expires, string signature = "sig") =>
            "eyJhbGciOiJub25lIn0." + Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"exp\":" + expires.ToUnixTimeSeconds() + "}")).TrimEnd('=').Replace('+', '-').Replace('/', '_') + "." + signature;

        private static TestClients.Harness TokenClient(ScriptedHandler handler, Uri? endpoint, Action<GptImageClientOptions> set) =>
            TestClients.Create(handler, endpoint, o => { o.ApiKey = null; set(o); });

        [Fact]
        public async Task A_token_goes_as_Bearer_even_to_an_Azure_host_and_no_key_goes_with_it()
        {
            var handler = new ScriptedHandler(Ok());
            using var h = TokenClient(handler, new Uri("https://res.openai.azure.com/openai/v1/"), o => o.AccessToken = "entra-token-123");
            await h.Client.GenerateAsync(TestClients.Generation());
            SentRequest sent = Assert.Single(handler.Requests);
            Assert.Equal("Bearer entra-token-123", sent.Headers["Authorization"]);
            Assert.False(sent.Headers.ContainsKey("api-key"));
        }

        [Fact]
        public void A_key_and_a_token_together_are_refused()
        {
            var e = Assert.Throws<GptImageValidationException>(() => TestClients.Create(null, null, o => o.AccessToken = "t"));
            Assert.Equal(ErrorIds.InvalidSetting, e.ErrorId);
        }

        [Fact]
        public async Task The_provider_is_asked_again_only_when_the_token_nears_expiry()
        {
            int calls = 0;
            var handler = new ScriptedHandler(Ok());
            using var h = TokenClient(handler, null, o => o.AccessTokenProvider = _ =>
            {
                int n = Interlocked.Increment(ref calls);
                // The first token has an hour left (from its JWT exp claim); the second expires within the margin.
                return Task.FromResult(new GptImageAccessToken(n == 1 ? Jwt(DateTimeOffset.UtcNow.AddHours(1), "first") : Jwt(DateTimeOffset.UtcNow.AddMinutes(2), "second" + n)));
            });
            await h.Client.GenerateAsync(TestClients.Generation());
            await h.Client.GenerateAsync(TestClients.Generation());
            Assert.Equal(1, calls);
            Assert.All(handler.Requests, r => Assert.EndsWith(".first", r.Headers["Authorization"]));
        }

        [Fact]
        public async Task A_401_renews_the_token_once_and_tries_again()
        {
            int calls = 0;
            var handler = new ScriptedHandler(Error(401, "invalid_api_key", "Incorrect API key provided: bearer-one"), Ok());
            using var h = TokenClient(handler, null, o => o.AccessTokenProvider = _ => Task.FromResult(new GptImageAccessToken("bearer-" + (Interlocked.Increment(ref calls) == 1 ? "one" : "two"))));
            ImageResult r = await h.Client.GenerateAsync(TestClients.Generation());
            Assert.Equal(2, calls);
            Assert.Equal(new[] { "Bearer bearer-one", "Bearer bearer-two" }, handler.Requests.Select(q => q.Headers["Authorization"]));
            Assert.NotNull(r);
        }

        [Fact]
        public async Task A_token_echoed_by_the_server_never_reaches_the_message_or_the_log()
        {
            var handler = new ScriptedHandler(Error(401, "invalid_api_key", "Token opaque-token-value-42 is not valid"));
            using var h = TokenClient(handler, null, o => o.AccessToken = "opaque-token-value-42");
            var e = await Assert.ThrowsAsync<GptImageApiException>(() => h.Client.GenerateAsync(TestClients.Generation()));
            Assert.DoesNotContain("opaque-token-value-42", e.ToString());
            Assert.DoesNotContain(h.Log, line => line.Contains("opaque-token-value-42"));
        }

        [Fact]
        public void A_JWT_shaped_token_is_redacted_even_when_the_client_never_saw_it()
        {
            string token = Jwt(DateTimeOffset.UtcNow.AddHours(1), "abcdef");
            Assert.DoesNotContain(token, new SecretRedactor(null).Redact("echo " + token));
        }

        [Fact]
        public async Task Extra_body_fields_and_headers_go_on_the_wire_after_the_known_ones()
        {
            var handler = new ScriptedHandler(Ok());
            using var h = TestClients.Create(handler, null, o => o.AdditionalHeaders = new Dictionary<string, string> { ["X-Route"] = "eu" });
            var request = TestClients.Generation();
            request.AdditionalBody = new Dictionary<string, object?> { ["seed"] = 42, ["opts"] = new Dictionary<string, object?> { ["a"] = true }, ["tags"] = new List<object?> { "x", 1.5 } };
            await h.Client.GenerateAsync(request);
            SentRequest sent = Assert.Single(handler.Requests);
            Assert.Equal("eu", sent.Headers["X-Route"]);
            using JsonDocument body = JsonDocument.Parse(sent.Body);
            Assert.Equal(42, body.RootElement.GetProperty("seed").GetInt32());
            Assert.True(body.RootElement.GetProperty("opts").GetProperty("a").GetBoolean());
            Assert.Equal(1.5, body.RootElement.GetProperty("tags")[1].GetDouble());
            Assert.Equal("a red fox", body.RootElement.GetProperty("prompt").GetString());
        }

        [Theory]
        [InlineData("model")]
        [InlineData("PROMPT")]
        [InlineData("output_format")]
        [InlineData("negative_prompt")]
        public void A_body_field_the_library_sends_itself_is_refused_before_sending(string key)
        {
            var request = TestClients.Generation();
            request.AdditionalBody = new Dictionary<string, object?> { [key] = "x" };
            var e = Assert.Throws<GptImageValidationException>(() => RequestValidator.Validate(request, DateTime.UtcNow));
            Assert.Equal(ErrorIds.InvalidAdditionalBody, e.ErrorId);
            Assert.Contains(key, e.Message);
        }

        [Fact]
        public void An_edit_takes_only_scalar_extras()
        {
            var request = new ImageEditRequest { Prompt = "p", AdditionalBody = new Dictionary<string, object?> { ["opts"] = new Dictionary<string, object?>() } };
            var e = Assert.Throws<GptImageValidationException>(() => GptImage.Wire.AdditionalBody.Check(request.AdditionalBody, multipart: true));
            Assert.Contains("multipart", e.Message);
        }

        [Theory]
        [InlineData("Authorization")]
        [InlineData("api-key")]
        [InlineData("Proxy-Authorization")]
        [InlineData("Cookie")]
        [InlineData("Content-Length")]
        [InlineData("Bad Header")]
        public void A_credential_or_framing_header_is_refused_when_the_client_is_made(string name)
        {
            var e = Assert.Throws<GptImageValidationException>(() =>
                TestClients.Create(null, null, o => o.AdditionalHeaders = new Dictionary<string, string> { [name] = "x" }));
            Assert.Equal(ErrorIds.InvalidAdditionalHeader, e.ErrorId);
        }

        [Fact]
        public void Extras_change_the_cache_key_and_their_order_does_not()
        {
            var plain = TestClients.Generation();
            var one = TestClients.Generation();
            one.AdditionalBody = new Dictionary<string, object?> { ["a"] = 1, ["b"] = "x" };
            var sameReordered = TestClients.Generation();
            sameReordered.AdditionalBody = new Dictionary<string, object?> { ["b"] = "x", ["a"] = 1 };
            string key = GptImage.Orchestration.RequestKey.Compute(one, "e");
            Assert.NotEqual(GptImage.Orchestration.RequestKey.Compute(plain, "e"), key);
            Assert.Equal(key, GptImage.Orchestration.RequestKey.Compute(sameReordered, "e"));
        }

        [Fact]
        public async Task A_redirect_is_never_followed_so_credentials_stay_on_the_endpoint_origin()
        {
            await using var elsewhere = new RawHttpStub((_, _, s) => RawHttpStub.WriteResponse(s, 200, ScriptedHandler.OkJson()));
            await using var endpoint = new RawHttpStub((_, _, s) => RawHttpStub.WriteResponse(s, 307, "{}",
                headers: new[] { ("Location", new Uri(elsewhere.BaseUrl, "images/generations").ToString()) }));
            using var client = new GptImageClient(new GptImageClientOptions { Endpoint = endpoint.BaseUrl, ApiKey = "sk-never-elsewhere", MaxRetries = 0 });
            await Assert.ThrowsAsync<GptImageApiException>(() => client.GenerateAsync(TestClients.Generation()));
            Assert.Equal(0, elsewhere.Count);
        }
    }
}
