using System.Text.RegularExpressions;

namespace GptImage
{
    /// <summary>
    /// Removes API keys from text that leaves the client (exception messages, log lines). Servers echo keys
    /// back ("Incorrect API key provided: sk-proj-abc..."), so every server-provided string passes through here:
    /// the exact key is replaced wherever it appears, and so is anything shaped like an OpenAI key.
    /// </summary>
    internal sealed class SecretRedactor
    {
        public const string Mask = "***";

        // sk-, sk-proj-, sk-svcacct- keys, also partially masked echoes like sk-abc1***********wxyz.
        private static readonly Regex KeyShape = new Regex(@"sk-[A-Za-z0-9_\-\*\.]{3,}", RegexOptions.CultureInvariant);
        private static readonly Regex BearerValue = new Regex(@"(?i)(bearer\s+)[^\s""',;]+", RegexOptions.CultureInvariant);

        private readonly string? _key;

        public SecretRedactor(string? apiKey)
        {
            _key = string.IsNullOrEmpty(apiKey) ? null : apiKey;
        }

        public string? Redact(string? text)
        {
            if (string.IsNullOrEmpty(text)) return text;
            string result = text!;
            if (_key != null) result = result.Replace(_key, Mask);
            result = KeyShape.Replace(result, "sk-" + Mask);
            result = BearerValue.Replace(result, "$1" + Mask);
            return result;
        }
    }
}
