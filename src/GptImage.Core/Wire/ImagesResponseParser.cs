using System;
using System.Collections.Generic;
using System.Text.Json;
using GptImage.Imaging;

namespace GptImage.Wire
{
    /// <summary>
    /// Reads an ImagesResponse body: created, data[].b64_json (decoded straight from the UTF-8 JSON to
    /// bytes), revised_prompt, size, quality, background, output_format and usage (ImageGenUsage).
    /// A body that is not JSON, lacks data, or holds bad base64 throws <see cref="InvalidResponseException"/>.
    /// </summary>
    internal static class ImagesResponseParser
    {
        public static ImageResult Parse(ReadOnlyMemory<byte> body, string model, string? requestId, RateLimitInfo? rateLimit, int attempts)
        {
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(body);
            }
            catch (JsonException e)
            {
                throw new InvalidResponseException($"The server's answer is not valid JSON ({body.Length} bytes; cut short or not an images response).", e);
            }
            using (doc)
            {
                JsonElement root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("data", out JsonElement data) || data.ValueKind != JsonValueKind.Array)
                    throw new InvalidResponseException("The server's answer has no data array of images.");
                string? outputFormat = String(root, "output_format");
                var images = new List<GeneratedImage>();
                int index = 0;
                foreach (JsonElement item in data.EnumerateArray())
                {
                    images.Add(ReadImage(item, index, outputFormat));
                    index++;
                }
                if (images.Count == 0) throw new InvalidResponseException("The server's answer holds no images.");
                return new ImageResult
                {
                    Images = images,
                    Usage = root.TryGetProperty("usage", out JsonElement usage) && usage.ValueKind == JsonValueKind.Object ? ReadUsage(usage) : null,
                    Model = model,
                    Created = root.TryGetProperty("created", out JsonElement created) && created.ValueKind == JsonValueKind.Number && created.TryGetInt64(out long seconds)
                        ? DateTimeOffset.FromUnixTimeSeconds(seconds) : DateTimeOffset.UtcNow,
                    Size = String(root, "size"),
                    Quality = String(root, "quality"),
                    Background = String(root, "background"),
                    OutputFormat = outputFormat,
                    RequestId = requestId,
                    RateLimit = rateLimit,
                    Attempts = attempts,
                };
            }
        }

        private static GeneratedImage ReadImage(JsonElement item, int index, string? outputFormat)
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("b64_json", out JsonElement b64) || b64.ValueKind != JsonValueKind.String)
            {
                bool hasUrl = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("url", out _);
                throw new InvalidResponseException(hasUrl
                    ? $"Image {index} came back as a URL, not as b64_json data; this client asks for and reads b64_json only."
                    : $"Image {index} of the server's answer has no b64_json data.");
            }
            if (!b64.TryGetBytesFromBase64(out byte[]? bytes) || bytes is null || bytes.Length == 0)
                throw new InvalidResponseException($"Image {index} of the server's answer is not valid base64 data.");
            return new GeneratedImage
            {
                Index = index,
                Bytes = bytes,
                // The bytes decide; the declared format is only a fallback for a type the detector does not know.
                Format = ImageFormatDetector.Detect(bytes) ?? outputFormat ?? "png",
                RevisedPrompt = String(item, "revised_prompt"),
            };
        }

        internal static ImageUsage ReadUsage(JsonElement usage)
        {
            long input = Long(usage, "input_tokens") ?? 0;
            long output = Long(usage, "output_tokens") ?? 0;
            JsonElement inDetails = Object(usage, "input_tokens_details");
            JsonElement outDetails = Object(usage, "output_tokens_details");
            return new ImageUsage
            {
                InputTokens = input,
                OutputTokens = output,
                TotalTokens = Long(usage, "total_tokens") ?? input + output,
                TextTokens = Long(inDetails, "text_tokens") ?? 0,
                ImageTokens = Long(inDetails, "image_tokens") ?? 0,
                OutputImageTokens = Long(outDetails, "image_tokens"),
                OutputTextTokens = Long(outDetails, "text_tokens"),
            };
        }

        private static JsonElement Object(JsonElement parent, string name) =>
            parent.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Object ? value : default;

        private static long? Long(JsonElement parent, string name) =>
            parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long n) ? n : (long?)null;

        internal static string? String(JsonElement parent, string name) =>
            parent.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
