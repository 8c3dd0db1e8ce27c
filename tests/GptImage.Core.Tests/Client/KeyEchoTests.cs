using System.Net.Http;

namespace GptImage.Tests.Client
{
    /// <summary>Echoes of the key that are not its exact text (another case, a header, a cut-short copy) are masked too.</summary>
    public sealed class KeyEchoTests
    {
        // An Azure-style key: nothing about its shape gives it away, so only the redactor's knowledge of the key can mask it.
        private const string AzureKey = "4f7c1e9a0b2d4c6e8a1b3c5d7e9f0a2b";

        private static TestClients.Harness Client(params Func<int, CancellationToken, Task<HttpResponseMessage>>[] steps) =>
            TestClients.Create(new ScriptedHandler(steps), new Uri("https://contoso.openai.azure.com/openai/v1/"), o => { o.ApiKey = AzureKey; o.MaxRetries = 0; });

        private static void AssertNoKey(GptImageApiException e, TestClients.Harness h)
        {
            foreach (string? text in new[] { e.Message, e.ToString(), e.ApiMessage, e.RequestId, e.ErrorCode, e.Param, string.Join("\n", h.Log) })
            {
                if (text is null) continue;
                Assert.DoesNotContain(AzureKey.Substring(0, 20), text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(AzureKey.Substring(12), text, StringComparison.OrdinalIgnoreCase);
            }
        }

        [Fact]
        public async Task A_key_echoed_in_upper_case_is_masked()
        {
            using var h = Client(ScriptedHandler.Error(401, "invalid_api_key", "Access denied: key " + AzureKey.ToUpperInvariant() + " is not valid."));
            var e = await Assert.ThrowsAsync<GptImageApiException>(() => h.Client.GenerateAsync(TestClients.Generation()));
            Assert.Contains("Access denied", e.ApiMessage);
            AssertNoKey(e, h);
        }

        [Theory]
        [InlineData(3)]
        [InlineData(8)]
        public async Task A_key_echoed_cut_short_is_masked(int missing)
        {
            string echo = AzureKey.Substring(0, AzureKey.Length - missing);
            using var h = Client(ScriptedHandler.Error(401, "invalid_api_key", "Access denied: key " + echo + " is not valid."));
            var e = await Assert.ThrowsAsync<GptImageApiException>(() => h.Client.GenerateAsync(TestClients.Generation()));
            Assert.DoesNotContain(echo, e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(echo, e.ApiMessage!, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_key_echoed_in_the_request_id_header_is_masked_in_RequestId_and_the_message()
        {
            using var h = Client((_, _) =>
            {
                var response = new HttpResponseMessage(System.Net.HttpStatusCode.InternalServerError)
                {
                    Content = new StringContent("{\"error\":{\"message\":\"boom\",\"type\":\"server_error\",\"param\":null,\"code\":null}}"),
                };
                response.Headers.TryAddWithoutValidation("x-request-id", "req_" + AzureKey);
                return Task.FromResult(response);
            });
            var e = await Assert.ThrowsAsync<GptImageApiException>(() => h.Client.GenerateAsync(TestClients.Generation()));
            Assert.NotNull(e.RequestId);
            Assert.StartsWith("req_", e.RequestId, StringComparison.Ordinal);
            AssertNoKey(e, h);
        }

        [Fact]
        public async Task A_key_echoed_in_the_request_id_of_a_success_is_masked_in_the_result()
        {
            using var h = Client((_, _) =>
            {
                HttpResponseMessage response = ScriptedHandler.OkResponse();
                response.Headers.Remove("x-request-id");
                response.Headers.TryAddWithoutValidation("x-request-id", AzureKey);
                return Task.FromResult(response);
            });
            ImageResult r = await h.Client.GenerateAsync(TestClients.Generation());
            Assert.DoesNotContain(AzureKey.Substring(0, 20), r.RequestId ?? "", StringComparison.OrdinalIgnoreCase);
        }

        [Theory]
        [InlineData("text with 4f7c1e9a and other hex", "text with 4f7c1e9a and other hex")]   // a short common run is not the key
        [InlineData("the key 4F7C1E9A0B2D4C6E8A1B3C5D7E9F0A2B here", "the key *** here")]
        [InlineData("tail 0b2d4c6e8a1b3c5d7e9f0a2b here", "tail *** here")]                   // the key's end, its start cut off
        public void The_redactor_masks_long_fragments_of_the_key_in_any_case(string input, string expected) =>
            Assert.Equal(expected, new SecretRedactor(AzureKey).Redact(input));
    }
}
