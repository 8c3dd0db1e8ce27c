using System;

namespace GptImage
{
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
