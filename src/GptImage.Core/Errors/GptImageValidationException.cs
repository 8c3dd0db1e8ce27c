using System;

namespace GptImage
{
    /// <summary>
    /// A request that breaks a rule known before any network call. The message names the parameter (as
    /// the cmdlet user types it), the value and what is allowed; a copy made by <see cref="InRow"/> also names
    /// the input row, and the column when the value came from one of its cells.
    /// </summary>
    public sealed class GptImageValidationException : ArgumentException
    {
        public GptImageValidationException(string errorId, string parameterName, object? value, string allowed)
            : base(FormatMessage(parameterName, value, allowed), parameterName)
        {
            ErrorId = errorId;
            Value = value;
            Allowed = allowed;
        }

        /// <summary>
        /// Two parameters that cannot be used together: "-Force and -NoClobber cannot be used together: <paramref name="why"/>".
        /// The value is the pair as typed; the allowed text is <paramref name="why"/>.
        /// </summary>
        public static GptImageValidationException Conflict(string first, string second, string why) =>
            new GptImageValidationException(ErrorIds.ParameterConflict, first, $"-{first} -{second}", why)
            {
                _message = $"-{first} and -{second} cannot be used together: {why}",
            };

        /// <summary>
        /// A bad entry of a table parameter: "-Tier key 'medium', Quality '150' is not allowed: <paramref name="allowed"/>".
        /// <paramref name="field"/> is null when the entry itself (not one of its fields) is wrong.
        /// </summary>
        public static GptImageValidationException ForEntry(string errorId, string parameterName, string key, string? field, object? value, string allowed) =>
            new GptImageValidationException(errorId, parameterName, value, allowed)
            {
                _message = $"-{parameterName} key '{key}'{(field is null ? string.Empty : ", " + field)} {Shown(value)} is not allowed: {allowed}",
            };

        // Set for messages that do not fit "-Parameter 'value' is not allowed" (two parameters in conflict).
        private string? _message;

        /// <summary>Stable id from <see cref="ErrorIds"/>.</summary>
        public string ErrorId { get; }
        public object? Value { get; }
        public string Allowed { get; }

        /// <summary>The 1-based input row the value belongs to, when the error is one row's.</summary>
        public int? RowNumber { get; private set; }

        /// <summary>The row's column the value came from (a CSV cell), or null when it was typed as a parameter.</summary>
        public string? Column { get; private set; }

        /// <summary>What the row was, when a name says more than its number (a piped file's name).</summary>
        public string? Record { get; private set; }

        /// <summary>The same error, told as row <paramref name="rowNumber"/>'s: "Row 3 (shot.png): column Quality 'ultra' is not allowed: ...".</summary>
        public GptImageValidationException InRow(int rowNumber, string? column, string? record) =>
            new GptImageValidationException(ErrorId, ParamName ?? string.Empty, Value, Allowed)
            {
                _message = _message,
                RowNumber = rowNumber,
                Column = column,
                Record = record,
            };

        // ArgumentException appends "(Parameter 'x')" to Message; the parameter is already in our sentence.
        public override string Message => RowPrefix(RowNumber, Record) + (_message ?? FormatMessage(ParamName ?? string.Empty, Value, Allowed, Column));

        /// <summary>"Row 3: " or "Row 3 (shot.png): " (empty without a row), the start of every message about one input row.</summary>
        public static string RowPrefix(int? rowNumber, string? record) =>
            rowNumber is int row ? $"Row {row}{(string.IsNullOrEmpty(record) ? string.Empty : " (" + record + ")")}: " : string.Empty;

        private static string FormatMessage(string parameterName, object? value, string allowed, string? column = null)
        {
            string subject = column is null ? "-" + parameterName : "column " + column;
            return $"{subject} {Shown(value)} is not allowed: {allowed}";
        }

        private static string Shown(object? value) => value is null ? "(none)" : "'" + Shorten(value.ToString() ?? string.Empty) + "'";

        private static string Shorten(string text) => text.Length <= 80 ? text : text.Substring(0, 60) + $"... ({text.Length} characters)";
    }
}
