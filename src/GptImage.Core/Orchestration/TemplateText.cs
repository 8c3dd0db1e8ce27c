using System;
using System.Collections.Generic;
using System.Text;

namespace GptImage.Orchestration
{
    /// <summary>
    /// The one parser behind -Template prompts and -FileName templates: '{Name}' placeholders, '{{' and '}}'
    /// for literal braces. The resolver gets the text between the braces and returns null when it has no value.
    /// </summary>
    internal static class TemplateText
    {
        public delegate bool Resolver(string placeholder, out string? value);

        /// <summary>Placeholders in order of appearance (validates the syntax).</summary>
        public static IReadOnlyList<string> Placeholders(string template, string parameterName)
        {
            var names = new List<string>();
            Expand(template, parameterName, (string p, out string? v) => { names.Add(p); v = string.Empty; return true; }, null);
            return names;
        }

        /// <summary>Fills the template; calls <paramref name="onMissing"/> (which must throw) for an unresolved placeholder.</summary>
        public static string Expand(string template, string parameterName, Resolver resolve, Action<string>? onMissing)
        {
            if (template is null) throw new ArgumentNullException(nameof(template));
            var text = new StringBuilder(template.Length + 32);
            int i = 0;
            while (i < template.Length)
            {
                char c = template[i];
                if (c == '{' && i + 1 < template.Length && template[i + 1] == '{') { text.Append('{'); i += 2; continue; }
                if (c == '}' && i + 1 < template.Length && template[i + 1] == '}') { text.Append('}'); i += 2; continue; }
                if (c == '}') throw Invalid(template, parameterName, $"a '}}' at position {i + 1} closes nothing; write '}}}}' for a literal brace");
                if (c != '{') { text.Append(c); i++; continue; }

                int close = template.IndexOf('}', i + 1);
                int nextOpen = template.IndexOf('{', i + 1);
                if (close < 0 || (nextOpen >= 0 && nextOpen < close))
                    throw Invalid(template, parameterName, $"the '{{' at position {i + 1} is not closed; write '{{{{' for a literal brace");
                string placeholder = template.Substring(i + 1, close - i - 1).Trim();
                if (placeholder.Length == 0)
                    throw Invalid(template, parameterName, $"the '{{}}' at position {i + 1} names no column; write '{{{{}}}}' for literal braces");
                if (resolve(placeholder, out string? value)) text.Append(value);
                else { onMissing?.Invoke(placeholder); }
                i = close + 1;
            }
            return text.ToString();
        }

        private static GptImageValidationException Invalid(string template, string parameterName, string why) =>
            new GptImageValidationException(ErrorIds.InvalidTemplate, parameterName, template, why);
    }
}
