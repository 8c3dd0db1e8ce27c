using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using GptImage.Emulator.Http;
using Microsoft.AspNetCore.Http;

namespace GptImage.Emulator.Parsing
{
    /// <summary>Turns a request body (JSON, or multipart for edits) into an <see cref="ImageCall"/>, or a 400.</summary>
    internal static class ImageCallReader
    {
        public sealed record ReadResult(ImageCall? Call, ApiError? Error, string? JsonBody);

        public static async Task<ReadResult> ReadAsync(HttpRequest request, ImageEndpoint endpoint, CancellationToken ct, Func<string, UploadedFile?>? fileIds = null)
        {
            string contentType = request.ContentType ?? string.Empty;
            if (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
                return await ReadJsonAsync(request, endpoint, ct, fileIds).ConfigureAwait(false);
            if (endpoint == ImageEndpoint.Edits && contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
                return await ReadMultipartAsync(request, ct).ConfigureAwait(false);
            string expected = endpoint == ImageEndpoint.Edits ? "'multipart/form-data' or 'application/json'" : "'application/json'";
            return new ReadResult(null, new ApiError(400,
                $"Invalid Content-Type header ({(contentType.Length == 0 ? "none" : contentType)}), expected {expected}.",
                ApiError.InvalidRequest, null, null), null);
        }

        private static async Task<ReadResult> ReadJsonAsync(HttpRequest request, ImageEndpoint endpoint, CancellationToken ct, Func<string, UploadedFile?>? fileIds)
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            string body = await reader.ReadToEndAsync(ct).ConfigureAwait(false);
            return ParseJson(body, endpoint, fileIds);
        }

        /// <summary>A JSON body (direct call or one Batch API input line); file ids resolve through <paramref name="fileIds"/> (the files store).</summary>
        public static ReadResult ParseJson(string body, ImageEndpoint endpoint, Func<string, UploadedFile?>? fileIds)
        {
            JsonDocument doc;
            try { doc = JsonDocument.Parse(body); }
            catch (JsonException)
            {
                return new ReadResult(null, new ApiError(400,
                    "We could not parse the JSON body of your request. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.",
                    ApiError.InvalidRequest, null, null), body);
            }
            using (doc)
            {
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                    return new ReadResult(null, new ApiError(400, "The request body must be a JSON object.", ApiError.InvalidRequest, null, null), body);
                var call = new ImageCall(endpoint);
                foreach (JsonProperty p in doc.RootElement.EnumerateObject())
                    call.Fields[p.Name] = ToField(p.Value);
                if (endpoint == ImageEndpoint.Edits)
                {
                    ApiError? error = JsonEditImages.Read(doc.RootElement, call, fileIds);
                    if (error != null) return new ReadResult(null, error, body);
                }
                return new ReadResult(call, null, body);
            }
        }

        internal static FieldValue ToField(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.String => new FieldValue(FieldKind.Text, e.GetString()!),
            JsonValueKind.Number => new FieldValue(FieldKind.Number, e.GetRawText()),
            JsonValueKind.True or JsonValueKind.False => new FieldValue(FieldKind.Boolean, e.GetRawText()),
            JsonValueKind.Null => new FieldValue(FieldKind.Null, "null"),
            _ => new FieldValue(FieldKind.Other, e.GetRawText()),
        };

        private static async Task<ReadResult> ReadMultipartAsync(HttpRequest request, CancellationToken ct)
        {
            IFormCollection form;
            try { form = await request.ReadFormAsync(ct).ConfigureAwait(false); }
            catch (Exception ex) when (ex is InvalidDataException or IOException)
            {
                return new ReadResult(null, new ApiError(400, $"The multipart body could not be read: {ex.Message}", ApiError.InvalidRequest, null, null), null);
            }
            var call = new ImageCall(ImageEndpoint.Edits) { IsMultipart = true };
            foreach (var pair in form)
            {
                if (IsImageName(pair.Key) || pair.Key == "mask")
                {
                    call.ImageFieldsSentAsText.Add(pair.Key);
                    continue;
                }
                call.Fields[pair.Key] = new FieldValue(FieldKind.FormText, pair.Value.ToString());
            }
            foreach (IFormFile file in form.Files)
            {
                byte[] bytes = await ReadAllAsync(file, ct).ConfigureAwait(false);
                if (file.Name == "mask")
                    call.Mask = new UploadedFile("mask", file.FileName, file.ContentType, bytes);
                else if (IsImageName(file.Name))
                    call.Images.Add(new UploadedFile($"image[{call.Images.Count}]", file.FileName, file.ContentType, bytes));
                // Other file parts are ignored, as unknown text fields are.
            }
            return new ReadResult(call, null, null);
        }

        private static bool IsImageName(string name) => name == "image" || name == "image[]" || name.StartsWith("image[", StringComparison.Ordinal);

        private static async Task<byte[]> ReadAllAsync(IFormFile file, CancellationToken ct)
        {
            var buffer = new MemoryStream((int)Math.Min(file.Length, int.MaxValue));
            await using Stream s = file.OpenReadStream();
            await s.CopyToAsync(buffer, ct).ConfigureAwait(false);
            return buffer.ToArray();
        }

        /// <summary>Field names as sent, for the request record.</summary>
        public static string[] FieldNames(ImageCall call) =>
            call.Fields.Keys
                .Concat(call.Images.Count > 0 ? new[] { call.IsMultipart ? "image[]" : "images" } : Array.Empty<string>())
                .Concat(call.Mask != null ? new[] { "mask" } : Array.Empty<string>()).ToArray();
    }
}
