using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using GptImage.Orchestration;
using GptImage.Streaming;

namespace GptImage.Commands
{
    /// <summary>
    /// -PartialImages / -SavePartial: partial images arrive on the thread reading each stream; they are saved there
    /// (-SavePartial) and queued, and shown as progress and verbose lines on the pipeline thread whenever the engine
    /// next talks to the sink, which this class wraps.
    /// </summary>
    internal sealed class PartialImageReporter : IJobSink
    {
        private const int ProgressActivityId = 0x6773;

        private readonly PSCmdlet _cmdlet;
        private readonly CmdletJobSink _inner;
        private readonly string? _saveFolder;
        private readonly int _perRequest;
        private readonly ConditionalWeakTable<ImageGenerationRequest, Row> _rows = new ConditionalWeakTable<ImageGenerationRequest, Row>();
        private readonly ConcurrentQueue<(int Row, PartialImage Partial, string? Path, string? Error)> _arrived = new ConcurrentQueue<(int, PartialImage, string?, string?)>();

        private PartialImageReporter(PSCmdlet cmdlet, CmdletJobSink inner, string? saveFolder, int perRequest)
        {
            _cmdlet = cmdlet;
            _inner = inner;
            _saveFolder = saveFolder;
            _perRequest = perRequest;
        }

        /// <summary>A reporter when the cmdlet asked for partial images, else null (and a warning for a -SavePartial that cannot apply).</summary>
        public static PartialImageReporter? For(ImageBatchCmdlet cmdlet, CmdletJobSink inner, string? outputDirectory) =>
            For(cmdlet, cmdlet.PartialImages, cmdlet.SavePartial, inner, outputDirectory);

        /// <summary>The same for any cmdlet that streams: <paramref name="partialImages"/> per request, saved when <paramref name="save"/>.</summary>
        public static PartialImageReporter? For(PSCmdlet cmdlet, int? partialImages, bool save, CmdletJobSink inner, string? outputDirectory)
        {
            if (partialImages is not int count || count == 0)
            {
                if (save) cmdlet.WriteWarning("-SavePartial has no effect without -PartialImages 1 to 3.");
                return null;
            }
            string? folder = save ? outputDirectory ?? cmdlet.SessionState.Path.CurrentFileSystemLocation.ProviderPath : null;
            return new PartialImageReporter(cmdlet, inner, folder, count);
        }

        /// <summary>Remembers which row a request belongs to (the client reports the request object).</summary>
        public void Register(ImageJob job) => _rows.Add(job.Request, new Row(job.RowNumber));

        /// <summary>GptImageClientOptions.OnPartialImage: runs on a worker thread; writes no PowerShell output.</summary>
        public void OnPartial(PartialImage partial)
        {
            int row = _rows.TryGetValue(partial.Request, out Row? known) ? known.Number : 0;
            string? path = null, error = null;
            if (_saveFolder != null)
            {
                try { path = PartialImageFiles.Save(_saveFolder, row, partial); }
                catch (Exception e) when (e is System.IO.IOException || e is UnauthorizedAccessException || e is GptImageBatchException) { error = e.Message; }
            }
            _arrived.Enqueue((row, partial, path, error));
        }

        /// <summary>Shows what arrived since the last call (pipeline thread only).</summary>
        public void Drain()
        {
            while (_arrived.TryDequeue(out var item))
            {
                int shown = item.Partial.PartialImageIndex + 1;
                _cmdlet.WriteProgress(new ProgressRecord(ProgressActivityId, "Partial images", $"Row {item.Row}: partial image {shown} of {_perRequest}")
                {
                    PercentComplete = Math.Min(100, shown * 100 / _perRequest),
                    ParentActivityId = CmdletJobSink.ProgressActivityId,
                });
                if (item.Path != null) _cmdlet.WriteVerbose($"Row {item.Row}: partial image {shown} saved to {item.Path}");
                if (item.Error != null) _cmdlet.WriteWarning($"Row {item.Row}: partial image {shown} could not be saved: {item.Error}");
            }
        }

        public void Complete()
        {
            Drain();
            _cmdlet.WriteProgress(new ProgressRecord(ProgressActivityId, "Partial images", "Done")
            {
                RecordType = ProgressRecordType.Completed,
                ParentActivityId = CmdletJobSink.ProgressActivityId,
            });
        }

        public void OnResult(GptImageResult result) { Drain(); _inner.OnResult(result); }
        public void OnError(ImageJob job, Exception error) { Drain(); _inner.OnError(job, error); }
        public void OnProgress(BatchProgress progress) { Drain(); _inner.OnProgress(progress); }
        public void OnVerbose(string message) { Drain(); _inner.OnVerbose(message); }
        public void OnWarning(string message) { Drain(); _inner.OnWarning(message); }

        private sealed class Row
        {
            public Row(int number) => Number = number;
            public int Number { get; }
        }
    }
}
