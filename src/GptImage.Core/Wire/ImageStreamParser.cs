using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using GptImage.Imaging;

namespace GptImage.Wire
{
    /// <summary>
    /// Reads a streamed answer (stream=true, text/event-stream): partial_image events are skipped, each
    /// image_generation.completed / image_edit.completed event gives one final image with usage, and an
    /// error event becomes the API error it carries. The result equals the non-streaming path's.
    /// </summary>
    internal static class ImageStreamParser
    {
        public const string MediaType = "text/event-stream";

        public static ImageResult Parse(byte[] body, string model, string? requestId, RateLimitInfo? rateLimit, int attempts,
            Func<ApiErrorBody, Exception> onErrorEvent)
        {
            var images = new List<GeneratedImage>();
            ImageUsage? usage = null;
            string? size = null, quality = null, background = null, outputFormat = null;
            DateTimeOffset created = DateTimeOffset.UtcNow;
            foreach (string data in Events(Encoding.UTF8.GetString(body)))
            {
                if (data == "[DONE]") break;
                JsonDocument doc;
                try { doc = JsonDocument.Parse(data); }
                catch (JsonException e) { throw new InvalidResponseException("An event of the streamed answer is not valid JSON (cut short?).", e); }
                using (doc)
                {
                    JsonElement root = doc.RootElement;
                    string type = root.TryGetProperty("type", out JsonElement t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : string.Empty;
                    if (type == "error" || root.TryGetProperty("error", out _))
                        throw onErrorEvent(ApiErrorBody.Read(Encoding.UTF8.GetBytes(data)));
                    if (!type.EndsWith(".completed", StringComparison.Ordinal)) continue;
                    if (!root.TryGetProperty("b64_json", out JsonElement b64) || b64.ValueKind != JsonValueKind.String
                        || !b64.TryGetBytesFromBase64(out byte[]? bytes) || bytes is null || bytes.Length == 0)
                        throw new InvalidResponseException($"The completed event of image {images.Count} has no valid base64 data.");
                    outputFormat = Text(root, "output_format") ?? outputFormat;
                    images.Add(new GeneratedImage { Index = images.Count, Bytes = bytes, Format = ImageFormatDetector.Detect(bytes) ?? outputFormat ?? "png" });
                    size = Text(root, "size") ?? size;
                    quality = Text(root, "quality") ?? quality;
                    background = Text(root, "background") ?? background;
                    if (root.TryGetProperty("created_at", out JsonElement c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt64(out long s))
                        created = DateTimeOffset.FromUnixTimeSeconds(s);
                    if (root.TryGetProperty("usage", out JsonElement u) && u.ValueKind == JsonValueKind.Object)
                        usage = ImagesResponseParser.ReadUsage(u);
                }
            }
            if (images.Count == 0) throw new InvalidResponseException("The streamed answer ended without a completed image (cut short?).");
            return new ImageResult
            {
                Images = images, Usage = usage, Model = model, Created = created, Size = size, Quality = quality, Background = background,
                OutputFormat = outputFormat, RequestId = requestId, RateLimit = rateLimit, Attempts = attempts,
            };
        }

        /// <summary>The data of each server-sent event (multi-line data joined with \n).</summary>
        private static IEnumerable<string> Events(string text)
        {
            var data = new StringBuilder();
            foreach (string rawLine in text.Split('\n'))
            {
                string line = rawLine.TrimEnd('\r');
                if (line.Length == 0)
                {
                    if (data.Length > 0) { yield return data.ToString(); data.Clear(); }
                    continue;
                }
                if (line.StartsWith("data:", StringComparison.Ordinal))
                {
                    if (data.Length > 0) data.Append('\n');
                    data.Append(line.Substring(5).TrimStart(' '));
                }
            }
            if (data.Length > 0) yield return data.ToString();
        }

        private static string? Text(JsonElement parent, string name) =>
            parent.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
