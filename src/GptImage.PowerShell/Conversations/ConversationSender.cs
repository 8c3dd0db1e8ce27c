using System;
using System.Management.Automation;
using System.Threading;
using GptImage.Orchestration;

namespace GptImage.Commands
{
    /// <summary>
    /// Sends a conversation's turns for one Send-GptImageConversation invocation: one client (made on the first turn that
    /// is really sent, so -WhatIf needs no key), and for each turn a batch session of one row, which brings the cache (a
    /// rerun replays the turn, its response id included, without paying), the atomic file writing, the retries of passing
    /// faults and the cost. Turns go one at a time: each continues the one before. Runs on the pipeline thread.
    /// </summary>
    internal sealed class ConversationSender : IDisposable
    {
        private const string Activity = "Sending conversation turns";

        private readonly PSCmdlet _cmdlet;
        private readonly GptImageConversation _conversation;
        private readonly bool _force;
        private readonly bool _savePartial;
        private readonly CancellationToken _stop;
        private readonly CmdletJobSink _sink;
        private GptImageClient? _client;
        private PartialImageReporter? _partials;
        private BatchSession? _session;
        private string _endpoint = string.Empty;

        public ConversationSender(PSCmdlet cmdlet, GptImageConversation conversation, bool force, bool savePartial, Action<string> warn, CancellationToken stop)
        {
            _cmdlet = cmdlet;
            _conversation = conversation;
            _force = force;
            _savePartial = savePartial;
            _stop = stop;
            _sink = new CmdletJobSink(cmdlet, Activity, warn);
        }

        /// <summary>
        /// Sends one checked turn and returns its result (Succeeded, Cached or Failed: a failure is also written as the turn's
        /// error); <paramref name="prepare"/> completes the result before it is written.
        /// </summary>
        public GptImageResult Send(ImageJob job, Action<GptImageResult> prepare)
        {
            EnsureClient(job.Request.PartialImages);
            var capture = new CapturingSink((IJobSink?)_partials ?? _sink, _cmdlet, prepare);
            var options = new BatchOptions
            {
                ThrottleLimit = 1,
                OutputDirectory = _conversation.OutputDirectory,
                FileNameTemplate = _conversation.FileName,
                Force = _force,
                CacheDirectory = _conversation.CacheDirectory,
                NoCache = _conversation.NoCache,
                Endpoint = _endpoint,
            };
            try
            {
                _session = new BatchSession(_client!, options, _stop);
                _partials?.Register(job);
                _session.Submit(job, capture);
                _session.Complete(capture);
            }
            catch (OperationCanceledException)
            {
                throw new PipelineStoppedException();   // Ctrl+C: the turn in flight is abandoned at once
            }
            catch (Exception e) when (e is GptImageValidationException || e is GptImageBatchException)
            {
                // An output or cache folder that cannot be written: no turn could be kept, so nothing is sent.
                _cmdlet.ThrowTerminatingError(ErrorRecords.From(e, _conversation));
            }
            finally
            {
                _session?.Dispose();
                _session = null;
            }
            _partials?.Complete();
            return capture.Result ?? throw new InvalidOperationException("The turn ended without a result.");
        }

        private void EnsureClient(int? partialImages)
        {
            if (_client != null) return;
            try
            {
                GptImageClientOptions options = ClientOptionsFactory.Create(_conversation.ApiKey, _conversation.Endpoint, _conversation.MaxRetries, _conversation.TimeoutSec);
                if (StreamPreferences.VerboseEnabled(_cmdlet)) options.Log = line => _session?.Log(line);
                _partials = PartialImageReporter.For(_cmdlet, partialImages, _savePartial, _sink, _conversation.OutputDirectory);
                if (_partials != null) options.OnPartialImage = _partials.OnPartial;
                _client = new GptImageClient(options);
                _endpoint = ClientOptionsFactory.Describe(options);
                _cmdlet.WriteVerbose($"Sending turns to {_client.ResponsesUrl.GetLeftPart(UriPartial.Path)}"
                    + (_conversation.NoCache || (_conversation.CacheDirectory ?? _conversation.OutputDirectory) is null ? "; no result cache." : "; answered turns are cached."));
            }
            catch (GptImageValidationException e)
            {
                // No key, an unusable endpoint: no turn could be sent.
                _cmdlet.ThrowTerminatingError(ErrorRecords.From(e, _conversation));
            }
        }

        public void Complete() => _sink.CompleteProgress();

        public void Dispose() => _client?.Dispose();

        /// <summary>
        /// Passes everything on, with the turn's result (its Failed result too) completed by the sender's callback before it is
        /// written, and kept for the conversation's record.
        /// </summary>
        private sealed class CapturingSink : IJobSink
        {
            private readonly IJobSink _inner;
            private readonly PSCmdlet _cmdlet;
            private readonly Action<GptImageResult> _prepare;

            public CapturingSink(IJobSink inner, PSCmdlet cmdlet, Action<GptImageResult> prepare)
            {
                _inner = inner;
                _cmdlet = cmdlet;
                _prepare = prepare;
            }

            public GptImageResult? Result { get; private set; }

            public void OnResult(GptImageResult result)
            {
                Result = result;
                _prepare(result);
                _inner.OnResult(result);
            }

            public void OnError(ImageJob job, Exception error)
            {
                Result = CmdletJobSink.FailureResult(job, error);
                _prepare(Result);
                _cmdlet.WriteError(ConversationTurns.Error(error, job.Source, job.RowNumber));
                _cmdlet.WriteObject(Result);
            }

            public void OnProgress(BatchProgress progress) => _inner.OnProgress(progress);
            public void OnVerbose(string message) => _inner.OnVerbose(message);
            public void OnWarning(string message) => _inner.OnWarning(message);
        }
    }
}
