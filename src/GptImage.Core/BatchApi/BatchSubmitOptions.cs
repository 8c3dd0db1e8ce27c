using System;
using System.Collections.Generic;

namespace GptImage.BatchApi
{
    /// <summary>Settings of one submission.</summary>
    public sealed class BatchSubmitOptions
    {
        /// <summary>Extra metadata pairs for every batch of the submission (the module adds its own 3).</summary>
        public IReadOnlyDictionary<string, string>? Metadata { get; set; }

        /// <summary>Per input file; split beyond them. Default: the API's 50,000 requests and 200 MB.</summary>
        public BatchLimits Limits { get; set; } = BatchLimits.Default;

        /// <summary>Where the JSONL files are written before upload (a fresh subfolder, deleted afterwards). Default: the temp folder.</summary>
        public string? WorkFolder { get; set; }

        /// <summary>Progress lines (uploads, batches created): verbose output in the cmdlets.</summary>
        public Action<string>? Log { get; set; }

        /// <summary>The date for the retired-model check; null: today.</summary>
        public DateTime? Today { get; set; }
    }
}
