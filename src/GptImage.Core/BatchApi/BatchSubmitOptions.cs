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

        /// <summary>
        /// Shared by the batches of this submission (metadata gptimage_submission and the records). Set it to find the
        /// batches already created when a later part fails; default: a new id.
        /// </summary>
        public string SubmissionId { get; set; } = NewSubmissionId();

        public static string NewSubmissionId() => "sub_" + Guid.NewGuid().ToString("N").Substring(0, 16);

        /// <summary>The date for the retired-model check; null: today.</summary>
        public DateTime? Today { get; set; }
    }
}
