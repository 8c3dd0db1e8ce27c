using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using GptImage.Orchestration;

namespace GptImage.Templates
{
    /// <summary>
    /// A named prompt framework: subject, setting, style and medium, lighting and mood, technical details and the
    /// things to avoid, each a text with {Placeholder}s filled from a row. The API has no negative prompt, so
    /// <see cref="Negative"/> becomes a sentence of the prompt itself ("Avoid: ...").
    /// </summary>
    public sealed class ImageTemplate
    {
        internal ImageTemplate(string name, string description, IReadOnlyList<KeyValuePair<string, string>> parts,
            IReadOnlyList<TemplatePlaceholder> placeholders, TemplateDefaults defaults, string source)
        {
            Name = name;
            Description = description;
            _parts = parts;
            Placeholders = placeholders;
            Defaults = defaults;
            Source = source;
        }

        private readonly IReadOnlyList<KeyValuePair<string, string>> _parts;

        /// <summary>What -Template names it by (case is ignored).</summary>
        public string Name { get; }

        public string Description { get; }

        public string? Subject => Part(TemplateFields.Subject);
        public string? Setting => Part(TemplateFields.Setting);
        public string? Style => Part(TemplateFields.Style);
        public string? Lighting => Part(TemplateFields.Lighting);
        public string? Technical => Part(TemplateFields.Technical);

        /// <summary>What the image must not show; sent as the prompt's last sentence, never as a separate parameter.</summary>
        public string? Negative => Part(TemplateFields.Negative);

        public IReadOnlyList<TemplatePlaceholder> Placeholders { get; }

        public TemplateDefaults Defaults { get; }

        /// <summary>"built-in", or the file the template was read from.</summary>
        public string Source { get; }

        /// <summary>The whole prompt with its {Placeholders} still in it.</summary>
        public string Text => Compose(_parts.Select(p => new KeyValuePair<string, string>(p.Key, p.Value)));

        /// <summary>
        /// The prompt for one row: each placeholder from the row's column of that name (case ignored), else its default.
        /// A required placeholder without a value throws GptImageValidationException (GptImage.TemplateColumnMissing)
        /// naming the template, the placeholder and what it is for.
        /// </summary>
        public string Fill(IReadOnlyDictionary<string, string?> fields)
        {
            if (fields is null) throw new ArgumentNullException(nameof(fields));
            var filled = new List<KeyValuePair<string, string>>(_parts.Count);
            foreach (var part in _parts)
            {
                string text = TemplateText.Expand(part.Value, "Template", (string name, out string? value) =>
                {
                    if (FieldLookup.TryGet(fields, name, out value) && !string.IsNullOrWhiteSpace(value)) return true;
                    value = Find(name)?.Default;
                    return value != null;
                }, name => throw Missing(name, fields));
                filled.Add(new KeyValuePair<string, string>(part.Key, text));
            }
            return Compose(filled);
        }

        public override string ToString() => Name;

        private TemplatePlaceholder? Find(string name) =>
            Placeholders.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

        private string? Part(string field)
        {
            foreach (var part in _parts)
                if (part.Key == field) return part.Value;
            return null;
        }

        private GptImageValidationException Missing(string name, IReadOnlyDictionary<string, string?> fields)
        {
            string purpose = Find(name)?.Description is string d && d.Length > 0 ? " (" + d + ")" : string.Empty;
            string columns = fields.Count == 0 ? "none" : string.Join(", ", fields.Keys.Take(20)) + (fields.Count > 20 ? ", ..." : string.Empty);
            return new GptImageValidationException(ErrorIds.TemplateColumnMissing, "Template", Name,
                $"template '{Name}' needs a value for {{{name}}}{purpose}, and the input row has no non-blank column '{name}' (its columns: {columns}).");
        }

        /// <summary>Sentences in the order of <see cref="TemplateFields.Parts"/>; the negative part reads "Avoid: ...".</summary>
        private static string Compose(IEnumerable<KeyValuePair<string, string>> parts)
        {
            var text = new StringBuilder();
            foreach (var part in parts)
            {
                string sentence = part.Value.Trim();
                if (sentence.Length == 0) continue;
                if (part.Key == TemplateFields.Negative) sentence = "Avoid: " + sentence;
                if (text.Length > 0) text.Append(' ');
                text.Append(sentence);
                if (".!?\"'".IndexOf(sentence[sentence.Length - 1]) < 0) text.Append('.');
            }
            return text.ToString();
        }
    }
}
