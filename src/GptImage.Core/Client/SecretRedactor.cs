using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace GptImage
{
    /// <summary>
    /// Removes API keys and access tokens from text that leaves the client (exception messages, request ids, log lines).
    /// Servers echo keys back ("Incorrect API key provided: sk-proj-abc..."), sometimes upper-cased, cut short or inside a
    /// header, so every server-provided string passes through here: any long run of the key's characters (in any case) is
    /// replaced, so is every access token and secret-looking header value the client has used, and so is anything shaped
    /// like an OpenAI key, a JSON Web Token or a bearer token.
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

        // JSON Web Tokens (Entra ID access tokens): header.payload.signature, base64url.
        private static readonly Regex JwtShape = new Regex(@"eyJ[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]*", RegexOptions.CultureInvariant);

        private readonly string? _upperKey;
        private readonly int _fragmentLength;
        private readonly HashSet<string> _fragments = new HashSet<string>(StringComparer.Ordinal);

        // Access tokens (renewed during a run) and secret-looking header values: replaced wherever they appear, in any case.
        private readonly ConcurrentDictionary<string, bool> _otherSecrets = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);

        public SecretRedactor(string? apiKey, IEnumerable<string>? otherSecrets = null)
        {
            if (otherSecrets != null) foreach (string secret in otherSecrets) Add(secret);
            if (string.IsNullOrEmpty(apiKey)) return;
            _upperKey = apiKey!.ToUpperInvariant();
            _fragmentLength = Math.Min(_upperKey.Length, Math.Max(MinimumFragment, _upperKey.Length / 2));
            for (int i = 0; i + _fragmentLength <= _upperKey.Length; i++) _fragments.Add(_upperKey.Substring(i, _fragmentLength));
        }

        /// <summary>Another value to mask from now on (a renewed access token, a secret-looking header value).</summary>
        public void Add(string? secret)
        {
            if (!string.IsNullOrEmpty(secret)) _otherSecrets[secret!] = true;
        }

        public string? Redact(string? text)
        {
            if (string.IsNullOrEmpty(text)) return text;
            string result = _upperKey is null ? text! : MaskKeyFragments(text!);
            foreach (string secret in _otherSecrets.Keys) result = MaskEvery(result, secret);
            result = JwtShape.Replace(result, Mask);
            result = KeyShape.Replace(result, "sk-" + Mask);
            result = BearerValue.Replace(result, "$1" + Mask);
            return result;
        }

        private static string MaskEvery(string text, string secret)
        {
            int at = text.IndexOf(secret, StringComparison.OrdinalIgnoreCase);
            if (at < 0) return text;
            var masked = new StringBuilder(text.Length);
            int copied = 0;
            for (; at >= 0; at = text.IndexOf(secret, copied, StringComparison.OrdinalIgnoreCase))
            {
                masked.Append(text, copied, at - copied).Append(Mask);
                copied = at + secret.Length;
            }
            return masked.Append(text, copied, text.Length - copied).ToString();
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
