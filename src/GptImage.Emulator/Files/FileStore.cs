using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using GptImage.Emulator.Parsing;

namespace GptImage.Emulator.Files
{
    /// <summary>One uploaded (or batch-produced) file, as the spec's OpenAIFile describes it.</summary>
    internal sealed record StoredFile(string Id, string FileName, string Purpose, string? ContentType, byte[] Bytes, long CreatedAt);

    /// <summary>The emulator's /v1/files: in memory, for the life of the server.</summary>
    internal sealed class FileStore
    {
        /// <summary>CreateFileRequest.purpose values the upload accepts.</summary>
        public static readonly IReadOnlyList<string> UploadPurposes = new[] { "assistants", "batch", "fine-tune", "vision", "user_data", "evals" };

        private readonly ConcurrentDictionary<string, StoredFile> _files = new(StringComparer.Ordinal);

        public StoredFile Add(string fileName, string purpose, string? contentType, byte[] bytes)
        {
            var file = new StoredFile(NewId(), fileName, purpose, contentType, bytes, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
            _files[file.Id] = file;
            return file;
        }

        public StoredFile? Get(string id) => _files.TryGetValue(id, out StoredFile? file) ? file : null;

        public IReadOnlyList<StoredFile> All() => _files.Values.OrderBy(f => f.CreatedAt).ToArray();

        /// <summary>An uploaded file as an edit input (ImageRefParam.file_id); null when there is no such file.</summary>
        public UploadedFile? ImageById(string id)
        {
            StoredFile? file = Get(id);
            return file is null ? null : new UploadedFile("file_id", file.FileName, file.ContentType, file.Bytes);
        }

        private static string NewId() => "file-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(11)).ToLowerInvariant();
    }
}
