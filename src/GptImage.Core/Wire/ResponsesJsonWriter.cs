using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using GptImage.Imaging;
using GptImage.Imaging.Uploads;

namespace GptImage.Wire
{
    /// <summary>
    /// Writes the body of POST /responses (CreateResponse) for one conversation turn: the mainline model, the prompt
    /// (a plain string, or one user message of input_text and input_image parts when the turn brings images), the
    /// previous response id, one image_generation tool (ImageGenTool) with the options the caller set and nothing
    /// else, and tool_choice naming that tool so that every turn makes an image. Images and the mask go as data URLs,
    /// prepared as the edit upload prepares them (metadata removed, resized to fit). stream and partial_images go
    /// together, as for the images endpoints.
    /// </summary>
    internal static class ResponsesJsonWriter
    {
        public const string ToolType = "image_generation";

        public static byte[] Write(ConversationTurnRequest request)
        {
            (IReadOnlyList<byte[]> images, byte[]? mask) = request.Images.Count > 0
                ? UploadPreparer.PrepareAll(request)
                : (Array.Empty<byte[]>(), null);
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString("model", request.ResponsesModel.Trim());
                WriteInput(json, request.Prompt, images);
                if (request.PreviousResponseId != null) json.WriteString("previous_response_id", request.PreviousResponseId);
                json.WriteStartArray("tools");
                WriteTool(json, request, mask);
                json.WriteEndArray();
                json.WriteStartObject("tool_choice");
                json.WriteString("type", ToolType);
                json.WriteEndObject();
                if (request.PartialImages.HasValue) json.WriteBoolean("stream", true);
                AdditionalBody.WriteMembers(json, request.AdditionalBody);   // -AdditionalBody: top-level fields of the Responses body
                json.WriteEndObject();
            }
            return buffer.ToArray();
        }

        private static void WriteInput(Utf8JsonWriter json, string prompt, IReadOnlyList<byte[]> images)
        {
            if (images.Count == 0)
            {
                json.WriteString("input", prompt);
                return;
            }
            json.WriteStartArray("input");
            json.WriteStartObject();
            json.WriteString("role", "user");
            json.WriteStartArray("content");
            json.WriteStartObject();
            json.WriteString("type", "input_text");
            json.WriteString("text", prompt);
            json.WriteEndObject();
            foreach (byte[] image in images)
            {
                json.WriteStartObject();
                json.WriteString("type", "input_image");
                json.WriteString("image_url", DataUrl(image));
                json.WriteString("detail", "auto");
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
        }

        /// <summary>The tool's options by their wire names: the image fields the images endpoints share (WireFields), minus n and user, plus the mask.</summary>
        private static void WriteTool(Utf8JsonWriter json, ConversationTurnRequest request, byte[]? mask)
        {
            json.WriteStartObject();
            json.WriteString("type", ToolType);
            foreach (WireField field in WireFields.For(request))
            {
                switch (field.Name)
                {
                    case "prompt": case "stream": case "n": case "user": case "response_format": continue;
                }
                switch (field.Value)
                {
                    case int i: json.WriteNumber(field.Name, i); break;
                    case bool b: json.WriteBoolean(field.Name, b); break;
                    default: json.WriteString(field.Name, (string)field.Value); break;
                }
            }
            if (mask != null)
            {
                json.WriteStartObject("input_image_mask");
                json.WriteString("image_url", DataUrl(mask));
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }

        private static string DataUrl(byte[] bytes) =>
            "data:" + ImageFormatDetector.MimeType(ImageFormatDetector.Detect(bytes) ?? "png") + ";base64," + Convert.ToBase64String(bytes);
    }
}
