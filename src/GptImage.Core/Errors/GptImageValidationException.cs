using System;

namespace GptImage
{
    /// <summary>
    /// A request that breaks a rule known before any network call. The message names the parameter (as
    /// the cmdlet user types it), the value and what is allowed.
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

        /// <summary>Stable id from <see cref="ErrorIds"/>.</summary>
        public string ErrorId { get; }
        public object? Value { get; }
        public string Allowed { get; }

        // ArgumentException appends "(Parameter 'x')" to Message; the parameter is already in our sentence.
        public override string Message => FormatMessage(ParamName ?? string.Empty, Value, Allowed);

        private static string FormatMessage(string parameterName, object? value, string allowed)
        {
            string shown = value is null ? "(none)" : "'" + Shorten(value.ToString() ?? string.Empty) + "'";
            return $"-{parameterName} {shown} is not allowed: {allowed}";
        }

        private static string Shorten(string text) => text.Length <= 80 ? text : text.Substring(0, 60) + $"... ({text.Length} characters)";
    }
}
