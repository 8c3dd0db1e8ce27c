using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using GptImage.Orchestration;

namespace GptImage.BatchApi
{
    /// <summary>
    /// The folder of batch records, one JSON file per batch named by its id. Default:
    /// LocalApplicationData/GptImage.PowerShell/batches (per user), or $env:GPTIMAGE_BATCH_STATE.
    /// Writes are atomic, so a crash never leaves half a record.
    /// </summary>
    public sealed class BatchRecordStore
    {
        public const string EnvironmentVariable = "GPTIMAGE_BATCH_STATE";

        private static readonly JsonSerializerOptions Json = new JsonSerializerOptions { WriteIndented = true };

        public BatchRecordStore(string? folder = null)
        {
            Folder = Path.GetFullPath(folder ?? DefaultFolder());
        }

        public string Folder { get; }

        public static string DefaultFolder()
        {
            string? fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(fromEnvironment)) return fromEnvironment!.Trim();
            string root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            if (string.IsNullOrEmpty(root)) root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
            return Path.Combine(root, "GptImage.PowerShell", "batches");
        }

        public void Save(BatchRecord record)
        {
            if (record is null) throw new ArgumentNullException(nameof(record));
            byte[] bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(record, Json));
            AtomicFile.Write(PathFor(record.BatchId), bytes, overwrite: true);
        }

        /// <summary>The record of a batch, or null when this machine never submitted it (or the state folder moved).</summary>
        public BatchRecord? Load(string batchId)
        {
            string path = PathFor(batchId);
            if (!File.Exists(path)) return null;
            return JsonSerializer.Deserialize<BatchRecord>(File.ReadAllText(path, Encoding.UTF8), Json);
        }

        /// <summary>Every record, newest first.</summary>
        public IReadOnlyList<BatchRecord> List()
        {
            var records = new List<BatchRecord>();
            if (!Directory.Exists(Folder)) return records;
            foreach (string file in Directory.GetFiles(Folder, "*.json"))
            {
                BatchRecord? record = JsonSerializer.Deserialize<BatchRecord>(File.ReadAllText(file, Encoding.UTF8), Json);
                if (record != null) records.Add(record);
            }
            records.Sort((a, b) => b.SubmittedAt.CompareTo(a.SubmittedAt));
            return records;
        }

        public string PathFor(string batchId)
        {
            if (string.IsNullOrWhiteSpace(batchId))
                throw new GptImageValidationException(ErrorIds.BadRequest, "Id", batchId, "a batch id such as batch_abc123.");
            return Path.Combine(Folder, FileNamer.Sanitize(batchId.Trim()) + ".json");
        }
    }
}
