using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace GptImage.Wire
{
    /// <summary>
    /// The escape hatch for body fields this library does not know yet: checked before anything is sent, written
    /// after the known fields (JSON members, or text parts of the multipart edit form), and part of the cache key.
    /// A key the library sends itself would make the body ambiguous (two "size" members) or let a row override the
    /// model or prompt it was checked with, so those are refused; so is negative_prompt, which the API does not have.
    /// </summary>
    internal static class AdditionalBody
    {
        /// <summary>Body fields the library writes itself, and what to use instead.</summary>
        private static readonly Dictionary<string, string> Owned = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["model"] = "-Model", ["prompt"] = "-Prompt or -Template", ["n"] = "-Count", ["size"] = "-Size", ["quality"] = "-Quality",
            ["output_format"] = "-OutputFormat", ["output_compression"] = "-Compression", ["background"] = "-Background",
            ["moderation"] = "-Moderation", ["user"] = "-User", ["stream"] = "-PartialImages", ["partial_images"] = "-PartialImages",
            ["response_format"] = "nothing: GPT image models always answer b64_json", ["input_fidelity"] = "-InputFidelity",
            ["image"] = "-Path", ["image[]"] = "-Path", ["images"] = "-Path", ["mask"] = "-MaskPath",
            ["negative_prompt"] = "a template's Negative field: the API has no negative prompt, say what to avoid in the prompt",
        };

        public static void Check(IDictionary<string, object?>? body, bool multipart)
        {
            if (body is null) return;
            foreach (var pair in body)
            {
                string key = pair.Key?.Trim() ?? string.Empty;
                if (key.Length == 0)
                    throw Invalid(pair.Key, "a non-empty field name.");
                if (Owned.TryGetValue(key, out string? instead))
                    throw Invalid(key, $"a field this module does not send itself; '{key}' it does. Use {instead}.");
                CheckValue(key, pair.Value, multipart, 0);
            }
        }

        public static void WriteMembers(Utf8JsonWriter json, IDictionary<string, object?>? body)
        {
            if (body is null) return;
            foreach (var pair in body)
            {
                json.WritePropertyName(pair.Key.Trim());
                WriteValue(json, pair.Value);
            }
        }

        /// <summary>A scalar as a multipart form sends it (Check has refused anything else for edits).</summary>
        public static string FormText(object? value) => value switch
        {
            null => string.Empty,
            bool b => b ? "true" : "false",
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };

        /// <summary>Key order does not change the request: members sorted by name, for the cache key.</summary>
        public static void WriteCanonical(Utf8JsonWriter json, IDictionary<string, object?> body)
        {
            json.WriteStartObject();
            foreach (var pair in body.OrderBy(p => p.Key.Trim(), StringComparer.Ordinal))
            {
                json.WritePropertyName(pair.Key.Trim());
                WriteValue(json, pair.Value);
            }
            json.WriteEndObject();
        }

        /// <summary>The fields as -WhatIf shows them: compact JSON (the body never holds a key: keys travel in headers).</summary>
        public static string Describe(IDictionary<string, object?> body)
        {
            using var buffer = new System.IO.MemoryStream();
            using (var json = new Utf8JsonWriter(buffer)) WriteCanonical(json, body);
            return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        }

        private static void CheckValue(string key, object? value, bool multipart, int depth)
        {
            if (depth > 16) throw Invalid(key, "values nested at most 16 deep.");
            switch (value)
            {
                case null: case string _: case bool _: return;
                case byte _: case sbyte _: case short _: case ushort _: case int _: case uint _: case long _: case ulong _:
                case float _: case double _: case decimal _:
                    return;
                case IDictionary<string, object?> table when !multipart:
                    foreach (var inner in table) CheckValue(key, inner.Value, false, depth + 1);
                    return;
                case IEnumerable list when !multipart && !(value is IDictionary):
                    foreach (object? item in list) CheckValue(key, item, false, depth + 1);
                    return;
            }
            throw Invalid(key, multipart
                ? $"text, a number or a boolean: an edit is a multipart form, which has no nested values (got {value.GetType().Name})."
                : $"text, a number, a boolean, null, a hashtable or a list of those (got {value.GetType().Name}).");
        }

        private static void WriteValue(Utf8JsonWriter json, object? value)
        {
            switch (value)
            {
                case null: json.WriteNullValue(); break;
                case string text: json.WriteStringValue(text); break;
                case bool flag: json.WriteBooleanValue(flag); break;
                case decimal m: json.WriteNumberValue(m); break;
                case double d: json.WriteNumberValue(d); break;
                case float f: json.WriteNumberValue(f); break;
                case ulong u: json.WriteNumberValue(u); break;
                case IConvertible number when !(value is IEnumerable): json.WriteNumberValue(number.ToInt64(CultureInfo.InvariantCulture)); break;
                case IDictionary<string, object?> table:
                    json.WriteStartObject();
                    foreach (var pair in table) { json.WritePropertyName(pair.Key); WriteValue(json, pair.Value); }
                    json.WriteEndObject();
                    break;
                case IEnumerable list:
                    json.WriteStartArray();
                    foreach (object? item in list) WriteValue(json, item);
                    json.WriteEndArray();
                    break;
                default: json.WriteStringValue(value.ToString()); break;
            }
        }

        private static GptImageValidationException Invalid(string? key, string allowed) =>
            new GptImageValidationException(ErrorIds.InvalidAdditionalBody, "AdditionalBody", key, allowed);
    }
}
