using System;
using System.Collections.Generic;
using System.Threading;

namespace GptImage.Emulator.Batches
{
    /// <summary>One batch and its life: validating, in_progress, finalizing, then completed (or failed, cancelling/cancelled).</summary>
    internal sealed class EmulatedBatch
    {
        public EmulatedBatch(string id, string endpoint, string inputFileId, IReadOnlyDictionary<string, string>? metadata)
        {
            Id = id;
            Endpoint = endpoint;
            InputFileId = inputFileId;
            Metadata = metadata;
            CreatedAt = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            ExpiresAt = CreatedAt + 24 * 3600;
        }

        public object Gate { get; } = new object();
        public CancellationTokenSource Cancel { get; } = new CancellationTokenSource();

        public string Id { get; }
        public string Endpoint { get; }
        public string InputFileId { get; }
        public IReadOnlyDictionary<string, string>? Metadata { get; }
        public long CreatedAt { get; }
        public long ExpiresAt { get; }

        public string Status { get; set; } = "validating";
        public string? OutputFileId { get; set; }
        public string? ErrorFileId { get; set; }
        public long? InProgressAt { get; set; }
        public long? FinalizingAt { get; set; }
        public long? CompletedAt { get; set; }
        public long? FailedAt { get; set; }
        public long? CancellingAt { get; set; }
        public long? CancelledAt { get; set; }
        public int Total { get; set; }
        public int Completed { get; set; }
        public int Failed { get; set; }

        /// <summary>Validation errors of a failed batch: (code, message, line).</summary>
        public List<(string Code, string Message, int? Line)> Errors { get; } = new List<(string, string, int?)>();
    }
}
