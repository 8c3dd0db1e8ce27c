using System;
using System.Globalization;

namespace GptImage.Orchestration
{
    /// <summary>A progress snapshot for Write-Progress.</summary>
    public sealed class BatchProgress
    {
        /// <summary>Rows finished (succeeded, cached, failed or not run).</summary>
        public int Done { get; init; }

        /// <summary>
        /// Rows expected in all: <see cref="BatchOptions.ExpectedTotal"/>, else the rows submitted once the input has ended
        /// (piped input has no count before then); null while it is unknown.
        /// </summary>
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

        /// <summary>Rows finished per minute so far, once one has finished: the pace while the total is still unknown.</summary>
        public double? RowsPerMinute { get; init; }

        public decimal ActualCostUsd { get; init; }

        /// <summary>One line for Write-Progress's StatusDescription.</summary>
        public string Status
        {
            get
            {
                string of = Total.HasValue ? $"{Done} of {Total}" : $"{Done} done of {Submitted} submitted so far";
                string eta = Remaining.HasValue ? $", about {FormatSpan(Remaining.Value)} left" : string.Empty;
                string pace = RowsPerMinute is double rate
                    ? ", " + rate.ToString(rate >= 10 ? "0" : "0.0", CultureInfo.InvariantCulture) + " rows/min" : string.Empty;
                return $"{of} ({Failed} failed, {Cached} cached, {InFlight} in flight){pace}{eta}";
            }
        }

        private static string FormatSpan(TimeSpan span) =>
            span.TotalHours >= 1 ? $"{(int)span.TotalHours}h{span.Minutes:00}m" :
            span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes}m{span.Seconds:00}s" : $"{Math.Max(0, (int)span.TotalSeconds)}s";
    }
}
