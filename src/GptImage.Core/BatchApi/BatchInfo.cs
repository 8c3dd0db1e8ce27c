using System;
using System.Collections.Generic;
using System.Text.Json;

namespace GptImage.BatchApi
{
    /// <summary>The spec's Batch object, as far as this module uses it.</summary>
    public sealed class BatchInfo
    {
        public string Id { get; init; } = string.Empty;

        /// <summary>validating, failed, in_progress, finalizing, completed, expired, cancelling or cancelled.</summary>
        public string Status { get; init; } = string.Empty;
        public string Endpoint { get; init; } = string.Empty;
        public string InputFileId { get; init; } = string.Empty;
        public string? OutputFileId { get; init; }
        public string? ErrorFileId { get; init; }
        public string CompletionWindow { get; init; } = string.Empty;
        public DateTimeOffset? CreatedAt { get; init; }
        public DateTimeOffset? InProgressAt { get; init; }
        public DateTimeOffset? ExpiresAt { get; init; }
        public DateTimeOffset? CompletedAt { get; init; }
        public DateTimeOffset? FailedAt { get; init; }
        public DateTimeOffset? CancelledAt { get; init; }
        public DateTimeOffset? ExpiredAt { get; init; }

        /// <summary>request_counts.total / completed / failed.</summary>
        public int Total { get; init; }
        public int Completed { get; init; }
        public int Failed { get; init; }
        public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

        /// <summary>errors.data[].message of a batch that failed validation, joined.</summary>
        public string? Errors { get; init; }

        /// <summary>True once the batch will change no more: completed, failed, expired or cancelled.</summary>
        public bool IsFinished => IsFinishedStatus(Status);

        public static bool IsFinishedStatus(string? status) =>
            status == "completed" || status == "failed" || status == "expired" || status == "cancelled";

        internal static BatchInfo Parse(byte[] body)
        {
            try
            {
                using JsonDocument doc = JsonDocument.Parse(body);
                JsonElement root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object || Text(root, "id") is null)
                    throw new Wire.InvalidResponseException("The server's answer is not a batch object (no id).");
                JsonElement counts = root.TryGetProperty("request_counts", out JsonElement c) && c.ValueKind == JsonValueKind.Object ? c : default;
                var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
                if (root.TryGetProperty("metadata", out JsonElement m) && m.ValueKind == JsonValueKind.Object)
                    foreach (JsonProperty p in m.EnumerateObject())
                        if (p.Value.ValueKind == JsonValueKind.String) metadata[p.Name] = p.Value.GetString()!;
                return new BatchInfo
                {
                    Id = Text(root, "id")!,
                    Status = Text(root, "status") ?? string.Empty,
                    Endpoint = Text(root, "endpoint") ?? string.Empty,
                    InputFileId = Text(root, "input_file_id") ?? string.Empty,
                    OutputFileId = Text(root, "output_file_id"),
                    ErrorFileId = Text(root, "error_file_id"),
                    CompletionWindow = Text(root, "completion_window") ?? string.Empty,
                    CreatedAt = Time(root, "created_at"),
                    InProgressAt = Time(root, "in_progress_at"),
                    ExpiresAt = Time(root, "expires_at"),
                    CompletedAt = Time(root, "completed_at"),
                    FailedAt = Time(root, "failed_at"),
                    CancelledAt = Time(root, "cancelled_at"),
                    ExpiredAt = Time(root, "expired_at"),
                    Total = Int(counts, "total"),
                    Completed = Int(counts, "completed"),
                    Failed = Int(counts, "failed"),
                    Metadata = metadata,
                    Errors = ErrorText(root),
                };
            }
            catch (JsonException e)
            {
                throw new Wire.InvalidResponseException("The server's answer is not valid JSON (expected a batch object).", e);
            }
        }

        private static string? ErrorText(JsonElement root)
        {
            if (!root.TryGetProperty("errors", out JsonElement errors) || errors.ValueKind != JsonValueKind.Object
                || !errors.TryGetProperty("data", out JsonElement data) || data.ValueKind != JsonValueKind.Array) return null;
            var messages = new List<string>();
            foreach (JsonElement e in data.EnumerateArray())
            {
                string? message = e.ValueKind == JsonValueKind.Object ? Text(e, "message") : null;
                if (message != null) messages.Add((Text(e, "code") is string code ? code + ": " : string.Empty) + message);
            }
            return messages.Count == 0 ? null : string.Join(" | ", messages);
        }

        internal static string? Text(JsonElement parent, string name) =>
            parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        private static int Int(JsonElement parent, string name) =>
            parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int n) ? n : 0;

        private static DateTimeOffset? Time(JsonElement parent, string name) =>
            parent.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out long s) ? DateTimeOffset.FromUnixTimeSeconds(s) : (DateTimeOffset?)null;
    }
}
