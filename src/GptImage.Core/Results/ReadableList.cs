using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace GptImage
{
    /// <summary>
    /// A read-only list that reads as its items joined by "; " when PowerShell turns it into one cell
    /// (Export-Csv, string expansion), instead of its type name. Code and ConvertTo-Json still see a list.
    /// </summary>
    public sealed class ReadableList<T> : ReadOnlyCollection<T>
    {
        public ReadableList(IList<T> items)
            : base(items)
        {
        }

        public override string ToString() => string.Join("; ", this);
    }
}
