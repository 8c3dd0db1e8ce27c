using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using GptImage.Orchestration;

namespace GptImage.Commands
{
    /// <summary>
    /// New-GptImage -AsJob / Edit-GptImage -AsJob: the same batch run as in the foreground (pacing, cache, -MaxCost), on a
    /// thread of its own, registered in the session's job repository so Get-Job, Receive-Job (-Keep), Wait-Job, Stop-Job and
    /// Remove-Job work on it with the shell's own job id. The cmdlet validates each row on the pipeline thread and hands it
    /// over; the job's thread feeds the engine, which writes into the job's streams.
    /// </summary>
    public sealed class GptImageJob : Job
    {
        private readonly BlockingCollection<ImageJob> _rows = new BlockingCollection<ImageJob>();
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly Thread _thread;
        private BatchRun? _run;
        private int _failedRows;

        internal GptImageJob(string command, string activity) : base(command, "GptImage")
        {
            PSJobTypeName = "GptImageJob";
            Activity = activity;
            _thread = new Thread(RunRows) { IsBackground = true, Name = "GptImage job" };
        }

        /// <summary>What the job does ("Generating images" or "Editing images").</summary>
        public string Activity { get; }

        /// <summary>Rows handed to the job so far.</summary>
        public int Submitted { get; private set; }

        /// <summary>Rows that ended in an error (in Error; Receive-Job writes them as errors).</summary>
        public int FailedRows => Volatile.Read(ref _failedRows);

        /// <summary>The last progress line: rows done, failed, cached and in flight.</summary>
        public override string StatusMessage => StatusText ?? string.Empty;

        internal string? StatusText { get; set; }

        public override bool HasMoreData => Output.Count > 0 || Error.Count > 0 || Warning.Count > 0 || Verbose.Count > 0 || Progress.Count > 0;

        public override string Location => "localhost";

        /// <summary>Cancelled by Stop-Job; the run's requests in flight are abandoned at once.</summary>
        internal CancellationToken StopToken => _stop.Token;

        /// <summary>Starts the job's thread with its run (made on the pipeline thread).</summary>
        internal void Start(BatchRun run)
        {
            _run = run;
            SetJobState(JobState.Running);
            _thread.Start();
        }

        internal void Add(ImageJob row)
        {
            Submitted++;
            try { _rows.Add(row); }
            catch (InvalidOperationException) { /* stopped: no more rows are taken */ }
        }

        /// <summary>A row refused before it was handed over (bad input): the job's error like any other row's.</summary>
        internal void AddRowError(ErrorRecord error)
        {
            Interlocked.Increment(ref _failedRows);
            Error.Add(error);
        }

        /// <summary>A row's result made before it was handed over (its Failed result, a failure passed along from upstream).</summary>
        internal void AddRowResult(GptImageResult result) => Output.Add(PSObject.AsPSObject(result));

        /// <summary>The pipeline has no more rows.</summary>
        internal void InputEnded() => _rows.CompleteAdding();

        public override void StopJob()
        {
            if (IsFinished(JobStateInfo.State)) return;
            SetJobState(JobState.Stopping);
            _stop.Cancel();
            _rows.CompleteAdding();
            if (_thread.IsAlive) _thread.Join();
            else SetJobState(JobState.Stopped);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                if (!IsFinished(JobStateInfo.State)) StopJob();
                _rows.Dispose();
                _stop.Dispose();
            }
            base.Dispose(disposing);
        }

        private void RunRows()
        {
            JobState end = JobState.Completed;
            try
            {
                foreach (ImageJob row in _rows.GetConsumingEnumerable(_stop.Token)) _run!.Submit(row);
            }
            catch (Exception e) when (e is OperationCanceledException || e is PipelineStoppedException)
            {
                end = JobState.Stopped;
            }
            catch (Exception e)
            {
                Error.Add(ErrorRecords.From(e, null));
                end = JobState.Failed;
            }
            try
            {
                // Drains the requests still in flight (at once after Stop-Job: they end cancelled) and writes the totals.
                _run!.Complete();
            }
            catch (Exception e) when (end == JobState.Completed)
            {
                Error.Add(ErrorRecords.From(e, null));
                end = JobState.Failed;
            }
            finally
            {
                _run!.Dispose();
                if (_stop.IsCancellationRequested) end = JobState.Stopped;
                SetJobState(end);
            }
        }

        private static bool IsFinished(JobState state) =>
            state == JobState.Completed || state == JobState.Failed || state == JobState.Stopped;
    }
}
