using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using GptImage.BatchApi;

namespace GptImage.Commands
{
    /// <summary>
    /// What the Batch API cmdlets share: the client built from the usual precedence (parameters, Connect-GptImage,
    /// environment), the record store, waiting for core tasks on the pipeline thread (Ctrl+C stops at once), and
    /// verbose lines from the core queued until the pipeline thread can write them.
    /// </summary>
    internal sealed class GptImageBatchJobSupport : IDisposable
    {
        private readonly PSCmdlet _cmdlet;
        private readonly CancellationToken _stop;
        private GptImageClient? _client;

        public GptImageBatchJobSupport(PSCmdlet cmdlet, CancellationToken stop)
        {
            _cmdlet = cmdlet;
            _stop = stop;
        }

        public ConcurrentQueue<string> Log { get; } = new ConcurrentQueue<string>();

        /// <summary>The client; a missing key or unusable endpoint is terminating (nothing could proceed).</summary>
        public GptImageClient Client(SecureString? apiKey, string? endpoint, int maxRetries, int timeoutSec)
        {
            if (_client != null) return _client;
            try
            {
                GptImageClientOptions options = ClientOptionsFactory.Create(apiKey, endpoint, maxRetries, timeoutSec);
                if (StreamPreferences.VerboseEnabled(_cmdlet)) options.Log = Log.Enqueue;
                _client = new GptImageClient(options);
                return _client;
            }
            catch (GptImageValidationException e)
            {
                _cmdlet.ThrowTerminatingError(ErrorRecords.From(e, null));
                throw; // not reached
            }
        }

        public static BatchRecordStore Store(PSCmdlet cmdlet, string? statePath) =>
            new BatchRecordStore(statePath is null ? null : FileSystemPaths.ResolveLiteral(cmdlet, statePath));

        /// <summary>Waits on the pipeline thread; Ctrl+C becomes PipelineStoppedException.</summary>
        public T Wait<T>(Task<T> task)
        {
            try
            {
                return task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            finally
            {
                FlushLog();
            }
        }

        /// <summary>
        /// The batch's status now, or with <paramref name="wait"/> once it is finished: polls every
        /// <paramref name="pollIntervalSec"/> with a progress bar of the requests done; Ctrl+C stops at once.
        /// <paramref name="recordedRequests"/> (the local record's rows, 0 when unknown) counts the bar while the API
        /// still reports no requests (a batch validating its input says 0 of 0).
        /// </summary>
        public BatchInfo Poll(string id, bool wait, int pollIntervalSec, GptImageClient client, int recordedRequests)
        {
            const int progressId = 0x6771;
            var api = new BatchApiClient(client);
            string activity = "Waiting for batch " + id;
            while (true)
            {
                BatchInfo info = Wait(api.GetBatchAsync(id, _stop));
                if (!wait) return info;
                if (info.IsFinished)
                {
                    _cmdlet.WriteProgress(new ProgressRecord(progressId, activity, info.Status) { RecordType = ProgressRecordType.Completed });
                    return info;
                }
                int total = info.Total > 0 ? info.Total : recordedRequests;
                int done = info.Completed + info.Failed;
                string next = DateTime.Now.AddSeconds(pollIntervalSec).ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
                _cmdlet.WriteProgress(new ProgressRecord(progressId, activity, WaitStatus(info, done, total) + $"; next check at {next}")
                {
                    PercentComplete = total <= 0 ? -1 : Math.Min(100, done * 100 / total),
                });
                if (_stop.WaitHandle.WaitOne(TimeSpan.FromSeconds(pollIntervalSec))) throw new PipelineStoppedException();
            }
        }

        /// <summary>What the batch is doing, in words: "validating: 30 requests, none started yet", "in_progress: 12 of 30 requests done (1 failed)".</summary>
        internal static string WaitStatus(BatchInfo info, int done, int total)
        {
            if (total <= 0) return info.Status;
            if (info.Total <= 0) return $"{info.Status}: {total} requests, none started yet";
            return $"{info.Status}: {done} of {total} requests done ({info.Failed} failed)";
        }

        public void FlushLog()
        {
            while (Log.TryDequeue(out string? line)) _cmdlet.WriteVerbose(line);
        }

        public void Dispose() => _client?.Dispose();
    }
}
