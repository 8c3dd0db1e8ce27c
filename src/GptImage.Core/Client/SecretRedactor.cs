using System.Text.RegularExpressions;

namespace GptImage
{
    /// <summary>
    /// Removes API keys and access tokens from text that leaves the client (exception messages, log lines). Servers
    /// echo keys back ("Incorrect API key provided: sk-proj-abc..."), so every server-provided string passes through
    /// here: each known secret is replaced wherever it appears, and so is anything shaped like an OpenAI key or a JWT.
    /// </summary>
    internal sealed class SecretRedactor
    {
        public const string Mask = "***";

        // sk-, sk-proj-, sk-svcacct- keys, also partially masked echoes like sk-abc1***********wxyz.
        private static readonly Regex KeyShape = new Regex(@"sk-[A-Za-z0-9_\-\*\.]{3,}", RegexOptions.CultureInvariant);
        private static readonly Regex BearerValue = new Regex(@"(?i)(bearer\s+)[^\s""',;]+", RegexOptions.CultureInvariant);

        // JSON Web Tokens (Entra ID access tokens): header.payload.signature, base64url.
        private static readonly Regex JwtShape = new Regex(@"eyJ[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]*", RegexOptions.CultureInvariant);

        // The key, then every access token and secret-looking header value the client has used: replaced wherever they appear.
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _secrets = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>(System.StringComparer.Ordinal);

        public SecretRedactor(string? apiKey, System.Collections.Generic.IEnumerable<string>? otherSecrets = null)
        {
            Add(apiKey);
            if (otherSecrets != null) foreach (string secret in otherSecrets) Add(secret);
        }

        /// <summary>Another value to mask from now on (a renewed access token, a secret-looking header value).</summary>
        public void Add(string? secret)
        {
            if (!string.IsNullOrEmpty(secret)) _secrets[secret!] = true;
        }

        public string? Redact(string? text)
        {
            if (string.IsNullOrEmpty(text)) return text;
            string result = text!;
            foreach (string secret in _secrets.Keys) result = result.Replace(secret, Mask);
            result = JwtShape.Replace(result, Mask);
            result = KeyShape.Replace(result, "sk-" + Mask);
            result = BearerValue.Replace(result, "$1" + Mask);
            return result;
        }
    }
}
