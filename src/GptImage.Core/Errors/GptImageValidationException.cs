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

        /// <summary>
        /// Two parameters that cannot be used together: "-Force and -NoClobber cannot be used together: <paramref name="why"/>".
        /// The value is the pair as typed; the allowed text is <paramref name="why"/>.
        /// </summary>
        public static GptImageValidationException Conflict(string first, string second, string why) =>
            new GptImageValidationException(ErrorIds.ParameterConflict, first, $"-{first} -{second}", why)
            {
                _message = $"-{first} and -{second} cannot be used together: {why}",
            };

        // Set for messages that do not fit "-Parameter 'value' is not allowed" (two parameters in conflict).
        private string? _message;

        /// <summary>Stable id from <see cref="ErrorIds"/>.</summary>
        public string ErrorId { get; }
        public object? Value { get; }
        public string Allowed { get; }

        // ArgumentException appends "(Parameter 'x')" to Message; the parameter is already in our sentence.
        public override string Message => _message ?? FormatMessage(ParamName ?? string.Empty, Value, Allowed);

        private static string FormatMessage(string parameterName, object? value, string allowed)
        {
            string shown = value is null ? "(none)" : "'" + Shorten(value.ToString() ?? string.Empty) + "'";
            return $"-{parameterName} {shown} is not allowed: {allowed}";
        }

        private static string Shorten(string text) => text.Length <= 80 ? text : text.Substring(0, 60) + $"... ({text.Length} characters)";
    }
}
