using System;

namespace GptImage.Orchestration
{
    /// <summary>
    /// The pause before a failed row goes again (<see cref="BatchSession"/>): the server's own delay when it gave one,
    /// else 2 s doubling up to a minute, with up to a quarter taken off at random so rows do not return in lockstep.
    /// </summary>
    internal static class RetryDelay
    {
        private static readonly TimeSpan First = TimeSpan.FromSeconds(2);
        private static readonly TimeSpan Longest = TimeSpan.FromMinutes(1);
        private static readonly Random Jitter = new Random();

        public static TimeSpan Before(int round, TimeSpan? serverDelay)
        {
            if (serverDelay is TimeSpan asked && asked > TimeSpan.Zero) return asked;
            double seconds = Math.Min(First.TotalSeconds * Math.Pow(2, Math.Max(0, round - 1)), Longest.TotalSeconds);
            double cut;
            lock (Jitter) cut = Jitter.NextDouble() * 0.25;
            return TimeSpan.FromSeconds(seconds * (1 - cut));
        }
    }
}
