using System;
using System.Text;
using System.Text.Json;

namespace GptImage.Wire
{
    /// <summary>The error object of an error answer ({"error": {"type", "message", "param", "code"}}), read leniently.</summary>
    internal sealed class ApiErrorBody
    {
        public string? Type { get; private set; }
        public string? Code { get; private set; }
        public string? Param { get; private set; }
        public string? Message { get; private set; }

        /// <summary>Reads the spec's ErrorResponse; a body that is not one gives its text (shortened) as the message.</summary>
        public static ApiErrorBody Read(ReadOnlyMemory<byte> body)
        {
            try
            {
                using JsonDocument doc = JsonDocument.Parse(body);
                JsonElement root = doc.RootElement;
                JsonElement error = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out JsonElement e) && e.ValueKind == JsonValueKind.Object ? e : root;
                if (error.ValueKind == JsonValueKind.Object)
                {
                    return new ApiErrorBody
                    {
                        Type = Text(error, "type"),
                        Code = Text(error, "code"),
                        Param = Text(error, "param"),
                        Message = Text(error, "message"),
                    };
                }
            }
            catch (JsonException)
            {
                // Not JSON (a proxy's HTML page, an empty body): fall through to the raw text.
            }
            string raw = Encoding.UTF8.GetString(body.ToArray()).Trim();
            return new ApiErrorBody { Message = raw.Length == 0 ? null : raw.Length <= 300 ? raw : raw.Substring(0, 300) + "..." };
        }

        // Codes are strings in the spec, but some gateways send numbers (Azure: "code": 429).
        private static string? Text(JsonElement parent, string name)
        {
            if (!parent.TryGetProperty(name, out JsonElement value)) return null;
            return value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            };
        }
    }
}
