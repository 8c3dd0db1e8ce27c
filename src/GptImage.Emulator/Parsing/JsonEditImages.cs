using System;
using System.Text.Json;
using GptImage.Emulator.Http;

namespace GptImage.Emulator.Parsing
{
    /// <summary>
    /// The JSON edit form (EditImageBodyJsonParam): "images": [{"image_url": ...} | {"file_id": ...}] and
    /// "mask": {...}. Data URLs are decoded here; file ids are looked up in the emulator's files store; https URLs are not downloaded.
    /// </summary>
    internal static class JsonEditImages
    {
        public static ApiError? Read(JsonElement root, ImageCall call, Func<string, UploadedFile?>? fileIds = null)
        {
            call.Fields.Remove("images");
            call.Fields.Remove("mask");
            if (root.TryGetProperty("images", out JsonElement images))
            {
                if (images.ValueKind != JsonValueKind.Array)
                    return ApiError.InvalidType("images", "an array", Describe(images));
                int index = 0;
                foreach (JsonElement item in images.EnumerateArray())
                {
                    var (file, error) = ReadReference(item, $"images[{index}]", fileIds);
                    if (error != null) return error;
                    call.Images.Add(file!);
                    index++;
                }
            }
            if (root.TryGetProperty("mask", out JsonElement mask) && mask.ValueKind != JsonValueKind.Null)
            {
                var (file, error) = ReadReference(mask, "mask", fileIds);
                if (error != null) return error;
                call.Mask = file;
            }
            return null;
        }

        private static (UploadedFile?, ApiError?) ReadReference(JsonElement item, string param, Func<string, UploadedFile?>? fileIds)
        {
            if (item.ValueKind != JsonValueKind.Object)
                return (null, ApiError.InvalidType(param, "an object", Describe(item)));
            if (item.TryGetProperty("file_id", out JsonElement fileId))
            {
                if (item.TryGetProperty("image_url", out _))
                    return (null, new ApiError(400, $"'{param}': provide exactly one of image_url or file_id.", ApiError.InvalidRequest, param, "invalid_value"));
                UploadedFile? stored = fileId.ValueKind == JsonValueKind.String && fileIds != null ? fileIds(fileId.GetString()!) : null;
                if (stored is null)
                    return (null, new ApiError(400, $"'{param}.file_id': no such file: '{(fileId.ValueKind == JsonValueKind.String ? fileId.GetString() : fileId.GetRawText())}'.", ApiError.InvalidRequest, param, "invalid_value"));
                return (stored with { Param = param }, null);
            }
            if (!item.TryGetProperty("image_url", out JsonElement url) || url.ValueKind != JsonValueKind.String)
                return (null, ApiError.MissingParameter($"{param}.image_url"));
            string text = url.GetString()!;
            const string prefix = "data:";
            int comma = text.IndexOf(',');
            if (!text.StartsWith(prefix, StringComparison.Ordinal) || comma < 0 || !text.AsSpan(0, comma).EndsWith(";base64"))
                return (null, new ApiError(400, $"'{param}.image_url': only base64 data URLs are emulated (no downloads).", ApiError.InvalidRequest, param, "invalid_value"));
            string mime = text.Substring(prefix.Length, comma - prefix.Length - ";base64".Length);
            try { return (new UploadedFile(param, null, mime, Convert.FromBase64String(text.Substring(comma + 1))), null); }
            catch (FormatException) { return (null, new ApiError(400, $"'{param}.image_url' is not valid base64.", ApiError.InvalidRequest, param, "invalid_value")); }
        }

        private static string Describe(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.Array => "an array",
            JsonValueKind.Object => "an object",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "null",
        };
    }
}
