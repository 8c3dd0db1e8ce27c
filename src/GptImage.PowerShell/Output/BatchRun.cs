using System;
using System.Management.Automation;
using System.Threading;
using GptImage.Orchestration;

namespace GptImage.Commands
{
    /// <summary>
    /// One cmdlet invocation's batch: one GptImageClient, one BatchSession, one sink. Created on the first
    /// record that passes ShouldProcess, so -WhatIf makes no client and needs no key. A client that cannot be
    /// built (no key, unusable endpoint) is the one terminating error: nothing could proceed.
    /// </summary>
    internal sealed class BatchRun : IDisposable
    {
        private readonly GptImageClient _client;
        private readonly BatchSession _session;
        private readonly IJobSink _sink;
        // The cmdlet's progress bar, ended when the run completes; null for a background job (its sink keeps the records).
        private readonly CmdletJobSink? _cmdletSink;
        // -PartialImages: wraps the sink to show partial images as they arrive; null otherwise.
        private readonly PartialImageReporter? _partials;

        private BatchRun(GptImageClient client, BatchSession session, IJobSink sink, PartialImageReporter? partials)
        {
            _partials = partials;
            _cmdletSink = sink as CmdletJobSink;
            _client = client;
            _session = session;
            _sink = sink;
        }

        public static BatchRun Start(ImageBatchCmdlet cmdlet, CancellationToken cancellation) =>
            Start(cmdlet, new CmdletJobSink(cmdlet, cmdlet.ProgressActivity, cmdlet.WarnOnce), cmdlet.WriteVerbose, cancellation);

        /// <summary>
        /// A run whose output goes to <paramref name="sink"/> and whose verbose lines go to <paramref name="verbose"/> (a background
        /// job's streams). Made on the pipeline thread: the connection, the paths and the token script belong to it.
        /// </summary>
        public static BatchRun Start(ImageBatchCmdlet cmdlet, IJobSink sink, Action<string> verbose, CancellationToken cancellation)
        {
            GptImageClient? client = null;
            BatchSession? session = null;
            PartialImageReporter? partials = null;
            try
            {
                GptImageClientOptions clientOptions = ClientOptionsFactory.Create(cmdlet.ApiKey, cmdlet.Endpoint, cmdlet.MaxRetries, cmdlet.TimeoutSec, cmdlet.Additional.Headers);
                // The gate reads every attempt's rate-limit headers and 429s, retried ones included.
                clientOptions.OnAttempt = attempt => session?.Gate.OnAttempt(attempt);
                // The client logs on worker threads: the session queues each line with its row and writes it on this thread, as it happens.
                if (StreamPreferences.VerboseEnabled(cmdlet)) clientOptions.Log = line => session?.Log(line);
                if (sink is CmdletJobSink cmdletSink) partials = PartialImageReporter.For(cmdlet, cmdletSink, cmdlet.OutputDirectory is null ? null : FileSystemPaths.ResolveLiteral(cmdlet, cmdlet.OutputDirectory));
                if (partials != null) clientOptions.OnPartialImage = partials.OnPartial;
                client = new GptImageClient(clientOptions);

                var batchOptions = new BatchOptions
                {
                    ThrottleLimit = cmdlet.ThrottleLimit,
                    OutputDirectory = cmdlet.OutputDirectory is null ? null : FileSystemPaths.ResolveLiteral(cmdlet, cmdlet.OutputDirectory),
                    FileNameTemplate = cmdlet.FileName,
                    Force = cmdlet.Force.IsPresent,
                    CacheDirectory = cmdlet.CacheDirectory is null ? null : FileSystemPaths.ResolveLiteral(cmdlet, cmdlet.CacheDirectory),
                    NoCache = cmdlet.NoCache.IsPresent,
                    MaxCost = cmdlet.MaxCost.HasValue ? (decimal)cmdlet.MaxCost.Value : null,
                    RetryTimeout = TimeSpan.FromSeconds(cmdlet.RetryTimeoutSec),
                    Endpoint = ClientOptionsFactory.Describe(clientOptions),
                };
                session = new BatchSession(client, batchOptions, cancellation);
                verbose($"Sending to {batchOptions.Endpoint} (client {client.GenerationsUrl.Host}); at most {batchOptions.ThrottleLimit} requests in flight"
                    + (batchOptions.EffectiveCacheDirectory is null ? "; no result cache." : $"; result cache {batchOptions.EffectiveCacheDirectory}."));
            }
            catch (Exception e) when (e is GptImageValidationException || e is GptImageBatchException)
            {
                // No key, an unusable endpoint, a bad -FileName template, an output folder that cannot be written: nothing could proceed.
                client?.Dispose();
                cmdlet.ThrowTerminatingError(ErrorRecords.From(e, null));
                throw; // not reached: ThrowTerminatingError always throws
            }
            return new BatchRun(client, session, sink, partials);
        }

        /// <summary>Hands one row to the engine; returns at once unless the engine is at capacity (it then pumps results while waiting).</summary>
        public void Submit(ImageJob job)
        {
            try
            {
                _partials?.Register(job);
                _session.Submit(job, (IJobSink?)_partials ?? _sink);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: StopProcessing cancelled the session; tell PowerShell the pipeline is stopping.
                throw new PipelineStoppedException();
            }
        }

        /// <summary>Waits for every row (writing results as they finish); the engine then writes the totals to verbose.</summary>
        public void Complete()
        {
            _session.Complete((IJobSink?)_partials ?? _sink);
            _partials?.Complete();
            _cmdletSink?.CompleteProgress();
        }

        public void Dispose()
        {
            _session.Dispose();
            _client.Dispose();
        }
    }
}
