using System.Collections.Generic;
using System.Globalization;

namespace GptImage.Wire
{
    /// <summary>One field of a request body; Value is a string, an int or a bool.</summary>
    internal readonly struct WireField
    {
        public WireField(string name, object value) { Name = name; Value = value; }
        public string Name { get; }
        public object Value { get; }

        /// <summary>The value as a multipart form sends it (booleans in JSON spelling).</summary>
        public string AsFormText() => Value switch
        {
            bool b => b ? "true" : "false",
            int i => i.ToString(CultureInfo.InvariantCulture),
            _ => (string)Value,
        };
    }

    /// <summary>
    /// The request's fields by their wire names (CreateImageRequest, CreateImageEditRequest), in one place
    /// for the JSON and the multipart forms. Fields the caller left unset are left out, so the server's
    /// default applies; choice values go in lower case. `model` is always there. `response_format` goes
    /// only to dall-e models (GPT image models reject it and always answer b64_json).
    /// </summary>
    internal static class WireFields
    {
        public static List<WireField> For(ImageGenerationRequest r)
        {
            var fields = new List<WireField>
            {
                new WireField("model", r.Model.Trim()),
                new WireField("prompt", r.Prompt),
            };
            AddInt(fields, "n", r.Count);
            AddChoice(fields, "size", r.Size);
            AddChoice(fields, "quality", r.Quality);
            AddChoice(fields, "output_format", r.OutputFormat);
            AddInt(fields, "output_compression", r.Compression);
            AddChoice(fields, "background", r.Background);
            if (r is ImageEditRequest edit) AddChoice(fields, "input_fidelity", edit.InputFidelity);
            // Not a field of the multipart edit form; the Responses image tool takes it.
            if (!(r is ImageEditRequest) || r is ConversationTurnRequest) AddChoice(fields, "moderation", r.Moderation);
            if (r.User != null) fields.Add(new WireField("user", r.User));
            if (r.PartialImages is int partial)
            {
                fields.Add(new WireField("stream", true));
                fields.Add(new WireField("partial_images", partial));
            }
            ModelCapabilities? caps = ModelCatalog.Find(r.Model);
            if (caps != null && !caps.IsGptImage) fields.Add(new WireField("response_format", "b64_json"));
            return fields;
        }

        private static void AddChoice(List<WireField> fields, string name, string? value)
        {
            if (value != null) fields.Add(new WireField(name, value.Trim().ToLowerInvariant()));
        }

        private static void AddInt(List<WireField> fields, string name, int? value)
        {
            if (value is int v) fields.Add(new WireField(name, v));
        }
    }
}
