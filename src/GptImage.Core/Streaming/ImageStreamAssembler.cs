using System;
using System.Collections.Generic;
using System.Text.Json;
using GptImage.Imaging;
using GptImage.Wire;

namespace GptImage.Streaming
{
    /// <summary>
    /// Turns the events of a streamed image answer (ImageGenPartialImageEvent / ImageEditPartialImageEvent, then
    /// ImageGenCompletedEvent / ImageEditCompletedEvent with usage) into the same <see cref="ImageResult"/> the JSON
    /// answer gives, reporting partial images as they come. An "error" event becomes an InvalidResponseException
    /// only when it is not an API error (those throw <see cref="StreamErrorException"/> for the client to classify).
    /// </summary>
    internal sealed class ImageStreamAssembler
    {
        private readonly ImageGenerationRequest _request;
        private readonly Action<PartialImage>? _onPartial;
        private readonly List<GeneratedImage> _images = new List<GeneratedImage>();
        private ImageUsage? _usage;
        private string? _size, _quality, _background, _outputFormat;
        private DateTimeOffset? _created;

        public ImageStreamAssembler(ImageGenerationRequest request, Action<PartialImage>? onPartial)
        {
            _request = request;
            _onPartial = onPartial;
        }

        public int PartialCount { get; private set; }

        public void Add(ServerSentEvent e)
        {
            using JsonDocument? doc = e.ParseObject(out string type);
            if (doc is null) return;
            {
                JsonElement root = doc.RootElement;
                if (type == "error" || root.TryGetProperty("error", out _)) throw new StreamErrorException(e.Data);
                if (type.EndsWith(".partial_image", StringComparison.Ordinal)) AddPartial(root, type);
                else if (type.EndsWith(".completed", StringComparison.Ordinal)) AddCompleted(root);
                // Unknown event types are skipped: the API may add some.
            }
        }

        /// <summary>The result once the stream ended; a stream without a completed event was cut short.</summary>
        public ImageResult ToResult(string? requestId, RateLimitInfo? rateLimit, int attempts)
        {
            if (_images.Count == 0)
                throw new InvalidResponseException($"The stream ended after {PartialCount} partial image(s) without a completed event (cut short).");
            return new ImageResult
            {
                Images = _images,
                Usage = _usage,
                Model = _request.Model,
                Created = _created ?? DateTimeOffset.UtcNow,
                Size = _size,
                Quality = _quality,
                Background = _background,
                OutputFormat = _outputFormat,
                RequestId = requestId,
                RateLimit = rateLimit,
                Attempts = attempts,
            };
        }

        private void AddPartial(JsonElement root, string type)
        {
            PartialCount++;
            if (_onPartial != null) _onPartial(PartialImageEvent.Read(root, "b64_json", _request, type, PartialCount));
        }

        private void AddCompleted(JsonElement root)
        {
            byte[] bytes = Decode(root, $"image {_images.Count}");
            _outputFormat = ImagesResponseParser.String(root, "output_format") ?? _outputFormat;
            _images.Add(new GeneratedImage
            {
                Index = _images.Count,
                Bytes = bytes,
                Format = ImageFormatDetector.Detect(bytes) ?? _outputFormat ?? "png",
                RevisedPrompt = ImagesResponseParser.String(root, "revised_prompt"),
            });
            // Every completed event carries the usage of the whole request, not of its one image.
            if (root.TryGetProperty("usage", out JsonElement usage) && usage.ValueKind == JsonValueKind.Object) _usage = ImagesResponseParser.ReadUsage(usage);
            _size = ImagesResponseParser.String(root, "size") ?? _size;
            _quality = ImagesResponseParser.String(root, "quality") ?? _quality;
            _background = ImagesResponseParser.String(root, "background") ?? _background;
            if (root.TryGetProperty("created_at", out JsonElement created) && created.ValueKind == JsonValueKind.Number && created.TryGetInt64(out long seconds))
                _created = DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        private static byte[] Decode(JsonElement root, string what)
        {
            if (!root.TryGetProperty("b64_json", out JsonElement b64) || b64.ValueKind != JsonValueKind.String
                || !b64.TryGetBytesFromBase64(out byte[]? bytes) || bytes is null || bytes.Length == 0)
                throw new InvalidResponseException($"The streamed {what} has no valid b64_json data.");
            return bytes;
        }
    }

    /// <summary>An "error" event inside a stream that had already answered 200; the client turns its body into a GptImageApiException.</summary>
    internal sealed class StreamErrorException : Exception
    {
        public StreamErrorException(string body, int status = 400) : base("The stream reported an error.")
        {
            Body = body;
            Status = status;
        }

        public string Body { get; }

        /// <summary>The HTTP status the error is classified as (an error inside a 200 answer has none of its own): 400 unless the error says otherwise.</summary>
        public int Status { get; }
    }
}
