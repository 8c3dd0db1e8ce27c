using System;
using System.Text;
using System.Text.Json;

namespace GptImage
{
    /// <summary>
    /// Reads the exp claim of a JWT (Entra ID tokens are JWTs) without validating it: only to know when to ask for
    /// a fresh one. The signature is the server's business; nothing is trusted from the token but its expiry time.
    /// </summary>
    internal static class JwtExpiry
    {
        public static DateTimeOffset? Read(string token)
        {
            string[] parts = token.Split('.');
            if (parts.Length != 3) return null;
            try
            {
                string payload = parts[1].Replace('-', '+').Replace('_', '/');
                payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
                using JsonDocument document = JsonDocument.Parse(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Convert.FromBase64String(payload))));
                if (document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty("exp", out JsonElement exp) && exp.TryGetInt64(out long seconds))
                    return DateTimeOffset.FromUnixTimeSeconds(seconds);
            }
            catch (Exception e) when (e is FormatException || e is JsonException || e is ArgumentException)
            {
                // Not a JWT after all: expiry unknown.
            }
            return null;
        }
    }
}
