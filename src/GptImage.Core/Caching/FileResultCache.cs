using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace GptImage.Orchestration
{
    /// <summary>
    /// The content-addressed cache on disk (default &lt;OutputDirectory&gt;/.gptimage-cache). An entry is the
    /// response's images (&lt;key&gt;.&lt;i&gt;.&lt;ext&gt;) plus a metadata file &lt;key&gt;.json written last; every file
    /// is written to a temporary name and renamed, so a killed process leaves either a whole entry or none. A
    /// read checks each image's SHA-256, and treats anything damaged as a miss.
    /// </summary>
    public sealed class FileResultCache : IResultCache
    {
        private const int FormatVersion = 1;

        public FileResultCache(string directory)
        {
            if (string.IsNullOrWhiteSpace(directory)) throw new ArgumentException("A cache directory is required.", nameof(directory));
            Directory = Path.GetFullPath(directory);
        }

        public string Directory { get; }

        public Task<ImageResult?> TryGetAsync(string key, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(TryRead(key));
        }

        public Task CommitAsync(string key, ImageResult result, CancellationToken cancellationToken)
        {
            if (result is null) throw new ArgumentNullException(nameof(result));
            CheckKey(key);
            string folder = Folder(key);
            var images = new List<(GeneratedImage Image, string File, string Sha)>();
            foreach (GeneratedImage image in result.Images)
            {
                string file = $"{key}.{image.Index.ToString(CultureInfo.InvariantCulture)}{FileNamer.Extension(image.Format)}";
                AtomicFile.Write(Path.Combine(folder, file), image.Bytes, overwrite: true);
                images.Add((image, file, AtomicFile.Sha256Hex(image.Bytes)));
            }
            AtomicFile.Write(Path.Combine(folder, key + ".json"), Metadata(result, images), overwrite: true);
            return Task.CompletedTask;
        }

        /// <summary>Deletes an entry, its metadata first so that a half-removed entry reads as a miss. Failures are ignored.</summary>
        public void Remove(string key)
        {
            CheckKey(key);
            string folder = Folder(key);
            try
            {
                File.Delete(Path.Combine(folder, key + ".json"));
                if (System.IO.Directory.Exists(folder))
                    foreach (string file in System.IO.Directory.EnumerateFiles(folder, key + ".*"))
                        if (!file.EndsWith(".lock", StringComparison.Ordinal)) File.Delete(file);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                // Left behind: a later run reads it as a hit or rewrites it; nothing is lost.
            }
        }

        private ImageResult? TryRead(string key)
        {
            CheckKey(key);
            string folder = Folder(key);
            string metadataPath = Path.Combine(folder, key + ".json");
            if (!File.Exists(metadataPath)) return null;
            try
            {
                using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(metadataPath));
                JsonElement root = doc.RootElement;
                if (root.GetProperty("version").GetInt32() != FormatVersion) return null;
                var images = new List<GeneratedImage>();
                foreach (JsonElement entry in root.GetProperty("images").EnumerateArray())
                {
                    string file = Path.Combine(folder, entry.GetProperty("file").GetString()!);
                    if (!File.Exists(file)) return null;
                    byte[] bytes = File.ReadAllBytes(file);
                    if (AtomicFile.Sha256Hex(bytes) != entry.GetProperty("sha256").GetString()) return null;
                    images.Add(new GeneratedImage
                    {
                        Index = entry.GetProperty("index").GetInt32(),
                        Format = entry.GetProperty("format").GetString()!,
                        RevisedPrompt = OptionalString(entry, "revisedPrompt"),
                        Bytes = bytes,
                    });
                }
                return new ImageResult
                {
                    Images = images,
                    Model = root.GetProperty("model").GetString()!,
                    Created = DateTimeOffset.Parse(root.GetProperty("created").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                    Size = OptionalString(root, "size"),
                    Quality = OptionalString(root, "quality"),
                    Background = OptionalString(root, "background"),
                    OutputFormat = OptionalString(root, "outputFormat"),
                    RequestId = OptionalString(root, "requestId"),
                    Attempts = root.GetProperty("attempts").GetInt32(),
                    Usage = root.TryGetProperty("usage", out JsonElement usage) && usage.ValueKind == JsonValueKind.Object ? ReadUsage(usage) : null,
                    ResponseId = OptionalString(root, "responseId"),
                    MainlineModel = OptionalString(root, "mainlineModel"),
                    MainlineUsage = root.TryGetProperty("mainlineUsage", out JsonElement mainline) && mainline.ValueKind == JsonValueKind.Object ? ReadUsage(mainline) : null,
                };
            }
            // ArgumentException (ArgumentNullException included): a null "file" or "created", or a file name with characters
            // Path rejects (.NET Framework checks them in Path.Combine); UnauthorizedAccessException: an entry we may not read.
            catch (Exception e) when (e is JsonException || e is KeyNotFoundException || e is InvalidOperationException || e is FormatException
                || e is IOException || e is ArgumentException || e is UnauthorizedAccessException)
            {
                return null; // a damaged entry is a miss: the row is requested again and the entry rewritten
            }
        }

        /// <summary>The lock file of a key (see <see cref="RequestLock"/>), beside its entry.</summary>
        internal string LockPath(string key)
        {
            CheckKey(key);
            return Path.Combine(Folder(key), key + ".lock");
        }

        private string Folder(string key) => Path.Combine(Directory, key.Substring(0, 2));

        private static void CheckKey(string key)
        {
            if (key is null || key.Length < 16) throw new ArgumentException("A cache key is a SHA-256 hex string.", nameof(key));
            foreach (char c in key)
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) throw new ArgumentException("A cache key is a lower-case hex string.", nameof(key));
        }

        private static byte[] Metadata(ImageResult result, List<(GeneratedImage Image, string File, string Sha)> images)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                json.WriteStartObject();
                json.WriteNumber("version", FormatVersion);
                json.WriteString("model", result.Model);
                json.WriteString("created", (result.Created == default ? DateTimeOffset.UtcNow : result.Created).ToString("o", CultureInfo.InvariantCulture));
                json.WriteString("committed", DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture));
                json.WriteString("size", result.Size);
                json.WriteString("quality", result.Quality);
                json.WriteString("background", result.Background);
                json.WriteString("outputFormat", result.OutputFormat);
                json.WriteString("requestId", result.RequestId);
                json.WriteNumber("attempts", result.Attempts);
                // A conversation turn keeps its response id, so that a rerun replays the whole conversation from the cache.
                if (result.ResponseId != null) json.WriteString("responseId", result.ResponseId);
                if (result.MainlineModel != null) json.WriteString("mainlineModel", result.MainlineModel);
                WriteUsage(json, "usage", result.Usage);
                WriteUsage(json, "mainlineUsage", result.MainlineUsage);
                json.WriteStartArray("images");
                foreach (var (image, file, sha) in images)
                {
                    json.WriteStartObject();
                    json.WriteNumber("index", image.Index);
                    json.WriteString("file", file);
                    json.WriteString("format", image.Format);
                    json.WriteString("sha256", sha);
                    json.WriteString("revisedPrompt", image.RevisedPrompt);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            return buffer.ToArray();
        }

        private static void WriteUsage(Utf8JsonWriter json, string name, ImageUsage? usage)
        {
            if (usage is not ImageUsage u) return;
            json.WriteStartObject(name);
            json.WriteNumber("inputTokens", u.InputTokens);
            json.WriteNumber("outputTokens", u.OutputTokens);
            json.WriteNumber("totalTokens", u.TotalTokens);
            json.WriteNumber("textTokens", u.TextTokens);
            json.WriteNumber("imageTokens", u.ImageTokens);
            if (u.OutputImageTokens is long oi) json.WriteNumber("outputImageTokens", oi);
            if (u.OutputTextTokens is long ot) json.WriteNumber("outputTextTokens", ot);
            json.WriteEndObject();
        }

        private static ImageUsage ReadUsage(JsonElement u) => new ImageUsage
        {
            InputTokens = u.GetProperty("inputTokens").GetInt64(),
            OutputTokens = u.GetProperty("outputTokens").GetInt64(),
            TotalTokens = u.GetProperty("totalTokens").GetInt64(),
            TextTokens = u.GetProperty("textTokens").GetInt64(),
            ImageTokens = u.GetProperty("imageTokens").GetInt64(),
            OutputImageTokens = u.TryGetProperty("outputImageTokens", out JsonElement oi) ? oi.GetInt64() : (long?)null,
            OutputTextTokens = u.TryGetProperty("outputTextTokens", out JsonElement ot) ? ot.GetInt64() : (long?)null,
        };

        private static string? OptionalString(JsonElement e, string name) =>
            e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
    }
}
