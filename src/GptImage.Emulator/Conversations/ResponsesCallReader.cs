using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using GptImage.Emulator.Http;
using GptImage.Emulator.Parsing;
using Microsoft.AspNetCore.Http;

namespace GptImage.Emulator.Conversations
{
    /// <summary>
    /// Turns a POST /responses body (CreateResponse with one image_generation tool) into the <see cref="ImageCall"/> the
    /// images pipeline judges and answers: the tool's options become the call's fields, the input text its prompt, the
    /// input_image parts (data URLs or file ids) its images and input_image_mask its mask. A turn that continues an
    /// earlier response and brings no image edits that response's image. Errors name the field as the API does
    /// (tools[0].size, input[0].content[1].image_url, previous_response_id).
    /// </summary>
    internal static class ResponsesCallReader
    {
        /// <summary>ImageGenTool's properties (the spec): any other is refused, as the real API refuses unknown parameters.</summary>
        private static readonly HashSet<string> ToolFields = new(StringComparer.Ordinal)
        {
            "type", "model", "quality", "size", "output_format", "output_compression", "moderation", "background",
            "input_fidelity", "input_image_mask", "partial_images", "action",
        };

        public static async Task<ImageCallReader.ReadResult> ReadAsync(HttpRequest request, ResponseStore responses, Func<string, UploadedFile?> fileIds, CancellationToken ct)
        {
            if (!(request.ContentType ?? string.Empty).StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
                return Fail(new ApiError(400, $"Invalid Content-Type header ({request.ContentType ?? "none"}), expected 'application/json'.", ApiError.InvalidRequest, null, null), null);
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            string body = await reader.ReadToEndAsync(ct).ConfigureAwait(false);
            return Parse(body, responses, fileIds);
        }

        public static ImageCallReader.ReadResult Parse(string body, ResponseStore responses, Func<string, UploadedFile?> fileIds)
        {
            JsonDocument doc;
            try { doc = JsonDocument.Parse(body); }
            catch (JsonException)
            {
                return Fail(new ApiError(400, "We could not parse the JSON body of your request. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.",
                    ApiError.InvalidRequest, null, null), body);
            }
            using (doc)
            {
                JsonElement root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object) return Fail(new ApiError(400, "The request body must be a JSON object.", ApiError.InvalidRequest, null, null), body);
                if (!root.TryGetProperty("model", out JsonElement model) || model.ValueKind != JsonValueKind.String || model.GetString()!.Length == 0)
                    return Fail(ApiError.MissingParameter("model"), body);
                string mainline = model.GetString()!;
                if (ModelCatalog.Find(mainline) != null)
                    return Fail(ApiError.InvalidValue("model", $"The model '{mainline}' is an image model and cannot be used as the Responses model; name a model that calls the image_generation tool (for example gpt-5.4) and put {mainline} in the tool's model."), body);

                (JsonElement tool, ApiError? toolError) = FindTool(root);
                if (toolError != null) return Fail(toolError, body);

                var call = new ImageCall(ImageEndpoint.Generations);
                foreach (JsonProperty p in tool.EnumerateObject())
                {
                    if (!ToolFields.Contains(p.Name)) return Fail(ApiError.UnknownParameter("tools[0]." + p.Name), body);
                    if (p.Name is "type" or "input_image_mask" or "action") continue;
                    call.Fields[p.Name] = ImageCallReader.ToField(p.Value);
                }
                bool stream = root.TryGetProperty("stream", out JsonElement s) && s.ValueKind == JsonValueKind.True;
                if (stream) call.Fields["stream"] = new FieldValue(FieldKind.Boolean, "true");

                string? previousId = null;
                StoredResponse? previous = null;
                if (root.TryGetProperty("previous_response_id", out JsonElement prev) && prev.ValueKind != JsonValueKind.Null)
                {
                    if (prev.ValueKind != JsonValueKind.String) return Fail(ApiError.InvalidType("previous_response_id", "a string", prev.ValueKind.ToString().ToLowerInvariant()), body);
                    previousId = prev.GetString()!;
                    previous = responses.Get(previousId);
                    if (previous is null)
                        return Fail(new ApiError(400, $"Previous response with id '{previousId}' not found.", ApiError.InvalidRequest, "previous_response_id", "previous_response_not_found"), body);
                }

                var prompt = new StringBuilder();
                ApiError? inputError = ReadInput(root, call, prompt, fileIds);
                if (inputError != null) return Fail(inputError, body);
                call.Fields["prompt"] = new FieldValue(FieldKind.Text, prompt.ToString());

                if (tool.TryGetProperty("input_image_mask", out JsonElement mask))
                {
                    (UploadedFile? file, ApiError? maskError) = ReadImageRef(mask, "tools[0].input_image_mask", fileIds);
                    if (maskError != null) return Fail(maskError, body);
                    call.Mask = file;
                }
                // A later turn without images of its own edits the image the conversation holds.
                if (call.Images.Count == 0 && previous != null)
                    call.Images.Add(new UploadedFile(ConversationParams.PreviousImage, "previous." + previous.Format, "image/" + previous.Format, previous.Image));
                var edit = call.Images.Count > 0 ? new ImageCall(ImageEndpoint.Edits) : null;
                if (edit != null)
                {
                    foreach (var f in call.Fields) edit.Fields[f.Key] = f.Value;
                    edit.Images.AddRange(call.Images);
                    edit.Mask = call.Mask;
                    call = edit;
                }
                else
                {
                    call.Fields.Remove("input_fidelity");   // the tool takes it on every turn; a turn without an image has nothing for it to act on
                    if (call.Mask != null) return Fail(ApiError.InvalidValue("tools[0].input_image_mask", "Invalid 'tools[0].input_image_mask': a mask needs an input image to apply to."), body);
                }
                call.Turn = new ConversationTurn { MainlineModel = mainline, PreviousResponseId = previousId, Previous = previous, Stream = stream, InputText = prompt.ToString() };
                return new ImageCallReader.ReadResult(call, null, body);
            }
        }

