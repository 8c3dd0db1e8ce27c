using GptImage.BatchApi;

namespace GptImage.Tests.BatchApi
{
    /// <summary>A batch's output file is the server's text: what it echoes of the key never reaches a result.</summary>
    public sealed class BatchOutputLineTests
    {
        private const string Key = "sk-proj-FAKE_OUTPUTLINE0123456789abcdefSECRET";

        [Fact]
        public void The_request_id_and_the_error_message_are_redacted()
        {
            var redactor = new SecretRedactor(Key);
            string line = "{\"id\":\"batch_req_1\",\"custom_id\":\"row-1\",\"response\":{\"status_code\":401,\"request_id\":\"req_" + Key.ToUpperInvariant()
                + "\",\"body\":{\"error\":{\"message\":\"bad\"}}},\"error\":{\"code\":\"invalid_api_key\",\"message\":\"Incorrect API key provided: " + Key.Substring(0, 30) + "\"}}";

            BatchOutputLine parsed = BatchOutputLine.Parse(line, redactor.Redact);

            Assert.Equal("row-1", parsed.CustomId);
            Assert.Equal(401, parsed.StatusCode);
            Assert.DoesNotContain("FAKE_OUTPUTLINE", parsed.RequestId!, System.StringComparison.OrdinalIgnoreCase);
            Assert.StartsWith("req_", parsed.RequestId);
            Assert.DoesNotContain("FAKE_OUTPUTLINE", parsed.ErrorMessage!, System.StringComparison.OrdinalIgnoreCase);
            Assert.StartsWith("Incorrect API key provided: ", parsed.ErrorMessage);
        }
    }
}
