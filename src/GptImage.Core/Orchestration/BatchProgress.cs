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

        /// <summary>Requests being sent now (holding one of the -ThrottleLimit slots): never more than the limit.</summary>
        public int InFlight { get; init; }

        /// <summary>Rows accepted but not yet sent: waiting for a slot, for the rate limit, or being looked up in the cache.</summary>
        public int Queued { get; init; }

        /// <summary>Set while rows wait for the rate limit: when the first of them may go (as far as is known now).</summary>
        public DateTimeOffset? RateLimitedUntil { get; init; }
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

        /// <summary>
        /// One line for Write-Progress's StatusDescription: how far, what the run is doing now (waiting for the rate limit,
        /// requests in flight, rows queued), failures and the pace. The time left is not in it: the host shows
        /// <see cref="Remaining"/> from the record's SecondsRemaining.
        /// </summary>
        public string Status
        {
            get
            {
                string of = Total.HasValue ? $"{Done} of {Total}" : $"{Done} done of {Submitted} submitted so far";
                string waiting = RateLimitedUntil is DateTimeOffset until
                    ? $"waiting for the rate limit until {until.ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture)}; " : string.Empty;
                string queued = Queued > 0 ? $", {Queued} queued" : string.Empty;
                string pace = RowsPerMinute is double rate
                    ? ", " + rate.ToString(rate >= 10 ? "0" : "0.0", CultureInfo.InvariantCulture) + " rows/min" : string.Empty;
                return $"{of}: {waiting}{InFlight} in flight{queued} ({Failed} failed, {Cached} cached){pace}";
            }
        }

        /// <summary>What changes the bar apart from the clock: a new snapshot with the same key need not be shown at once.</summary>
        internal string ChangeKey =>
            $"{Done}/{Total}/{Submitted}/{InFlight}/{Queued}/{Failed}/{Cached}/{RateLimitedUntil?.ToUnixTimeSeconds()}";
    }
}
