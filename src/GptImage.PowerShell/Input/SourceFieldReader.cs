using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;

namespace GptImage.Commands
{
    /// <summary>
    /// The pipeline object's properties as text, for -Template, -FileName templates and the manifest's
    /// source columns. Import-Csv rows are note properties; hashtables count by their keys; other objects
    /// give their plain properties. The core only ever sees this dictionary, never a PSObject.
    /// </summary>
    internal static class SourceFieldReader
    {
        public static IReadOnlyDictionary<string, string?> Read(object? input)
        {
            var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            if (input is null) return fields;
            object baseObject = input is PSObject pso ? pso.BaseObject : input;

            if (baseObject is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary)
                {
                    string? key = entry.Key?.ToString();
                    if (!string.IsNullOrEmpty(key)) fields[key!] = AsText(entry.Value);
                }
                return fields;
            }

            // A bare string or number is a value, not a row, and a list (the paths typed after -Path) is values
            // too: none has columns (a string[]'s Length and Rank are not the user's data).
            if (baseObject is string || baseObject.GetType().IsPrimitive || baseObject is IEnumerable) return fields;

            PSObject wrapped = input as PSObject ?? PSObject.AsPSObject(input);
            foreach (PSPropertyInfo property in wrapped.Properties)
            {
                if (property.MemberType != PSMemberTypes.NoteProperty && property.MemberType != PSMemberTypes.Property) continue;
                if (!property.IsGettable) continue;
                try
                {
                    fields[property.Name] = AsText(property.Value);
                }
                catch (GetValueException)
                {
                    // A property whose getter throws (some .NET objects have them) is just left out.
                }
            }
            return fields;
        }

        private static string? AsText(object? value)
        {
            if (value is PSObject pso) value = pso.BaseObject;
            return value switch
            {
                null => null,
                string s => s,
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            };
        }
    }
}
