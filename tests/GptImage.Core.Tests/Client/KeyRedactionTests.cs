namespace GptImage.Tests.Client
{
    /// <summary>The key never appears in Message, ToString, ApiMessage or log lines, even when the server echoes it.</summary>
    public sealed class KeyRedactionTests
    {
        private const string PartialEcho = "sk-proj-TEST*****************CRET";

        [Fact]
        public async Task A_401_that_echoes_the_key_is_redacted_everywhere()
        {
            string echo = $"Incorrect API key provided: {TestClients.Key}. You can find your API key at https://platform.openai.com/account/api-keys. Also seen: {PartialEcho}";
            var handler = new ScriptedHandler(ScriptedHandler.Error(401, "invalid_api_key", echo));
            using var h = TestClients.Create(handler);
            var e = await Assert.ThrowsAsync<GptImageApiException>(() => h.Client.GenerateAsync(TestClients.Generation()));

            Assert.Equal(ErrorIds.Unauthorized, e.ErrorId);
            Assert.Contains("Incorrect API key provided", e.ApiMessage);
            foreach (string text in new[] { e.Message, e.ToString(), e.ApiMessage!, string.Join("\n", h.Log) })
            {
                Assert.DoesNotContain(TestClients.Key, text);
                Assert.DoesNotContain("TESTKEY", text);
                Assert.DoesNotContain(PartialEcho, text);
            }
        }

        [Fact]
        public async Task A_retried_error_that_echoes_the_key_leaves_no_trace_in_the_log()
        {
            var handler = new ScriptedHandler(ScriptedHandler.Error(500, null, "upstream said Bearer " + TestClients.Key, "server_error"), ScriptedHandler.Ok());
            using var h = TestClients.Create(handler);
            await h.Client.GenerateAsync(TestClients.Generation());
            Assert.NotEmpty(h.Log);
            Assert.All(h.Log, line => Assert.DoesNotContain("TESTKEY", line));
        }

        [Theory]
        [InlineData("key sk-abc123def456 leaked", "key sk-*** leaked")]
        [InlineData("Authorization: Bearer abc.def-ghi", "Authorization: Bearer ***")]
        [InlineData("azure-key-0123456789 in text", "*** in text")]
        public void The_redactor_removes_the_key_and_key_shaped_text(string input, string expected) =>
            Assert.Equal(expected, new SecretRedactor("azure-key-0123456789").Redact(input));
    }
}
