using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using GptImage.Orchestration;

namespace GptImage.Templates
{
    /// <summary>
    /// Turns one template definition (a .psd1 hashtable or a JSON object, already read into nested dictionaries of
    /// strings) into an <see cref="ImageTemplate"/>, checking every field. Every problem is a
    /// <see cref="GptImageTemplateException"/> naming the file and the field, so a typo in a hand-edited file
    /// ("Lightning", a Quality of "ultra", a {Placeholder} nobody declared) is found on load, not on row 400.
    /// </summary>
    internal static class TemplateDefinitionReader
    {
        private static readonly Regex NameShape = new Regex(@"^[A-Za-z][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant);
        private static readonly Regex PlaceholderShape = new Regex(@"^[A-Za-z_][A-Za-z0-9_. -]{0,63}$", RegexOptions.CultureInvariant);
        private static readonly Regex SizeShape = new Regex(@"^(auto|\d{2,5}x\d{2,5})$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        private static readonly string[] Qualities = { "low", "medium", "high", "auto" };
        private static readonly string[] Backgrounds = { "transparent", "opaque", "auto" };
        private static readonly string[] Formats = { "png", "jpeg", "webp" };

        /// <summary>True for text that names a template rather than spelling a prompt (no spaces, no braces).</summary>
        public static bool IsNameShaped(string text) => NameShape.IsMatch(text.Trim());

        public static ImageTemplate Read(IReadOnlyDictionary<string, object?> definition, string source)
        {
            CheckKeys(definition, TemplateFields.All, string.Empty, source);
            string name = OptionalText(definition, TemplateFields.Name, source) ?? Path.GetFileNameWithoutExtension(source);
            if (!NameShape.IsMatch(name))
                throw new GptImageTemplateException(source, TemplateFields.Name,
                    $"is '{name}': a name starts with a letter and has only letters, digits, '.', '-' and '_' (at most 64), for example 'house-product-shot'.");
            string description = OptionalText(definition, TemplateFields.Description, source)
                ?? throw new GptImageTemplateException(source, TemplateFields.Description, "is missing: say in one sentence what the template is for.");

            var parts = new List<KeyValuePair<string, string>>();
            foreach (string field in TemplateFields.Parts)
            {
                string? text = OptionalText(definition, field, source);
                if (text != null) parts.Add(new KeyValuePair<string, string>(field, text));
            }
            if (!parts.Any(p => p.Key == TemplateFields.Subject))
                throw new GptImageTemplateException(source, TemplateFields.Subject, "is missing: every template needs a Subject (what the image shows).");

            List<TemplatePlaceholder> placeholders = ReadPlaceholders(definition, source);
            CheckPlaceholderUse(parts, placeholders, source);
            TemplateDefaults defaults = ReadDefaults(definition, source);
            return new ImageTemplate(name, description, parts, placeholders, defaults, source);
        }

        private static List<TemplatePlaceholder> ReadPlaceholders(IReadOnlyDictionary<string, object?> definition, string source)
        {
            var result = new List<TemplatePlaceholder>();
            if (!TryGet(definition, TemplateFields.Placeholders, out object? value) || value is null) return result;
            if (!(value is IReadOnlyDictionary<string, object?> table))
                throw new GptImageTemplateException(source, TemplateFields.Placeholders,
                    "must be a table of placeholder names, each with a Description and an optional Default, e.g. @{ Product = @{ Description = 'the product'; Default = 'a mug' } }.");
            foreach (var entry in table)
            {
                string field = TemplateFields.Placeholders + "." + entry.Key;
                if (!PlaceholderShape.IsMatch(entry.Key))
                    throw new GptImageTemplateException(source, field, "is not a usable placeholder name: letters, digits and '_' (a column name of the input).");
                if (entry.Value is string shortDescription)
                {
                    result.Add(new TemplatePlaceholder(entry.Key, shortDescription, null));
                    continue;
                }
                if (!(entry.Value is IReadOnlyDictionary<string, object?> spec))
                    throw new GptImageTemplateException(source, field, "must be a description text or a table with Description and an optional Default.");
                CheckKeys(spec, TemplateFields.PlaceholderFields, field + ".", source);
                string description = OptionalText(spec, "Description", source, field + ".")
                    ?? throw new GptImageTemplateException(source, field + ".Description", "is missing: say what the column should hold.");
                string? defaultValue = TryGet(spec, "Default", out object? d) && d != null ? AsText(d, source, field + ".Default") : null;
                result.Add(new TemplatePlaceholder(entry.Key, description, defaultValue));
            }
            return result;
        }

        private static void CheckPlaceholderUse(List<KeyValuePair<string, string>> parts, List<TemplatePlaceholder> placeholders, string source)
        {
            var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var part in parts)
            {
                IReadOnlyList<string> names;
                try { names = TemplateText.Placeholders(part.Value, part.Key); }
                catch (GptImageValidationException e) { throw new GptImageTemplateException(source, part.Key, e.Allowed); }
                foreach (string name in names)
                {
                    used.Add(name);
                    if (!placeholders.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
                        throw new GptImageTemplateException(source, part.Key,
                            $"uses {{{name}}}, which Placeholders does not declare; declare it (with a Description) or write '{{{{' for a literal brace.");
                }
            }
            foreach (TemplatePlaceholder placeholder in placeholders)
                if (!used.Contains(placeholder.Name))
                    throw new GptImageTemplateException(source, TemplateFields.Placeholders + "." + placeholder.Name,
                        "is declared but no part of the prompt uses it; use {" + placeholder.Name + "} in a part or remove it.");
        }

        private static TemplateDefaults ReadDefaults(IReadOnlyDictionary<string, object?> definition, string source)
        {
            var defaults = new TemplateDefaults();
            if (!TryGet(definition, TemplateFields.Defaults, out object? value) || value is null) return defaults;
            if (!(value is IReadOnlyDictionary<string, object?> table))
                throw new GptImageTemplateException(source, TemplateFields.Defaults, "must be a table such as @{ Size = '1024x1024'; Quality = 'high' }.");
            CheckKeys(table, TemplateFields.DefaultFields, TemplateFields.Defaults + ".", source);
            defaults.Size = Choice(table, "Size", null, source);
            if (defaults.Size != null && !SizeShape.IsMatch(defaults.Size))
                throw new GptImageTemplateException(source, "Defaults.Size", $"is '{defaults.Size}': auto, or WIDTHxHEIGHT such as 1024x1024.");
            defaults.Quality = Choice(table, "Quality", Qualities, source);
            defaults.Background = Choice(table, "Background", Backgrounds, source);
            defaults.OutputFormat = Choice(table, "OutputFormat", Formats, source);
            return defaults;
        }

        private static string? Choice(IReadOnlyDictionary<string, object?> table, string key, string[]? allowed, string source)
        {
            string? text = OptionalText(table, key, source, TemplateFields.Defaults + ".");
            if (text is null) return null;
            text = text.Trim().ToLowerInvariant();
            if (allowed != null && Array.IndexOf(allowed, text) < 0)
                throw new GptImageTemplateException(source, TemplateFields.Defaults + "." + key, $"is '{text}'; allowed: {string.Join(", ", allowed)}.");
            return text;
        }

        private static void CheckKeys(IReadOnlyDictionary<string, object?> table, string[] allowed, string prefix, string source)
        {
            foreach (string key in table.Keys)
                if (!allowed.Any(a => string.Equals(a, key, StringComparison.OrdinalIgnoreCase)))
                    throw new GptImageTemplateException(source, prefix + key, $"is not a template field; allowed here: {string.Join(", ", allowed)}.");
        }

        private static string? OptionalText(IReadOnlyDictionary<string, object?> table, string key, string source, string prefix = "")
        {
            if (!TryGet(table, key, out object? value) || value is null) return null;
            string text = AsText(value, source, prefix + key);
            return string.IsNullOrWhiteSpace(text) ? null : text;
        }

        private static string AsText(object value, string source, string field) =>
            value as string ?? throw new GptImageTemplateException(source, field, "must be text (a quoted string).");

        private static bool TryGet(IReadOnlyDictionary<string, object?> table, string key, out object? value)
        {
            foreach (var pair in table)
                if (string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase)) { value = pair.Value; return true; }
            value = null;
            return false;
        }
    }
}
