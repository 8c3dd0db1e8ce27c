using System.Globalization;

namespace GptImage
{
    /// <summary>
    /// Reads the text of an input row's cell (an Import-Csv column) into a request value. A blank cell means "not
    /// given" (the API default applies); any other text must be exactly a value of the parameter's type, or the
    /// row fails before anything is sent: a Count of "abc" must not quietly become the default n, nor "1.5" two images.
    /// </summary>
    public static class RowCells
    {
        /// <summary>Null for a blank cell; the trimmed text otherwise.</summary>
        public static string? Text(string? cell) => string.IsNullOrWhiteSpace(cell) ? null : cell!.Trim();

        /// <summary>
        /// A whole number ("4", " 4 ", "+4"); null for a blank cell. Throws <see cref="GptImageValidationException"/>
        /// with <paramref name="errorId"/> for anything else: "abc", "1.5", "1e3", or a number beyond Int32.
        /// </summary>
        public static int? WholeNumber(string? cell, string errorId, string parameterName, string allowed)
        {
            string? text = Text(cell);
            if (text is null) return null;
            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)) return value;
            throw new GptImageValidationException(errorId, parameterName, cell, allowed);
        }
    }
}
