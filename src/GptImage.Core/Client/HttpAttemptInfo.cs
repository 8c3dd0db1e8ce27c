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
    }
}
