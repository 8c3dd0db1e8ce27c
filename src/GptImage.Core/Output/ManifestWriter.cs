using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;

namespace GptImage.Orchestration
{
    /// <summary>
    /// Appends one row per image (and per failed or not-run row) to a .csv or .jsonl manifest. CSV: the header
    /// is written once; when appending to an existing file its header decides the columns, so every row lines
    /// up. Each row is one flushed write; a row cut short by a crash is dropped when the file is next opened.
    /// Thread-safe. Anything shaped like an API key is masked.
    /// </summary>
    public sealed class ManifestWriter
    {
        private static readonly UTF8Encoding Utf8NoBom = new UTF8Encoding(false);

        // The client's redactor without a known key: masks anything shaped like a key or a bearer token.
        private static readonly SecretRedactor Redactor = new SecretRedactor(null);
        private readonly object _lock = new object();
        private readonly bool _csv;
        private List<string>? _header;
        private bool _opened;

        public ManifestWriter(string path)
        {
            if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("A manifest path is required.", nameof(path));
            Path = System.IO.Path.GetFullPath(path);
            string extension = System.IO.Path.GetExtension(Path).ToLowerInvariant();
            if (extension != ".csv" && extension != ".jsonl")
                throw new GptImageValidationException(ErrorIds.InvalidManifestPath, "ManifestPath", path, "a file name ending in .csv or .jsonl");
            _csv = extension == ".csv";
        }

        public string Path { get; }

        /// <summary>Rows written by this writer.</summary>
        public int RowsWritten { get; private set; }

        public void Write(GptImageResult result)
        {
            if (result is null) throw new ArgumentNullException(nameof(result));
            lock (_lock)
            {
                Open();
                Append(_csv ? CsvRow(result) : JsonRow(result));
                RowsWritten++;
            }
        }

        /// <summary>A closing row with Status "Total": counts, tokens and cost of the batch.</summary>
        public void WriteTotals(BatchSummary summary)
        {
            if (summary is null) throw new ArgumentNullException(nameof(summary));
            var totals = new GptImageResult
            {
                Status = "Total",
                Prompt = summary.ToString(),
                Model = string.Empty,
                Format = string.Empty,
                Usage = new ImageUsage { InputTokens = summary.InputTokens, OutputTokens = summary.OutputTokens, TotalTokens = summary.InputTokens + summary.OutputTokens },
                CostUsd = summary.ActualCostUsd,
                Created = DateTimeOffset.UtcNow,
            };
            Write(totals);
        }

        private void Open()
        {
            if (_opened) return;
            _opened = true;
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            if (!File.Exists(Path)) return;
            DropPartialLastLine();
            if (_csv)
            {
                using var reader = new StreamReader(Path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
                string? first = reader.ReadLine();
                if (!string.IsNullOrEmpty(first)) _header = CsvText.Parse(first!);
            }
        }

        private string CsvRow(GptImageResult result)
        {
            var text = new StringBuilder();
            if (_header is null)
            {
                _header = new List<string>();
                foreach (var column in ManifestColumns.Fixed) _header.Add(column.Name);
                foreach (var field in result.SourceFields.Keys) _header.Add(ManifestColumns.ForSource(field));
                text.Append(CsvText.Line(_header));
            }
            var values = new List<string?>(_header.Count);
            foreach (string column in _header) values.Add(Redactor.Redact(Value(result, column)));
            return text.Append(CsvText.Line(values)).ToString();
        }

        private static string? Value(GptImageResult result, string column)
        {
            foreach (var fixedColumn in ManifestColumns.Fixed)
                if (string.Equals(fixedColumn.Name, column, StringComparison.OrdinalIgnoreCase)) return fixedColumn.Value(result);
            string field = column.StartsWith(ManifestColumns.SourcePrefix, StringComparison.OrdinalIgnoreCase)
                ? column.Substring(ManifestColumns.SourcePrefix.Length) : column;
            return FieldLookup.TryGet(result.SourceFields, field, out string? value) ? value : null;
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
                    if (IsNumeric(column.Name)) json.WriteNumber(column.Name, decimal.Parse(value, CultureInfo.InvariantCulture));
                    else if (column.Name == "FromCache") json.WriteBoolean(column.Name, result.FromCache);
                    else json.WriteString(column.Name, value);
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

        private static bool IsNumeric(string column) =>
            column is "RowNumber" or "Index" or "Compression" or "InputTokens" or "OutputTokens" or "TotalTokens" or "CostUsd" or "EstimatedCostUsd";

        private void Append(string text)
        {
            bool isNew = !File.Exists(Path) || new FileInfo(Path).Length == 0;
            // A BOM on a new CSV lets Windows PowerShell 5.1's Import-Csv and Excel read non-ASCII prompts.
            byte[] preamble = isNew && _csv ? Encoding.UTF8.GetPreamble() : new byte[0];
            byte[] body = Utf8NoBom.GetBytes(text);
            using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
            var bytes = new byte[preamble.Length + body.Length];
            Buffer.BlockCopy(preamble, 0, bytes, 0, preamble.Length);
            Buffer.BlockCopy(body, 0, bytes, preamble.Length, body.Length);
            stream.Write(bytes, 0, bytes.Length);
            stream.Flush(flushToDisk: true);
        }

        private void DropPartialLastLine()
        {
            using var stream = new FileStream(Path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
            if (stream.Length == 0) return;
            long position = stream.Length;
            while (position > 0)
            {
                stream.Position = position - 1;
                if (stream.ReadByte() == '\n') break;
                position--;
            }
            if (position < stream.Length) stream.SetLength(position);
        }
    }
}
