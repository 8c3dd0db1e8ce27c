using System;
using System.Management.Automation;
using GptImage.Orchestration;

namespace GptImage.Commands
{
    /// <summary>
    /// The batch engine's output, mapped onto the cmdlet's streams. The engine calls it only on the thread that
    /// called Submit, Pump or Complete; the guard turns a broken promise into a clear exception on that thread
    /// instead of PowerShell's "WriteObject called from another thread" failure.
    /// </summary>
    internal sealed class CmdletJobSink : IJobSink
    {
        /// <summary>Any fixed id: one progress bar per cmdlet (the partial-image bar nests under it).</summary>
        internal const int ProgressActivityId = 0x6770;
        private readonly Cmdlet _cmdlet;
        private readonly string _activity;
        private readonly Action<string> _warn;
        private readonly int _pipelineThreadId = Environment.CurrentManagedThreadId;

        public CmdletJobSink(Cmdlet cmdlet, string activity, Action<string> warn)
        {
            _cmdlet = cmdlet;
            _activity = activity;
            _warn = warn;
        }

        public void OnResult(GptImageResult result)
        {
            EnsurePipelineThread();
            _cmdlet.WriteObject(result);
        }

        /// <summary>
        /// The row's error, then its result with Status Failed (NotRun when -MaxCost stopped it): every input row has an
        /// output object, so Export-GptImageBatch -ManifestPath downstream records it in the ledger.
        /// </summary>
        public void OnError(ImageJob job, Exception error)
        {
            EnsurePipelineThread();
            _cmdlet.WriteError(ErrorRecords.ForJob(error, job));
            _cmdlet.WriteObject(FailureResult(job, error));
        }

        /// <summary>The result of a row that made no image: NotRun when -MaxCost stopped it, else Failed, with its error.</summary>
        internal static GptImageResult FailureResult(ImageJob job, Exception error)
        {
            string errorId = BatchSession.ErrorIdOf(error);
            string status = errorId == ErrorIds.CostLimitReached ? GptImageResult.StatusNotRun : GptImageResult.StatusFailed;
            return GptImageResult.ForFailure(job, status, errorId, ErrorRecords.DisplayMessage(error));
        }

        public void OnProgress(BatchProgress progress)
        {
            EnsurePipelineThread();
            var record = new ProgressRecord(ProgressActivityId, _activity, progress.Status)
            {
                PercentComplete = progress.PercentComplete,
                SecondsRemaining = progress.Remaining.HasValue ? (int)Math.Ceiling(progress.Remaining.Value.TotalSeconds) : -1,
            };
            _cmdlet.WriteProgress(record);
        }

        public void OnVerbose(string message)
        {
            EnsurePipelineThread();
            _cmdlet.WriteVerbose(message);
        }

        public void OnWarning(string message)
        {
            EnsurePipelineThread();
            _warn(message);
        }

        /// <summary>Ends the progress bar once the batch is complete.</summary>
        public void CompleteProgress()
        {
            _cmdlet.WriteProgress(new ProgressRecord(ProgressActivityId, _activity, "Done") { RecordType = ProgressRecordType.Completed });
        }

        private void EnsurePipelineThread()
        {
            if (Environment.CurrentManagedThreadId != _pipelineThreadId)
                throw new InvalidOperationException("GptImage batch output arrived on a worker thread; PowerShell allows output only on the pipeline thread.");
        }
    }
}
