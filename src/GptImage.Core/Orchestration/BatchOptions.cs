using System;

namespace GptImage.Orchestration
{
    /// <summary>How a <see cref="BatchSession"/> runs. The cmdlets map their parameters onto it.</summary>
    public sealed class BatchOptions
    {
        /// <summary>-ThrottleLimit: the most requests in flight at once (the adaptive gate's ceiling).</summary>
        public int ThrottleLimit { get; set; } = 4;

        /// <summary>-OutputDirectory: write each image there as it arrives and release its bytes.</summary>
        public string? OutputDirectory { get; set; }

        /// <summary>-FileName: a template such as '{Sku}-{Index}'; see <see cref="FileNamer"/>. Null: <see cref="FileNamer.DefaultTemplate"/>.</summary>
        public string? FileNameTemplate { get; set; }

        /// <summary>How files are spread over sub-folders of <see cref="OutputDirectory"/>.</summary>
        public FileLayout Layout { get; set; } = FileLayout.Flat;

        /// <summary>-Force: replace existing files. Without it an existing file with other content is a GptImage.FileExists error.</summary>
        public bool Force { get; set; }

        /// <summary>-CacheDirectory. Null: &lt;OutputDirectory&gt;/.gptimage-cache (no cache without an output directory).</summary>
        public string? CacheDirectory { get; set; }

        /// <summary>-NoCache: no persistent cache and no de-duplication of identical rows.</summary>
        public bool NoCache { get; set; }

        /// <summary>-MaxCost in USD: no new request once actual spend plus the estimate in flight would pass it.</summary>
        public decimal? MaxCost { get; set; }

        /// <summary>A manifest (.csv or .jsonl): the run's ledger, a row per image and per failed or not-run row, written at Complete.</summary>
        public string? ManifestPath { get; set; }

        /// <summary>Rows expected in all, for progress percentages and ETA (for example the CSV's line count).</summary>
        public int? ExpectedTotal { get; set; }

        /// <summary>
        /// The endpoint identity for cache keys (the client's base URL, plus the Azure deployment when used),
        /// so that the same prompt sent to another service is not served from the cache. Never include a key.
        /// </summary>
        public string? Endpoint { get; set; }

        /// <summary>The date model retirement is judged against (tests pin it). Null: today (UTC).</summary>
        public DateTime? Today { get; set; }

        /// <summary>
        /// The gate that paces requests. Null: an <see cref="AdaptiveConcurrencyGate"/> with
        /// <see cref="ThrottleLimit"/> as ceiling. Wire GptImageClientOptions.OnAttempt to its OnAttempt
        /// (see <see cref="BatchSession.Gate"/>) so it sees every rate-limit header and 429.
        /// </summary>
        public IConcurrencyGate? Gate { get; set; }

        /// <summary>A cache to use instead of the directory cache (tests, shared caches).</summary>
        public IResultCache? Cache { get; set; }

        /// <summary>
        /// Where a paid answer is kept when the cache cannot store it, and where every run looks before paying.
        /// Null: <see cref="FallbackCacheLocation.Default"/>. Not used with <see cref="NoCache"/>.
        /// </summary>
        public string? FallbackCacheDirectory { get; set; }

        /// <summary>
        /// -RetryTimeoutSec: how long a row that keeps failing for a passing reason (rate limit, server error, dropped
        /// connection, timeout) is tried again, from its first attempt, honouring the server's Retry-After, before it is
        /// a failed row. Default 15 minutes; zero: only the client's own quick retries (-MaxRetries).
        /// </summary>
        public TimeSpan RetryTimeout { get; set; } = TimeSpan.FromMinutes(15);

        /// <summary>
        /// When the run stops early (Select-Object -First, a terminating error): how long requests already sent, which
        /// are being paid for, get to answer so that their images reach the cache. Ctrl+C does not wait. Default 2 minutes.
        /// </summary>
        public TimeSpan StopGracePeriod { get; set; } = TimeSpan.FromMinutes(2);

        /// <summary>How many accepted rows may wait for a slot beyond those in flight; bounds memory. Default 2 x ThrottleLimit.</summary>
        public int? QueueLimit { get; set; }

        /// <summary>The cache folder actually used, or null when caching is off.</summary>
        public string? EffectiveCacheDirectory =>
            NoCache ? null : CacheDirectory ?? (OutputDirectory is null ? null : System.IO.Path.Combine(OutputDirectory, ".gptimage-cache"));
    }
}
