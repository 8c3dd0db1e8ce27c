using System.IO;
using System.Text.Json;

namespace GptImage.Wire
{
    /// <summary>Writes the body of POST /images/generations (CreateImageRequest) as UTF-8 JSON.</summary>
    internal static class GenerationJsonWriter
    {
        public static byte[] Write(ImageGenerationRequest request)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                foreach (WireField field in WireFields.For(request))
                {
                    switch (field.Value)
                    {
                        case bool b: json.WriteBoolean(field.Name, b); break;
                        case int i: json.WriteNumber(field.Name, i); break;
                        default: json.WriteString(field.Name, (string)field.Value); break;
                    }
                }
                AdditionalBody.WriteMembers(json, request.AdditionalBody);
                json.WriteEndObject();
            }
            return buffer.ToArray();
        }
    }
}
