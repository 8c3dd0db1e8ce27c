using System;
using System.Management.Automation;
using GptImage.Orchestration;

namespace GptImage.Commands
{
    /// <summary>
    /// The batch engine's output, written into a background job's streams instead of the cmdlet's: results to Output as
    /// they finish (Receive-Job), row errors to Error, progress, verbose lines and warnings to theirs. The job's thread
    /// is the one calling the engine, so every call comes from that one thread; the collections are thread-safe for readers.
    /// </summary>
    internal sealed class JobStreamSink : IJobSink
    {
        private const int ProgressActivityId = 0x6770;
        private readonly GptImageJob _job;
        private readonly string _activity;

        public JobStreamSink(GptImageJob job, string activity)
        {
            _job = job;
            _activity = activity;
        }

        public void OnResult(GptImageResult result) => _job.Output.Add(PSObject.AsPSObject(result));

        /// <summary>The row's error, then its Failed or NotRun result, as in the foreground (every input row has an output object).</summary>
        public void OnError(ImageJob job, Exception error)
        {
            _job.AddRowError(ErrorRecords.ForJob(error, job));
            _job.Output.Add(PSObject.AsPSObject(CmdletJobSink.FailureResult(job, error)));
        }

        public void OnProgress(BatchProgress progress)
        {
            _job.StatusText = progress.Status;
            _job.Progress.Add(new ProgressRecord(ProgressActivityId, _activity, progress.Status)
            {
                PercentComplete = progress.PercentComplete,
                SecondsRemaining = progress.Remaining.HasValue ? (int)Math.Ceiling(progress.Remaining.Value.TotalSeconds) : -1,
            });
        }

        public void OnVerbose(string message) => _job.Verbose.Add(new VerboseRecord(message));

        public void OnWarning(string message) => _job.Warning.Add(new WarningRecord(message));
    }
}
