using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace GptImage
{
    /// <summary>
    /// Removes API keys from text that leaves the client (exception messages, request ids, log lines). Servers echo
    /// keys back ("Incorrect API key provided: sk-proj-abc..."), sometimes upper-cased, cut short or inside a header,
    /// so every server-provided string passes through here: any long run of the key's characters (in any case) is
    /// replaced, and so is anything shaped like an OpenAI key or a bearer token.
    /// </summary>
    internal sealed class SecretRedactor
    {
        public const string Mask = "***";

        /// <summary>
        /// Shortest run of the key that is masked: half the key, at least 12 characters (never more than the key).
        /// Half a random key cannot turn up by chance, and a copy cut short by a few characters is still far longer.
        /// </summary>
        private const int MinimumFragment = 12;

        // sk-, sk-proj-, sk-svcacct- keys, also partially masked echoes like sk-abc1***********wxyz.
        private static readonly Regex KeyShape = new Regex(@"sk-[A-Za-z0-9_\-\*\.]{3,}", RegexOptions.CultureInvariant);
        private static readonly Regex BearerValue = new Regex(@"(?i)(bearer\s+)[^\s""',;]+", RegexOptions.CultureInvariant);

        private readonly string? _upperKey;
        private readonly int _fragmentLength;
        private readonly HashSet<string> _fragments = new HashSet<string>(StringComparer.Ordinal);

        public SecretRedactor(string? apiKey)
        {
            if (string.IsNullOrEmpty(apiKey)) return;
            _upperKey = apiKey!.ToUpperInvariant();
            _fragmentLength = Math.Min(_upperKey.Length, Math.Max(MinimumFragment, _upperKey.Length / 2));
            for (int i = 0; i + _fragmentLength <= _upperKey.Length; i++) _fragments.Add(_upperKey.Substring(i, _fragmentLength));
        }

        public string? Redact(string? text)
        {
            if (string.IsNullOrEmpty(text)) return text;
            string result = _upperKey is null ? text! : MaskKeyFragments(text!);
            result = KeyShape.Replace(result, "sk-" + Mask);
            result = BearerValue.Replace(result, "$1" + Mask);
            return result;
        }

        // Each run of the text that matches a piece of the key (ignoring case) at least _fragmentLength long becomes one mask.
        private string MaskKeyFragments(string text)
        {
            if (text.Length < _fragmentLength) return text;
            string upper = text.ToUpperInvariant();   // invariant upper-casing maps char for char: indexes stay aligned
            StringBuilder? masked = null;
            int copied = 0, i = 0;
            while (i + _fragmentLength <= text.Length)
            {
                if (!_fragments.Contains(upper.Substring(i, _fragmentLength))) { i++; continue; }
                int end = i + _fragmentLength;
                while (end < text.Length && _upperKey!.IndexOf(upper.Substring(i, end + 1 - i), StringComparison.Ordinal) >= 0) end++;
                masked ??= new StringBuilder(text.Length);
                masked.Append(text, copied, i - copied).Append(Mask);
                copied = i = end;
            }
            if (masked is null) return text;
            return masked.Append(text, copied, text.Length - copied).ToString();
        }
    }
}
