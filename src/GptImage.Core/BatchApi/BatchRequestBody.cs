using System.Collections.Generic;
using System.Text.Json;
using GptImage.Wire;

namespace GptImage.BatchApi
{
    /// <summary>
    /// The "body" of one input line: CreateImageRequest for generations, EditImageBodyJsonParam (the JSON edit
    /// form) for edits, where the images and mask are ImageRefParam objects holding an uploaded file_id. The
    /// fields come from the same <see cref="WireFields"/> table as the direct calls; a batch never streams, and
    /// the JSON edit form (unlike the multipart one) has a moderation field.
    /// </summary>
    internal static class BatchRequestBody
    {
        public static void Write(Utf8JsonWriter json, ImageGenerationRequest request, IReadOnlyList<string>? imageFileIds, string? maskFileId)
        {
            json.WriteStartObject();
            foreach (WireField field in WireFields.For(request))
            {
                if (field.Name == "stream" || field.Name == "partial_images") continue;
                switch (field.Value)
                {
                    case bool b: json.WriteBoolean(field.Name, b); break;
                    case int i: json.WriteNumber(field.Name, i); break;
                    default: json.WriteString(field.Name, (string)field.Value); break;
                }
            }
            if (request is ImageEditRequest)
            {
                if (request.Moderation != null) json.WriteString("moderation", request.Moderation.Trim().ToLowerInvariant());
                json.WriteStartArray("images");
                foreach (string id in imageFileIds ?? new string[0]) WriteFileRef(json, id);
                json.WriteEndArray();
                if (maskFileId != null)
                {
                    json.WritePropertyName("mask");
                    WriteFileRef(json, maskFileId);
                }
            }
            AdditionalBody.WriteMembers(json, request.AdditionalBody);
            json.WriteEndObject();
        }

        private static void WriteFileRef(Utf8JsonWriter json, string fileId)
        {
            json.WriteStartObject();
            json.WriteString("file_id", fileId);
            json.WriteEndObject();
        }
    }
}
