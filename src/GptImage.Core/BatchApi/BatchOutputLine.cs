using System;
using System.Text;
using System.Text.Json;

namespace GptImage.BatchApi
{
    /// <summary>
    /// One line of a batch's output or error file: {"id", "custom_id", "response": {"status_code", "request_id",
    /// "body"}, "error": {"code", "message"} | null}. The file is the server's text like any answer: its request id and
    /// error message pass through the client's redactor before they reach a result, a manifest or a log.
    /// </summary>
    internal sealed class BatchOutputLine
    {
        public string? CustomId { get; private set; }
        public int StatusCode { get; private set; }
        public string? RequestId { get; private set; }

        /// <summary>The response body as UTF-8 JSON (an ImagesResponse, or an error object).</summary>
        public byte[]? Body { get; private set; }

        /// <summary>The line-level error (the request never got a response): code and message.</summary>
        public string? ErrorCode { get; private set; }
        public string? ErrorMessage { get; private set; }

        public bool Succeeded => Body != null && StatusCode >= 200 && StatusCode < 300;

        public static BatchOutputLine Parse(string line, Func<string?, string?> redact)
        {
            try
            {
                using JsonDocument doc = JsonDocument.Parse(line);
                JsonElement root = doc.RootElement;
                var parsed = new BatchOutputLine { CustomId = BatchInfo.Text(root, "custom_id") };
                if (root.TryGetProperty("response", out JsonElement response) && response.ValueKind == JsonValueKind.Object)
                {
                    parsed.StatusCode = response.TryGetProperty("status_code", out JsonElement s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out int n) ? n : 0;
                    parsed.RequestId = redact(BatchInfo.Text(response, "request_id"));
                    if (response.TryGetProperty("body", out JsonElement body) && body.ValueKind != JsonValueKind.Null)
                        parsed.Body = Encoding.UTF8.GetBytes(body.ValueKind == JsonValueKind.String ? body.GetString()! : body.GetRawText());
                }
                if (root.TryGetProperty("error", out JsonElement error) && error.ValueKind == JsonValueKind.Object)
                {
                    parsed.ErrorCode = redact(BatchInfo.Text(error, "code"));
                    parsed.ErrorMessage = redact(BatchInfo.Text(error, "message"));
                }
                return parsed;
            }
            catch (JsonException e)
            {
                throw new Wire.InvalidResponseException("A line of the batch output file is not valid JSON (the download was damaged).", e);
            }
        }
    }
}
