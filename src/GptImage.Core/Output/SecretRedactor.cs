using System.Text.RegularExpressions;

namespace GptImage.Orchestration
{
    /// <summary>
    /// Last line of defence for anything written to disk: masks strings shaped like OpenAI keys (sk-...,
    /// sk-proj-...) and bearer tokens, whatever message they came in.
    /// </summary>
    internal static class SecretRedactor
    {
        private static readonly Regex KeyLike = new Regex(@"(sk-[A-Za-z0-9_\-]{2,}?)[A-Za-z0-9_\-]{6,}|(Bearer\s+)\S+", RegexOptions.CultureInvariant);

        public static string? Redact(string? text) =>
            text is null ? null : KeyLike.Replace(text, m => m.Groups[2].Success ? m.Groups[2].Value + "***" : "sk-***");
    }
}
