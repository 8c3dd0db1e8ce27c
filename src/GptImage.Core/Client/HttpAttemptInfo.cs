using System;

namespace GptImage
{
    /// <summary>
    /// Reported after every HTTP attempt, retried ones included, so a scheduler can see each 429 and each
    /// rate-limit header even when the client retries on its own. Holds no secrets.
    /// </summary>
    public sealed class HttpAttemptInfo
    {
        /// <summary>HTTP status, or 0 when the connection failed or timed out.</summary>
        public int StatusCode { get; init; }
        public string? ErrorCode { get; init; }
        public int Attempt { get; init; }
        public TimeSpan Elapsed { get; init; }
        public TimeSpan? RetryAfter { get; init; }
        public RateLimitInfo? RateLimit { get; init; }
        public bool WillRetry { get; init; }

        /// <summary>
        /// Images the attempt asked for (n; 1 when not set) on an image call; 0 for calls that make none (files,
        /// batches); null when not known. An images-per-minute window counts this, not one.
        /// </summary>
        public int? Images { get; init; }
    }
}
