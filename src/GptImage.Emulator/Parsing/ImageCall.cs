using System;
using System.Collections.Generic;

namespace GptImage.Emulator.Parsing
{
    internal enum ImageEndpoint { Generations, Edits }

    /// <summary>How a field arrived: JSON keeps its type, a multipart form field is always text.</summary>
    internal enum FieldKind { Text, Number, Boolean, Null, Other, FormText }

    internal sealed record FieldValue(FieldKind Kind, string Text);

    /// <summary>One uploaded file of an edit (image[i] or mask), with the part's declared type.</summary>
    internal sealed record UploadedFile(string Param, string? FileName, string? ContentType, byte[] Bytes);

    /// <summary>A generations or edits request as received, before any check.</summary>
    internal sealed class ImageCall
    {
        public ImageCall(ImageEndpoint endpoint) => Endpoint = endpoint;

        public ImageEndpoint Endpoint { get; }

        /// <summary>True for a multipart/form-data edit (fields are text; moderation is not part of that form).</summary>
        public bool IsMultipart { get; set; }

        public Dictionary<string, FieldValue> Fields { get; } = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
        public List<UploadedFile> Images { get; } = new List<UploadedFile>();
        public UploadedFile? Mask { get; set; }

        /// <summary>Form fields named image/image[] that were sent as text instead of files.</summary>
        public List<string> ImageFieldsSentAsText { get; } = new List<string>();

        /// <summary>Azure deployment from the route; it stands in for the model there.</summary>
        public string? Deployment { get; set; }

        /// <summary>Set when the call came as a conversation turn (POST /responses): what the answer needs beyond the image.</summary>
        public Conversations.ConversationTurn? Turn { get; set; }

        public string? Text(string name) => Fields.TryGetValue(name, out var v) && v.Kind != FieldKind.Null ? v.Text : null;
        public bool Has(string name) => Fields.TryGetValue(name, out var v) && v.Kind != FieldKind.Null;
        public string EventPrefix => Endpoint == ImageEndpoint.Generations ? "image_generation" : "image_edit";
    }
}
