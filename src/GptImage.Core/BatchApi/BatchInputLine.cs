using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace GptImage.BatchApi
{
    /// <summary>One line of the JSONL input: {"custom_id", "method": "POST", "url", "body"} (the Batch API's request input object).</summary>
    internal static class BatchInputLine
    {
        /// <summary>The line's UTF-8 bytes, without the newline.</summary>
        public static byte[] Build(string customId, ImageGenerationRequest request, IReadOnlyList<string>? imageFileIds, string? maskFileId)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString("custom_id", customId);
                json.WriteString("method", "POST");
                json.WriteString("url", BatchEndpoints.For(request));
                json.WritePropertyName("body");
                BatchRequestBody.Write(json, request, imageFileIds, maskFileId);
                json.WriteEndObject();
            }
            return buffer.ToArray();
        }

        /// <summary>The custom_id of a row: stable, unique in a submission, and readable in the API dashboard.</summary>
        public static string CustomIdFor(int rowNumber) => "row-" + rowNumber.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }
}