        private static (JsonElement Tool, ApiError? Error) FindTool(JsonElement root)
        {
            if (!root.TryGetProperty("tools", out JsonElement tools) || tools.ValueKind != JsonValueKind.Array)
                return (default, ApiError.MissingParameter("tools"));
            int index = 0;
            foreach (JsonElement tool in tools.EnumerateArray())
            {
                if (tool.ValueKind == JsonValueKind.Object && tool.TryGetProperty("type", out JsonElement type) && type.ValueKind == JsonValueKind.String
                    && type.GetString() == "image_generation")
                    return index == 0 ? (tool, null) : (default, ApiError.InvalidValue("tools", "The emulator answers the image_generation tool only; give it as tools[0]."));
                index++;
            }
            return (default, ApiError.InvalidValue("tools", "The emulator answers the image_generation tool only, and the request has none."));
        }

        /// <summary>input: a string, or messages whose content is a string or input_text / input_image parts.</summary>
        private static ApiError? ReadInput(JsonElement root, ImageCall call, StringBuilder prompt, Func<string, UploadedFile?> fileIds)
        {
            if (!root.TryGetProperty("input", out JsonElement input)) return ApiError.MissingParameter("input");
            if (input.ValueKind == JsonValueKind.String) { prompt.Append(input.GetString()); return null; }
            if (input.ValueKind != JsonValueKind.Array) return ApiError.InvalidType("input", "a string or an array", input.ValueKind.ToString().ToLowerInvariant());
            int i = 0;
            foreach (JsonElement message in input.EnumerateArray())
            {
                string where = $"input[{i++}]";
                if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("content", out JsonElement content))
                    return ApiError.MissingParameter(where + ".content");
                if (content.ValueKind == JsonValueKind.String) { Append(prompt, content.GetString()); continue; }
                if (content.ValueKind != JsonValueKind.Array) return ApiError.InvalidType(where + ".content", "a string or an array", content.ValueKind.ToString().ToLowerInvariant());
                int j = 0;
                foreach (JsonElement part in content.EnumerateArray())
                {
                    string partWhere = $"{where}.content[{j++}]";
                    string? type = part.ValueKind == JsonValueKind.Object && part.TryGetProperty("type", out JsonElement t) ? t.GetString() : null;
                    if (type == "input_text") Append(prompt, part.TryGetProperty("text", out JsonElement text) ? text.GetString() : null);
                    else if (type == "input_image")
                    {
                        (UploadedFile? file, ApiError? error) = ReadImageRef(part, partWhere, fileIds);
                        if (error != null) return error;
                        call.Images.Add(file!);
                    }
                    else return ApiError.InvalidValue(partWhere + ".type", type ?? "(none)", new[] { "input_text", "input_image" });
                }
            }
            return null;
        }

        /// <summary>An image given as image_url (a base64 data URL) or file_id.</summary>
        private static (UploadedFile? File, ApiError? Error) ReadImageRef(JsonElement part, string where, Func<string, UploadedFile?> fileIds)
        {
            if (part.ValueKind != JsonValueKind.Object) return (null, ApiError.InvalidType(where, "an object", part.ValueKind.ToString().ToLowerInvariant()));
            if (part.TryGetProperty("file_id", out JsonElement id) && id.ValueKind == JsonValueKind.String)
            {
                UploadedFile? stored = fileIds(id.GetString()!);
                return stored is null
                    ? (null, new ApiError(404, $"No such File object: {id.GetString()}", ApiError.InvalidRequest, where + ".file_id", null))
                    : (stored with { Param = where }, null);
            }
            if (!part.TryGetProperty("image_url", out JsonElement url) || url.ValueKind != JsonValueKind.String)
                return (null, ApiError.MissingParameter(where + ".image_url"));
            string text = url.GetString()!;
            int comma = text.IndexOf(',');
            if (!text.StartsWith("data:", StringComparison.Ordinal) || comma < 0 || !text.Substring(0, comma).EndsWith(";base64", StringComparison.Ordinal))
                return (null, ApiError.InvalidValue(where + ".image_url", $"Invalid '{where}.image_url': the emulator reads base64 data URLs (data:image/png;base64,...) only."));
            string mime = text.Substring(5, comma - 5 - ";base64".Length);
            try
            {
                return (new UploadedFile(where, null, mime, Convert.FromBase64String(text.Substring(comma + 1))), null);
            }
            catch (FormatException)
            {
                return (null, ApiError.InvalidValue(where + ".image_url", $"Invalid '{where}.image_url': the data URL is not valid base64."));
            }
        }

        private static void Append(StringBuilder prompt, string? text)
        {
            if (string.IsNullOrEmpty(text)) return;
            if (prompt.Length > 0) prompt.Append('\n');
            prompt.Append(text);
        }

        private static ImageCallReader.ReadResult Fail(ApiError error, string? body) => new ImageCallReader.ReadResult(null, error, body);
    }
}
