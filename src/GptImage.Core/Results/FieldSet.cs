using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace GptImage
{
    /// <summary>
    /// A row's columns as text, read-only, looked up without regard to case. It is a dictionary to code and
    /// to ConvertTo-Json (an object of columns), and one readable cell to Export-Csv and Format-List
    /// ("Sku=MUG-001; Product=mug") instead of a type name.
    /// </summary>
    public sealed class FieldSet : ReadOnlyDictionary<string, string?>
    {
        public static readonly FieldSet Empty = new FieldSet(new Dictionary<string, string?>());

        public FieldSet(IEnumerable<KeyValuePair<string, string?>> fields)
            : base(Copy(fields))
        {
        }

        /// <summary>The same fields, as a FieldSet (no copy when they already are one).</summary>
        public static FieldSet From(IReadOnlyDictionary<string, string?>? fields) =>
            fields is null ? Empty : fields as FieldSet ?? new FieldSet(fields);

        public override string ToString() => string.Join("; ", this.Select(pair => pair.Key + "=" + pair.Value));

        private static Dictionary<string, string?> Copy(IEnumerable<KeyValuePair<string, string?>> fields)
        {
            var copy = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in fields) copy[pair.Key] = pair.Value;
            return copy;
        }
    }
}
