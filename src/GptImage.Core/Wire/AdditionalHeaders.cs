using System;
using System.Collections.Generic;
using System.Linq;

namespace GptImage.Wire
{
    /// <summary>
    /// Extra request headers (a gateway's routing or tenant header). Credentials and the HTTP framing stay the
    /// client's: a header that would replace the key or token, or break the request, is refused before any
    /// request. Values of headers whose names look secret are masked wherever they are shown and redacted from
    /// server messages; they are only ever sent to the endpoint, like the key.
    /// </summary>
    internal static class AdditionalHeaders
    {
        private static readonly HashSet<string> Refused = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "authorization", "proxy-authorization", "api-key", "ocp-apim-subscription-key", "cookie", "host",
            "content-type", "content-length", "content-encoding", "transfer-encoding", "connection", "expect", "upgrade",
            "openai-organization", "openai-project",
        };

        private static readonly string[] SecretWords = { "key", "token", "secret", "auth", "password", "signature", "cookie", "session", "credential" };

        public static void Check(IDictionary<string, string>? headers)
        {
            if (headers is null) return;
            foreach (var pair in headers)
            {
                string name = pair.Key?.Trim() ?? string.Empty;
                if (name.Length == 0 || name.Any(c => c <= ' ' || c >= 0x7F || "()<>@,;:\\\"/[]?={}".IndexOf(c) >= 0))
                    throw Invalid(pair.Key, "a header name of letters, digits and '-' (RFC 9110 token).");
                if (Refused.Contains(name))
                    throw Invalid(name, name.Equals("openai-organization", StringComparison.OrdinalIgnoreCase) || name.Equals("openai-project", StringComparison.OrdinalIgnoreCase)
                        ? "a header the module does not set itself; use Connect-GptImage -Organization / -Project."
                        : "a header that carries no credentials and does not frame the request: the key or token goes in -ApiKey or Connect-GptImage, the rest is the client's.");
                if ((pair.Value ?? string.Empty).Any(c => c == '\r' || c == '\n' || c == '\0'))
                    throw Invalid(name, "a value on one line (no CR, LF or NUL).");
            }
        }

        /// <summary>True for a header whose value should be treated like a key (X-Gateway-Key, X-Auth-Token, ...).</summary>
        public static bool LooksSecret(string name) =>
            SecretWords.Any(w => name.IndexOf(w, StringComparison.OrdinalIgnoreCase) >= 0);

        /// <summary>The headers as messages may show them: secret-looking values as ***.</summary>
        public static string Describe(IDictionary<string, string> headers) =>
            string.Join(", ", headers.Select(h => h.Key.Trim() + "=" + (LooksSecret(h.Key) ? SecretRedactor.Mask : h.Value)));

        /// <summary>Values to redact from anything the server sends back.</summary>
        public static IEnumerable<string> SecretValues(IDictionary<string, string>? headers) =>
            headers is null ? Enumerable.Empty<string>() : headers.Where(h => LooksSecret(h.Key) && !string.IsNullOrEmpty(h.Value)).Select(h => h.Value.Trim());

        private static GptImageValidationException Invalid(string? name, string allowed) =>
            new GptImageValidationException(ErrorIds.InvalidAdditionalHeader, "AdditionalHeader", name, allowed);
    }
}
