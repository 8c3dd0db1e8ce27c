using System;

namespace GptImage.Orchestration
{
    /// <summary>A progress snapshot for Write-Progress.</summary>
    public sealed class BatchProgress
    {
        /// <summary>Rows finished (succeeded, cached, failed or not run).</summary>
        public int Done { get; init; }

        /// <summary>Rows expected in all (<see cref="BatchOptions.ExpectedTotal"/>), or null when unknown.</summary>
        public int? Total { get; init; }
        public int Submitted { get; init; }
        public int InFlight { get; init; }
        public int Succeeded { get; init; }
        public int Cached { get; init; }
        public int Failed { get; init; }
        public int NotRun { get; init; }
        public TimeSpan Elapsed { get; init; }

        /// <summary>Estimated time left, when the total is known and at least one row finished.</summary>
        public TimeSpan? Remaining { get; init; }

        /// <summary>0 to 100, or -1 when the total is unknown (Write-Progress's "no percentage").</summary>
        public int PercentComplete => Total is int t && t > 0 ? (int)Math.Min(100, Done * 100L / t) : -1;

        public decimal ActualCostUsd { get; init; }

        /// <summary>One line for Write-Progress's StatusDescription.</summary>
        public string Status
        {
            get
            {
                string of = Total.HasValue ? $"{Done} of {Total}" : $"{Done} done";
                string eta = Remaining.HasValue ? $", about {FormatSpan(Remaining.Value)} left" : string.Empty;
                return $"{of} ({Failed} failed, {Cached} cached, {InFlight} in flight){eta}";
            }
        }

        private static string FormatSpan(TimeSpan span) =>
            span.TotalHours >= 1 ? $"{(int)span.TotalHours}h{span.Minutes:00}m" :
            span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes}m{span.Seconds:00}s" : $"{Math.Max(0, (int)span.TotalSeconds)}s";
    }
}
