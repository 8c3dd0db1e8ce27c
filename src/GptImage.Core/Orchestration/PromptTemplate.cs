using System;
using System.Collections.Generic;
using System.Linq;

namespace GptImage.Orchestration
{
    /// <summary>
    /// -Template: 'Product shot of {Product} in {Scene}' filled from a row's columns (names ignore case).
    /// '{{' and '}}' stand for literal braces. A missing column is the row's error and names the column.
    /// </summary>
    public static class PromptTemplate
    {
        /// <summary>The filled prompt. Throws GptImageValidationException (GptImage.TemplateColumnMissing, or
        /// GptImage.InvalidTemplate for unbalanced braces).</summary>
        public static string Fill(string template, IReadOnlyDictionary<string, string?> fields)
        {
            if (fields is null) throw new ArgumentNullException(nameof(fields));
            return TemplateText.Expand(template, "Template",
                (string name, out string? value) => FieldLookup.TryGet(fields, name, out value),
                name => throw new GptImageValidationException(ErrorIds.TemplateColumnMissing, "Template", template,
                    $"the input row has no column '{name}' (its columns: {Describe(fields)})"));
        }

        /// <summary>The column names a template uses; checks the braces without any row.</summary>
        public static IReadOnlyList<string> Columns(string template) => TemplateText.Placeholders(template, "Template");

        private static string Describe(IReadOnlyDictionary<string, string?> fields) =>
            fields.Count == 0 ? "none" : string.Join(", ", fields.Keys.Take(20)) + (fields.Count > 20 ? ", ..." : string.Empty);
    }

    /// <summary>Case-insensitive lookups whatever comparer the caller's dictionary uses (PowerShell ignores case).</summary>
    internal static class FieldLookup
    {
        public static bool TryGet(IReadOnlyDictionary<string, string?> fields, string name, out string? value)
        {
            if (fields.TryGetValue(name, out value)) { value ??= string.Empty; return true; }
            foreach (var pair in fields)
            {
                if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase)) { value = pair.Value ?? string.Empty; return true; }
            }
            value = null;
            return false;
        }
    }
}
