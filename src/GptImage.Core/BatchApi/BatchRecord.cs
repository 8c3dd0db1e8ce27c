using System;
using System.Collections.Generic;

namespace GptImage.BatchApi
{
    /// <summary>
    /// The local record of one submitted batch (a JSON file in the state folder): enough to receive it in
    /// another session days later: which rows went in under which custom_id, with their request options and
    /// source fields. Holds no key and no image bytes.
    /// </summary>
    public sealed class BatchRecord
    {
        public int Version { get; set; } = 1;

        /// <summary>The API's batch id (batch_...).</summary>
        public string BatchId { get; set; } = string.Empty;

        /// <summary>Shared by the batches of one Submit-GptImageBatchJob run that had to be split.</summary>
        public string SubmissionId { get; set; } = string.Empty;
        public int Part { get; set; } = 1;
        public int Parts { get; set; } = 1;

        /// <summary>/v1/images/generations or /v1/images/edits.</summary>
        public string Endpoint { get; set; } = string.Empty;

        /// <summary>The API base the batch was sent to (no key, no query).</summary>
        public string? ApiBase { get; set; }
        public string InputFileId { get; set; } = string.Empty;

        /// <summary>Ids of the input images uploaded for edits (purpose vision), so they can be cleaned up.</summary>
        public List<string> UploadedImageFileIds { get; set; } = new List<string>();
        public DateTimeOffset SubmittedAt { get; set; }
        public decimal? EstimatedCostUsd { get; set; }

        /// <summary>Last status seen (validating, in_progress, completed...).</summary>
        public string? Status { get; set; }
        public string? OutputFileId { get; set; }
        public string? ErrorFileId { get; set; }
        public int Total { get; set; }
        public int Completed { get; set; }
        public int Failed { get; set; }

        /// <summary>When the results were last received (null: never).</summary>
        public DateTimeOffset? ReceivedAt { get; set; }
        public int ReceiveCount { get; set; }

        public List<BatchRecordRow> Rows { get; set; } = new List<BatchRecordRow>();

        /// <summary>Copies what the API said about the batch.</summary>
        public void Update(BatchInfo info)
        {
            if (info is null) throw new ArgumentNullException(nameof(info));
            Status = info.Status;
            OutputFileId = info.OutputFileId ?? OutputFileId;
            ErrorFileId = info.ErrorFileId ?? ErrorFileId;
            Total = info.Total;
            Completed = info.Completed;
            Failed = info.Failed;
        }
    }

    /// <summary>One row of a batch: its custom_id, its place in the input, its request options and source fields.</summary>
    public sealed class BatchRecordRow
    {
        public string CustomId { get; set; } = string.Empty;
        public int RowNumber { get; set; }
        public string Prompt { get; set; } = string.Empty;
        public string Model { get; set; } = ImageGenerationRequest.DefaultModel;
        public string? Size { get; set; }
        public string? Quality { get; set; }
        public string? OutputFormat { get; set; }
        public int? Compression { get; set; }
        public string? Background { get; set; }
        public string? Moderation { get; set; }
        public int? Count { get; set; }
        public string? User { get; set; }
        public string? InputFidelity { get; set; }
        public List<string>? InputImages { get; set; }
        public string? MaskPath { get; set; }
        public decimal? EstimatedCostUsd { get; set; }
        public Dictionary<string, string?> SourceFields { get; set; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
    }
}
