using System;

namespace GptImage.Orchestration
{
    /// <summary>Totals of one batch, for the verbose output and the manifest.</summary>
    public sealed class BatchSummary
    {
        public int Submitted { get; internal set; }

        /// <summary>Rows whose request succeeded in this run.</summary>
        public int Succeeded { get; internal set; }

        /// <summary>Rows served from the cache or from an identical row of this run: no API call.</summary>
        public int Cached { get; internal set; }
        public int Failed { get; internal set; }

        /// <summary>Rows not sent because -MaxCost would have been passed, or because the batch was cancelled.</summary>
        public int NotRun { get; internal set; }

        /// <summary>Images received or read from the cache.</summary>
        public int Images { get; internal set; }

        /// <summary>API calls made (each may have taken several HTTP attempts).</summary>
        public int ApiCalls { get; internal set; }

        /// <summary>HTTP 429 answers seen by the gate (only when the client's OnAttempt is wired to it).</summary>
        public int RateLimitedAttempts { get; internal set; }
        public long InputTokens { get; internal set; }
        public long OutputTokens { get; internal set; }

        /// <summary>USD spent in this run, from usage (rows of unknown models add nothing: see <see cref="UnpricedCalls"/>).</summary>
        public decimal ActualCostUsd { get; internal set; }

        /// <summary>What the cached rows would have cost again.</summary>
        public decimal SavedCostUsd { get; internal set; }
        public int UnpricedCalls { get; internal set; }
        public TimeSpan Elapsed { get; internal set; }
        public bool Cancelled { get; internal set; }
        public bool CostLimitReached { get; internal set; }

        public override string ToString() =>
            $"{Submitted} rows: {Succeeded} succeeded, {Cached} cached, {Failed} failed, {NotRun} not run; " +
            $"{Images} images, {ApiCalls} API calls, {RateLimitedAttempts} rate-limited attempts; " +
            $"{InputTokens} input / {OutputTokens} output tokens; cost {ActualCostUsd:0.0000} USD (saved {SavedCostUsd:0.0000}); " +
            $"{Elapsed.TotalSeconds:0.0} s" + (Cancelled ? "; cancelled" : string.Empty) + (CostLimitReached ? "; cost limit reached" : string.Empty);
    }
}
