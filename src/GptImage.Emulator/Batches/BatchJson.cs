using System.IO;
using System.Text.Json;
using GptImage.Emulator.Files;
using GptImage.Emulator.Http;

namespace GptImage.Emulator.Batches
{
    /// <summary>The spec's Batch and OpenAIFile objects as JSON.</summary>
    internal static class BatchJson
    {
        public static byte[] Batch(EmulatedBatch b)
        {
            lock (b.Gate)
                return Write(json => WriteBatch(json, b));
        }

        public static byte[] List(System.Collections.Generic.IReadOnlyList<EmulatedBatch> batches) => Write(json =>
        {
            json.WriteString("object", "list");
            json.WriteStartArray("data");
            foreach (EmulatedBatch b in batches)
            {
                json.WriteStartObject();
                lock (b.Gate) WriteBatch(json, b);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            if (batches.Count > 0) { json.WriteString("first_id", batches[0].Id); json.WriteString("last_id", batches[batches.Count - 1].Id); }
            json.WriteBoolean("has_more", false);
        });

        public static byte[] File(StoredFile f) => Write(json =>
        {
            json.WriteString("id", f.Id);
            json.WriteString("object", "file");
            json.WriteNumber("bytes", f.Bytes.Length);
            json.WriteNumber("created_at", f.CreatedAt);
            json.WriteString("filename", f.FileName);
            json.WriteString("purpose", f.Purpose);
            json.WriteString("status", "processed");
        });

        private static void WriteBatch(Utf8JsonWriter json, EmulatedBatch b)
        {
            json.WriteString("id", b.Id);
            json.WriteString("object", "batch");
            json.WriteString("endpoint", b.Endpoint);
            if (b.Errors.Count == 0) json.WriteNull("errors");
            else
            {
                json.WriteStartObject("errors");
                json.WriteString("object", "list");
                json.WriteStartArray("data");
                foreach (var (code, message, line) in b.Errors)
                {
                    json.WriteStartObject();
                    json.WriteString("code", code);
                    json.WriteString("message", message);
                    json.WriteNull("param");
                    if (line is int n) json.WriteNumber("line", n); else json.WriteNull("line");
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteString("input_file_id", b.InputFileId);
            json.WriteString("completion_window", "24h");
            json.WriteString("status", b.Status);
            Nullable(json, "output_file_id", b.OutputFileId);
            Nullable(json, "error_file_id", b.ErrorFileId);
            json.WriteNumber("created_at", b.CreatedAt);
            Time(json, "in_progress_at", b.InProgressAt);
            json.WriteNumber("expires_at", b.ExpiresAt);
            Time(json, "finalizing_at", b.FinalizingAt);
            Time(json, "completed_at", b.CompletedAt);
            Time(json, "failed_at", b.FailedAt);
            json.WriteNull("expired_at");
            Time(json, "cancelling_at", b.CancellingAt);
            Time(json, "cancelled_at", b.CancelledAt);
            json.WriteStartObject("request_counts");
            json.WriteNumber("total", b.Total);
            json.WriteNumber("completed", b.Completed);
            json.WriteNumber("failed", b.Failed);
            json.WriteEndObject();
            if (b.Metadata is null) json.WriteNull("metadata");
            else
            {
                json.WriteStartObject("metadata");
                foreach (var pair in b.Metadata) json.WriteString(pair.Key, pair.Value);
                json.WriteEndObject();
            }
        }

        private static void Nullable(Utf8JsonWriter json, string name, string? value)
        {
            if (value is null) json.WriteNull(name); else json.WriteString(name, value);
        }

        private static void Time(Utf8JsonWriter json, string name, long? value)
        {
            if (value is long v) json.WriteNumber(name, v); else json.WriteNull(name);
        }

        private static byte[] Write(System.Action<Utf8JsonWriter> body)
        {
            var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, JsonOutput.Indented))
            {
                json.WriteStartObject();
                body(json);
                json.WriteEndObject();
            }
            return buffer.ToArray();
        }
    }
}
