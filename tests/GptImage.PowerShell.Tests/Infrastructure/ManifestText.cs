using System.Text.RegularExpressions;

namespace GptImage.PowerShell.Tests.Infrastructure
{
    /// <summary>
    /// Reads the few keys the tests need from the .psd1 text (no PowerShell here to Import-PowerShellDataFile it):
    /// 'Key = value' scalars and 'Key = @( ... )' lists of quoted strings. Comments are dropped first.
    /// </summary>
    internal sealed class ManifestText
    {
        private readonly string _text;

        public ManifestText(string path)
        {
            _text = Regex.Replace(File.ReadAllText(path), @"(?m)^\s*#.*$", string.Empty);
        }

        public string? Scalar(string key)
        {
            Match m = Regex.Match(_text, @"(?m)^\s*" + Regex.Escape(key) + @"\s*=\s*'([^']*)'");
            return m.Success ? m.Groups[1].Value : null;
        }

        /// <summary>The quoted items of 'Key = @(...)', or null when the key is absent or not a list.</summary>
        public IReadOnlyList<string>? List(string key)
        {
            Match m = Regex.Match(_text, @"(?ms)^\s*" + Regex.Escape(key) + @"\s*=\s*@\((.*?)\)");
            if (!m.Success) return null;
            return Regex.Matches(m.Groups[1].Value, @"'([^']*)'").Select(x => x.Groups[1].Value).ToList();
        }
    }
}
