using System;

namespace GptImage
{
    /// <summary>
    /// How long to wait before the next attempt: the server's own delay when it gave one (capped by
    /// MaxRetryDelay), else exponential backoff from 0.5 s doubling to 8 s, with up to 25% jitter taken off
    /// so that parallel workers do not retry in lockstep.
    /// </summary>
    internal sealed class RetryPolicy
    {
        public static readonly TimeSpan InitialDelay = TimeSpan.FromMilliseconds(500);
        public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(8);
        private const double MaxJitter = 0.25;

        private readonly TimeSpan _maxRetryDelay;
        private readonly Random _random;
        private readonly object _gate = new object();

        public RetryPolicy(TimeSpan maxRetryDelay, Random? random = null)
        {
            _maxRetryDelay = maxRetryDelay < TimeSpan.Zero ? TimeSpan.Zero : maxRetryDelay;
            _random = random ?? new Random();
        }

        /// <summary>The wait before retry number <paramref name="retry"/> (1 for the first retry).</summary>
        public TimeSpan DelayBefore(int retry, TimeSpan? serverDelay)
        {
            if (serverDelay is TimeSpan asked) return asked > _maxRetryDelay ? _maxRetryDelay : asked;
            double backoff = Math.Min(InitialDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, retry - 1)), MaxBackoff.TotalMilliseconds);
            double jitter;
            lock (_gate) jitter = _random.NextDouble() * MaxJitter;
            TimeSpan delay = TimeSpan.FromMilliseconds(backoff * (1 - jitter));
            return delay > _maxRetryDelay ? _maxRetryDelay : delay;
        }
    }
}
