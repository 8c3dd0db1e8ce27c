using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace GptImage.Orchestration
{
    /// <summary>
    /// A run's ledger in a .csv or .jsonl file: one row per input row and image, with its final status (Succeeded,
    /// Cached, Failed or NotRun, a failure with its ErrorId), ordered by row and image. Rows are collected while the run
    /// goes and <see cref="Commit"/> writes the whole file at once, atomically (temporary file, then rename): a rerun
    /// replaces the ledger instead of appending to it, and a reader never sees half of one. There is no totals row, so
    /// summing CostUsd over the rows gives the run's cost; the totals go to a side file, &lt;name&gt;.summary.json.
    /// CSV: the fixed columns, then Source.&lt;Column&gt; for every column any input row had. Thread-safe. Anything
    /// shaped like an API key is masked.
    /// </summary>
    public sealed class ManifestWriter
    {
        private static readonly UTF8Encoding Utf8NoBom = new UTF8Encoding(false);

        // The client's redactor without a known key: masks anything shaped like a key or a bearer token.
        private static readonly SecretRedactor Redactor = new SecretRedactor(null);
        private readonly object _lock = new object();
        private readonly List<GptImageResult> _rows = new List<GptImageResult>();
        private readonly bool _csv;

        public ManifestWriter(string path)
        {
            if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("A manifest path is required.", nameof(path));
            Path = System.IO.Path.GetFullPath(path);
            string extension = System.IO.Path.GetExtension(Path).ToLowerInvariant();
            if (extension != ".csv" && extension != ".jsonl")
                throw new GptImageValidationException(ErrorIds.InvalidManifestPath, "ManifestPath", path, "a file name ending in .csv or .jsonl");
            _csv = extension == ".csv";
            SummaryPath = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path)!, System.IO.Path.GetFileNameWithoutExtension(Path) + ".summary.json");
        }

        public string Path { get; }

        /// <summary>The side file with the run's totals: manifest.csv gets manifest.summary.json.</summary>
        public string SummaryPath { get; }

        /// <summary>Rows collected so far.</summary>
        public int RowsWritten { get { lock (_lock) return _rows.Count; } }

        /// <summary>Adds the final state of one image, or of a row that made none (Failed, NotRun).</summary>
        public void Write(GptImageResult result)
        {
            if (result is null) throw new ArgumentNullException(nameof(result));
            GptImageResult row = result.Copy();
            row.Bytes = null; // the ledger keeps the facts, not the pixels
            lock (_lock) _rows.Add(row);
        }

        /// <summary>Writes the ledger and its summary, each replacing the file of an earlier run in one rename.</summary>
        public void Commit()
        {
            List<GptImageResult> rows;
            lock (_lock) rows = _rows.OrderBy(r => r.RowNumber).ThenBy(r => r.Index).ToList();
            byte[] body = Utf8NoBom.GetBytes(_csv ? Csv(rows) : Jsonl(rows));
            // A BOM on a CSV lets Windows PowerShell 5.1's Import-Csv and Excel read non-ASCII prompts.
            byte[] preamble = _csv ? Encoding.UTF8.GetPreamble() : new byte[0];
            AtomicFile.Write(Path, preamble.Concat(body).ToArray(), overwrite: true);
            AtomicFile.Write(SummaryPath, Utf8NoBom.GetBytes(ManifestSummary.Json(rows, System.IO.Path.GetFileName(Path))), overwrite: true);
        }

        private static string Csv(IReadOnlyList<GptImageResult> rows)
        {
            var sourceFields = new List<string>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (GptImageResult row in rows)
                foreach (string field in row.SourceFields.Keys)
                    if (seen.Add(field)) sourceFields.Add(field);

            // Thumbnail columns only in a run that wrote thumbnails: other ledgers keep the columns they always had.
            var thumbnail = rows.Any(r => r.Thumbnail != null) ? ManifestColumns.ThumbnailFields : Array.Empty<(string Name, Func<ExportedFile, string> Value)>();
            var header = ManifestColumns.Fixed.Select(c => c.Name)
                .Concat(thumbnail.Select(c => ManifestColumns.ThumbnailPrefix + c.Name))
                .Concat(sourceFields.Select(ManifestColumns.ForSource)).ToList();
            var text = new StringBuilder(CsvText.Line(header));
            foreach (GptImageResult row in rows)
            {
                var values = ManifestColumns.Fixed.Select(c => c.Value(row))
                    .Concat(thumbnail.Select(c => row.Thumbnail is null ? null : c.Value(row.Thumbnail)))
                    .Concat(sourceFields.Select(f => FieldLookup.TryGet(row.SourceFields, f, out string? v) ? v : null))
                    .Select(Redactor.Redact);
                text.Append(CsvText.Line(values));
            }
            return text.ToString();
        }

        private static string Jsonl(IEnumerable<GptImageResult> rows)
        {
            var text = new StringBuilder();
            foreach (GptImageResult row in rows) text.Append(JsonRow(row));
            return text.ToString();
        }

        private static string JsonRow(GptImageResult result)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                foreach (var column in ManifestColumns.Fixed)
                {
                    string? value = Redactor.Redact(column.Value(result));
                    if (value is null) { json.WriteNull(column.Name); continue; }
                    if (ManifestColumns.IsNumeric(column.Name)) json.WriteNumber(column.Name, decimal.Parse(value, CultureInfo.InvariantCulture));
                    else if (column.Name == "FromCache") json.WriteBoolean(column.Name, result.FromCache);
                    else json.WriteString(column.Name, value);
                }
                if (result.Thumbnail is ExportedFile thumbnail)
                {
                    json.WriteStartObject("Thumbnail");
                    foreach (var field in ManifestColumns.ThumbnailFields)
                    {
                        string value = field.Value(thumbnail);
                        if (ManifestColumns.IsNumeric(field.Name)) json.WriteNumber(field.Name, decimal.Parse(value, CultureInfo.InvariantCulture));
                        else json.WriteString(field.Name, Redactor.Redact(value));
                    }
                    json.WriteEndObject();
                }
                json.WriteStartObject("Source");
                foreach (var pair in result.SourceFields)
                {
                    if (pair.Value is null) json.WriteNull(pair.Key);
                    else json.WriteString(pair.Key, Redactor.Redact(pair.Value));
                }
                json.WriteEndObject();
                json.WriteEndObject();
            }
            return Utf8NoBom.GetString(buffer.ToArray()) + "\n";
        }
    }
}
