using System;
using System.Collections.Generic;
using System.IO;

namespace GptImage.BatchApi
{
    /// <summary>
    /// Writes input lines into JSONL files, starting a new file before one would pass the request count or
    /// byte limit, and keeping generations and edits apart (a batch has one endpoint). Lines go straight to
    /// disk, so memory stays flat however many rows there are.
    /// </summary>
    public sealed class BatchInputWriter : IDisposable
    {
        private static readonly byte[] NewLine = { (byte)'\n' };

        private readonly BatchLimits _limits;
        private readonly string _folder;
        private readonly Dictionary<string, (BatchInputFile File, FileStream Stream)> _open = new Dictionary<string, (BatchInputFile, FileStream)>(StringComparer.Ordinal);
        private readonly List<BatchInputFile> _files = new List<BatchInputFile>();

        public BatchInputWriter(string folder, BatchLimits? limits = null)
        {
            _folder = folder ?? throw new ArgumentNullException(nameof(folder));
            _limits = limits ?? BatchLimits.Default;
            if (_limits.MaxRequestsPerFile < 1) throw new ArgumentOutOfRangeException(nameof(limits), "MaxRequestsPerFile must be at least 1.");
            Directory.CreateDirectory(folder);
        }

        /// <summary>Every file written so far, in order (call <see cref="Dispose"/> or <see cref="Finish"/> before reading them).</summary>
        public IReadOnlyList<BatchInputFile> Files => _files;

        /// <summary>
        /// Adds one line. A line that alone is larger than the byte limit cannot go into any batch:
        /// GptImageValidationException naming the row.
        /// </summary>
        public void Add(string customId, string endpoint, byte[] line)
        {
            long size = line.Length + NewLine.Length;
            if (size > _limits.MaxBytesPerFile)
                throw new GptImageValidationException(ErrorIds.BadRequest, "InputObject", customId,
                    $"a request line of at most {_limits.MaxBytesPerFile} bytes (the Batch API's input file limit); this one is {size} bytes.");
            if (!_open.TryGetValue(endpoint, out var current)
                || current.File.CustomIds.Count >= _limits.MaxRequestsPerFile
                || current.File.Bytes + size > _limits.MaxBytesPerFile)
            {
                if (current.Stream != null) current.Stream.Dispose();
                string path = Path.Combine(_folder, $"batch-input-{_files.Count + 1:D3}.jsonl");
                current = (new BatchInputFile(path, endpoint), new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 81920));
                _open[endpoint] = current;
                _files.Add(current.File);
            }
            current.Stream.Write(line, 0, line.Length);
            current.Stream.Write(NewLine, 0, NewLine.Length);
            current.File.Bytes += size;
            current.File.CustomIds.Add(customId);
        }

        /// <summary>Closes the files so that they can be uploaded.</summary>
        public void Finish()
        {
            foreach (var open in _open.Values) open.Stream.Dispose();
            _open.Clear();
        }

        public void Dispose() => Finish();
    }
}
