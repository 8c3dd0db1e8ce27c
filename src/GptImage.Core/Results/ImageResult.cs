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

        /// <summary>A conversation turn's response id (the Responses API's id): the next turn's previous_response_id. Null for the images endpoints.</summary>
        public string? ResponseId { get; init; }

        /// <summary>A conversation turn's mainline model (the one that called the image tool); null for the images endpoints.</summary>
        public string? MainlineModel { get; init; }

        /// <summary>
        /// A conversation turn's usage block: the mainline model's tokens, which the Responses API reports (its image
        /// tool's tokens are in <see cref="Usage"/>, counted from the size and quality made). Null for the images endpoints.
        /// </summary>
        public ImageUsage? MainlineUsage { get; init; }
    }
}
