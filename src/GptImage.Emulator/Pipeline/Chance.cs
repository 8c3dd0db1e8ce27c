using System;
using System.Text;

namespace GptImage.Emulator.Pipeline
{
    /// <summary>
    /// The emulator's one source of randomness (latency, faults, request ids). Seeded, it repeats the same
    /// choices for the same order of requests. Shared by concurrent requests, hence the lock.
    /// </summary>
    internal sealed class Chance
    {
        private readonly object _gate = new object();
        private readonly Random _random;

        public Chance(int? seed) => _random = seed.HasValue ? new Random(seed.Value) : new Random();

        /// <summary>True with probability <paramref name="rate"/>; consumes a draw even for 0 so that seeded runs stay aligned.</summary>
        public bool Roll(double rate)
        {
            lock (_gate) return _random.NextDouble() < rate;
        }

        public TimeSpan Between(TimeSpan min, TimeSpan max)
        {
            if (max <= min) return min;
            lock (_gate) return min + TimeSpan.FromTicks((long)(_random.NextDouble() * (max - min).Ticks));
        }

        public bool Coin()
        {
            lock (_gate) return _random.Next(2) == 0;
        }

        /// <summary>"req_" and 32 hex digits, like OpenAI's x-request-id.</summary>
        public string RequestId()
        {
            var bytes = new byte[16];
            lock (_gate) _random.NextBytes(bytes);
            var sb = new StringBuilder("req_", 36);
            foreach (byte b in bytes) sb.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            return sb.ToString();
        }
    }
}
