using System;
using System.IO;
using System.Security.Cryptography;
using System.Text.Json;

namespace GptImage.Orchestration
{
    /// <summary>
    /// The cache key: SHA-256 of a canonical JSON form of the request (operation, endpoint, model, prompt, every
    /// parameter, the SHA-256 of each input image and of the mask, and for a conversation turn its mainline model and
    /// the response it continues). Two requests that would make the same
    /// API call get the same key; change anything the API sees and the key changes. Holds no secret.
    /// </summary>
    public static class RequestKey
    {
        /// <summary>Bumped whenever the canonical form changes, so old cache entries are simply missed.</summary>
        private const int Version = 1;

        public static string Compute(ImageGenerationRequest request, string? endpoint)
        {
            if (request is null) throw new ArgumentNullException(nameof(request));
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteNumber("v", Version);
                json.WriteString("operation", request is ConversationTurnRequest ? "responses" : request is ImageEditRequest ? "edits" : "generations");
                json.WriteString("endpoint", NormalizeEndpoint(endpoint));
                json.WriteString("model", request.Model?.Trim());
                json.WriteString("prompt", request.Prompt);
                WriteText(json, "size", request.Size);
                WriteText(json, "quality", request.Quality);
                WriteText(json, "output_format", request.OutputFormat);
                WriteNumber(json, "output_compression", request.Compression);
                WriteText(json, "background", request.Background);
                WriteText(json, "moderation", request.Moderation);
                WriteNumber(json, "n", request.Count);
                WriteText(json, "user", request.User);
                WriteNumber(json, "partial_images", request.PartialImages);
                if (request is ConversationTurnRequest turn)
                {
                    // The turn it continues is part of what is asked: the same words after another image are another request.
                    json.WriteString("responses_model", turn.ResponsesModel?.Trim());
                    json.WriteString("previous_response_id", turn.PreviousResponseId);
                }
                // Written only when there are extras, so the keys of every request without them stay as they were.
                if (request.AdditionalBody is { Count: > 0 } extras)
                {
                    json.WritePropertyName("additional_body");
                    GptImage.Wire.AdditionalBody.WriteCanonical(json, extras);
                }
                if (request is ImageEditRequest edit)
                {
                    WriteText(json, "input_fidelity", edit.InputFidelity);
                    json.WriteStartArray("images");
                    foreach (ImageInput image in edit.Images) json.WriteStringValue(HashInput(image));
                    json.WriteEndArray();
                    // The mask the upload sends (a blank MaskPath, e.g. an empty CSV column, is no mask), so key and request agree.
                    ImageInput? mask = GptImage.Validation.EditInputRules.EffectiveMask(edit);
                    if (mask is null) json.WriteNull("mask");
                    else json.WriteString("mask", HashInput(mask));
                    // The upload options change the bytes sent; written only when set, so existing keys stay valid.
                    if (edit.KeepMetadata) json.WriteBoolean("keep_metadata", true);
                    if (edit.NoResize) json.WriteBoolean("no_resize", true);
                    if (edit.ResizeMask) json.WriteBoolean("resize_mask", true);
                }
                json.WriteEndObject();
            }
            using var sha = SHA256.Create();
            return AtomicFile.ToHex(sha.ComputeHash(buffer.ToArray()));
        }

        private static string HashInput(ImageInput input) => AtomicFile.Sha256Hex(input.ReadAllBytes());

        // Case and a trailing slash do not change the service; the query (Azure api-version) does.
        private static string NormalizeEndpoint(string? endpoint) =>
            string.IsNullOrWhiteSpace(endpoint) ? string.Empty : endpoint!.Trim().TrimEnd('/').ToLowerInvariant();

        // Values are compared as the wire sends them: case matters to no parameter, so it is folded.
        private static void WriteText(Utf8JsonWriter json, string name, string? value)
        {
            if (value is null) json.WriteNull(name);
            else json.WriteString(name, value.Trim().ToLowerInvariant());
        }

        private static void WriteNumber(Utf8JsonWriter json, string name, int? value)
        {
            if (value is null) json.WriteNull(name);
            else json.WriteNumber(name, value.Value);
        }
    }
}
