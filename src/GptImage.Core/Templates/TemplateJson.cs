using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace GptImage.Templates
{
    /// <summary>Reads template JSON into the nested dictionaries <see cref="TemplateDefinitionReader"/> checks (keys keep their case).</summary>
    internal static class TemplateJson
    {
        public static object? ToTree(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Object => ToTable(element),
            JsonValueKind.Array => ToList(element),
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Number => element.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };

        public static IReadOnlyDictionary<string, object?> ToTable(JsonElement element)
        {
            var table = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (JsonProperty property in element.EnumerateObject()) table[property.Name] = ToTree(property.Value);
            return table;
        }

        private static List<object?> ToList(JsonElement element)
        {
            var list = new List<object?>();
            foreach (JsonElement item in element.EnumerateArray()) list.Add(ToTree(item));
            return list;
        }

        /// <summary>One template file's JSON object; a file that is not a JSON object is an error naming the file.</summary>
        public static IReadOnlyDictionary<string, object?> ReadFile(string path)
        {
            try
            {
                using JsonDocument document = JsonDocument.Parse(System.IO.File.ReadAllBytes(path),
                    new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                    throw new GptImageTemplateException(path, string.Empty, "must hold one JSON object with Name, Description, Subject, ...");
                return ToTable(document.RootElement);
            }
            catch (JsonException e)
            {
                throw new GptImageTemplateException(path, string.Empty,
                    "is not valid JSON (line " + ((e.LineNumber ?? 0) + 1).ToString(CultureInfo.InvariantCulture) + "): " + e.Message);
            }
        }
    }
}
