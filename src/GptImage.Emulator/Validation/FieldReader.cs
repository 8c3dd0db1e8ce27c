using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using GptImage.Emulator.Http;
using GptImage.Emulator.Parsing;

namespace GptImage.Emulator.Validation
{
    /// <summary>Typed access to request fields with OpenAI's type errors ("expected an integer, but got a string").</summary>
    internal sealed class FieldReader
    {
        private readonly ImageCall _call;

        public FieldReader(ImageCall call) => _call = call;

        public ApiError? Error { get; private set; }

        public string? String(string name)
        {
            if (!_call.Fields.TryGetValue(name, out FieldValue? v) || v.Kind == FieldKind.Null) return null;
            if (v.Kind is FieldKind.Text or FieldKind.FormText) return v.Text;
            Fail(ApiError.InvalidType(name, "a string", Describe(v)));
            return null;
        }

        public long? Integer(string name)
        {
            if (!_call.Fields.TryGetValue(name, out FieldValue? v) || v.Kind == FieldKind.Null) return null;
            // JSON must carry a number; a form field is text by nature and is parsed.
            if ((v.Kind == FieldKind.Number || v.Kind == FieldKind.FormText)
                && long.TryParse(v.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
                return value;
            Fail(ApiError.InvalidType(name, "an integer", Describe(v)));
            return null;
        }

        public bool? Boolean(string name)
        {
            if (!_call.Fields.TryGetValue(name, out FieldValue? v) || v.Kind == FieldKind.Null) return null;
            if ((v.Kind == FieldKind.Boolean || v.Kind == FieldKind.FormText) && bool.TryParse(v.Text, out bool value)) return value;
            Fail(ApiError.InvalidType(name, "a boolean", Describe(v)));
            return null;
        }

        /// <summary>A string that must be one of <paramref name="allowed"/> (ordinal, as the API is case-sensitive).</summary>
        public string? OneOf(string name, IReadOnlyList<string> allowed)
        {
            string? value = String(name);
            if (value != null && !allowed.Contains(value)) Fail(ApiError.InvalidValue(name, value, allowed));
            return value;
        }

        public void Fail(ApiError error) => Error ??= error;

        private static string Describe(FieldValue v) => v.Kind switch
        {
            FieldKind.Text or FieldKind.FormText => "a string",
            FieldKind.Number => v.Text.Contains('.') ? "a decimal" : "an integer",
            FieldKind.Boolean => "a boolean",
            _ => v.Text.StartsWith('[') ? "an array" : "an object",
        };
    }
}
