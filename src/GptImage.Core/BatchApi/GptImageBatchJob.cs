using System;

namespace GptImage.BatchApi
{
    /// <summary>
    /// A submitted batch as Submit-GptImageBatchJob and Get-GptImageBatchJob show it: the API's status and counts
    /// plus what the local record knows (rows, submission, estimate, when it was received).
    /// </summary>
    public sealed class GptImageBatchJob
    {
        public string Id { get; set; } = string.Empty;
        public string Status { get; set; } = string.Empty;
        public int Total { get; set; }
        public int Completed { get; set; }
        public int Failed { get; set; }

        /// <summary>/v1/images/generations or /v1/images/edits.</summary>
        public string Endpoint { get; set; } = string.Empty;

        /// <summary>Rows in the local record (0 when this machine has no record of the batch).</summary>
        public int Rows { get; set; }
        public string? SubmissionId { get; set; }
        public int Part { get; set; } = 1;
        public int Parts { get; set; } = 1;
        public DateTimeOffset? SubmittedAt { get; set; }

        /// <summary>The estimate at the Batch API price, made when it was submitted.</summary>
        public decimal? EstimatedCostUsd { get; set; }
        public string? InputFileId { get; set; }
        public string? OutputFileId { get; set; }
        public string? ErrorFileId { get; set; }
        public DateTimeOffset? ReceivedAt { get; set; }

        /// <summary>Why a batch failed validation, when it did.</summary>
        public string? Errors { get; set; }

        /// <summary>The local record file, or null.</summary>
        public string? RecordPath { get; set; }

        public bool IsFinished => BatchInfo.IsFinishedStatus(Status);

        /// <summary>Done share for progress bars: (completed + failed) of total, 0..100.</summary>
        public int PercentComplete => Total <= 0 ? (IsFinished ? 100 : 0) : Math.Min(100, (Completed + Failed) * 100 / Total);

        public static GptImageBatchJob From(BatchRecord record, string? recordPath, BatchInfo? live = null)
        {
            if (record is null) throw new ArgumentNullException(nameof(record));
            if (live != null) record.Update(live);
            return new GptImageBatchJob
            {
                Id = record.BatchId,
                Status = record.Status ?? string.Empty,
                Total = record.Total == 0 ? record.Rows.Count : record.Total,
                Completed = record.Completed,
                Failed = record.Failed,
                Endpoint = record.Endpoint,
                Rows = record.Rows.Count,
                SubmissionId = record.SubmissionId,
                Part = record.Part,
                Parts = record.Parts,
                SubmittedAt = record.SubmittedAt,
                EstimatedCostUsd = record.EstimatedCostUsd,
                InputFileId = record.InputFileId,
                OutputFileId = record.OutputFileId,
                ErrorFileId = record.ErrorFileId,
                ReceivedAt = record.ReceivedAt,
                Errors = live?.Errors,
                RecordPath = recordPath,
            };
        }

        /// <summary>A batch this machine has no record of (submitted elsewhere): the API's view only.</summary>
        public static GptImageBatchJob From(BatchInfo info)
        {
            if (info is null) throw new ArgumentNullException(nameof(info));
            return new GptImageBatchJob
            {
                Id = info.Id,
                Status = info.Status,
                Total = info.Total,
                Completed = info.Completed,
                Failed = info.Failed,
                Endpoint = info.Endpoint,
                SubmittedAt = info.CreatedAt,
                InputFileId = info.InputFileId,
                OutputFileId = info.OutputFileId,
                ErrorFileId = info.ErrorFileId,
                Errors = info.Errors,
            };
        }

        public override string ToString() => $"{Id} {Status} ({Completed + Failed}/{Total})";
    }
}
