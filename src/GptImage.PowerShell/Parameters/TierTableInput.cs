using System.Collections;
using System.Collections.Specialized;
using System.Management.Automation;

namespace GptImage.Commands
{
    /// <summary>
    /// The -Tier table as the core reads it: the same keys in the same order, every value (and every nested table's
    /// value) without its PowerShell wrapper, so 85 from a variable is an int, not a PSObject.
    /// </summary>
    internal static class TierTableInput
    {
        public static IDictionary? Unwrap(IDictionary? table)
        {
            if (table is null) return null;
            var plain = new OrderedDictionary();
            foreach (DictionaryEntry entry in table)
            {
                object? value = Base(entry.Value);
                plain[Base(entry.Key) ?? string.Empty] = value is IDictionary nested ? Unwrap(nested) : value;
            }
            return plain;
        }

        private static object? Base(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
    }
}
