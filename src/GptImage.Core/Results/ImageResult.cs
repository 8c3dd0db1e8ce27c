using System;
using System.Collections.Generic;

namespace GptImage
{
    /// <summary>What one generation or edit call returned.</summary>
    public sealed class ImageResult
    {
        public IReadOnlyList<GeneratedImage> Images { get; init; } = Array.Empty<GeneratedImage>();

        /// <summary>Token usage as reported by the API; null when the server sent none (dall-e, some gateways).</summary>
        public ImageUsage? Usage { get; init; }

        /// <summary>The model the request named (the response does not echo it).</summary>
        public string Model { get; init; } = string.Empty;

        public DateTimeOffset Created { get; init; }
        public string? Size { get; init; }
        public string? Quality { get; init; }
        public string? Background { get; init; }
        public string? OutputFormat { get; init; }

        /// <summary>x-request-id (Azure: apim-request-id): quote it to OpenAI support.</summary>
        public string? RequestId { get; init; }

        /// <summary>Rate-limit headers of the final response, for callers that pace themselves.</summary>
        public RateLimitInfo? RateLimit { get; init; }

        /// <summary>How many HTTP attempts the call took (1 when no retry was needed).</summary>
        public int Attempts { get; init; } = 1;
    }

    /// <summary>One decoded image.</summary>
    public sealed class GeneratedImage
    {
        public int Index { get; init; }
        public byte[] Bytes { get; init; } = Array.Empty<byte>();

        /// <summary>"png", "jpeg" or "webp", decided from the bytes, never trusted from the request.</summary>
        public string Format { get; init; } = "png";

        public string? RevisedPrompt { get; init; }
    }

    /// <summary>Usage block of an images response (ImagesUsage in the spec).</summary>
    public sealed class ImageUsage
    {
        public long InputTokens { get; init; }
        public long OutputTokens { get; init; }
        public long TotalTokens { get; init; }

        /// <summary>input_tokens_details.text_tokens</summary>
        public long TextTokens { get; init; }

        /// <summary>input_tokens_details.image_tokens</summary>
        public long ImageTokens { get; init; }

        /// <summary>output_tokens_details.image_tokens when present, else all output tokens are image tokens.</summary>
        public long? OutputImageTokens { get; init; }

        /// <summary>output_tokens_details.text_tokens when present.</summary>
        public long? OutputTextTokens { get; init; }
    }

    /// <summary>The x-ratelimit-* headers of one response. Null members were absent.</summary>
    public sealed class RateLimitInfo
    {
        public int? LimitRequests { get; init; }
        public int? RemainingRequests { get; init; }
        public TimeSpan? ResetRequests { get; init; }
        public int? LimitImages { get; init; }
        public int? RemainingImages { get; init; }
        public TimeSpan? ResetImages { get; init; }
    }
}
