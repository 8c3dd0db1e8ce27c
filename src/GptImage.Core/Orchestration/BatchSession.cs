using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace GptImage.Orchestration
{
    /// <summary>
    /// Runs pipeline rows on the client with bounded, rate-adaptive concurrency and streams results back in
    /// completion order. Workers never call the sink: they queue events, and Submit, Pump and Complete deliver
    /// them on the caller's (pipeline) thread. Submit blocks, pumping, while the session is at capacity, so
    /// memory is bounded by the requests in flight. A row's failure goes to OnError and the batch goes on.
    /// <para>Cmdlet wiring: create the gate first (or let the session make one), set
    /// GptImageClientOptions.OnAttempt = session.Gate.OnAttempt (or pass the gate in BatchOptions.Gate and wire
    /// it before building the client), call Submit per ProcessRecord, Complete in EndProcessing, and cancel the
    /// token (or call Cancel) in StopProcessing.</para>
    /// </summary>
    public sealed class BatchSession : IDisposable
    {
        private readonly IGptImageClient _client;
        private readonly BatchOptions _options;
        private readonly CancellationTokenSource _cancel;
        private readonly ConcurrentQueue<Action<IJobSink>> _events = new ConcurrentQueue<Action<IJobSink>>();
        private readonly SemaphoreSlim _wake = new SemaphoreSlim(0);
        private readonly ConcurrentDictionary<string, Task<Outcome>> _inFlightByKey = new ConcurrentDictionary<string, Task<Outcome>>();
        private readonly ManifestWriter? _manifest;
        private readonly HashSet<string> _warned = new HashSet<string>(StringComparer.Ordinal);
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly object _lock = new object();
        private readonly DateTime _today;
        private readonly int _capacity;
        private int _active;
        // Of the rows active, those whose request is being sent (past the gate): the "in flight" of the progress bar.
        private int _sending;
        private int _rowCounter;
        private int _done;
        // The last progress shown: a new one goes out when something in it changed, and at least every second while the run
        // waits (so the bar's rate, time left and rate-limit wait stay current).
        private string? _lastProgressKey;
        private TimeSpan _lastProgressAt;

        // The row each worker is running, so that the client's diagnostics (logged from inside its calls) name their row.
        private static readonly AsyncLocal<ImageJob?> CurrentJob = new AsyncLocal<ImageJob?>();
        private decimal _reservedEstimate;
        private bool _completed;

        // Set when Complete is called: no more rows will come, so the rows submitted are the total (piped input has no count before that).
        private bool _inputEnded;

        public BatchSession(IGptImageClient client, BatchOptions options, CancellationToken cancellationToken)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
            _options = options ?? throw new ArgumentNullException(nameof(options));
            if (options.ThrottleLimit < 1)
                throw new GptImageValidationException(ErrorIds.InvalidThrottleLimit, "ThrottleLimit", options.ThrottleLimit, "a whole number of at least 1");
            if (options.MaxCost is decimal max && max < 0)
                throw new GptImageValidationException(ErrorIds.InvalidMaxCost, "MaxCost", max, "zero or more US dollars");
            if (options.OutputDirectory != null) FileNamer.ValidateTemplate(options.FileNameTemplate);
            _cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _today = (options.Today ?? DateTime.UtcNow).Date;
            _capacity = options.ThrottleLimit + Math.Max(0, options.QueueLimit ?? 2 * options.ThrottleLimit);
            Gate = options.Gate ?? new AdaptiveConcurrencyGate(options.ThrottleLimit);
            string? cacheDirectory = options.EffectiveCacheDirectory;
            Cache = options.NoCache ? null : options.Cache ?? (cacheDirectory is null ? null : new FileResultCache(cacheDirectory));
            if (options.ManifestPath != null) _manifest = new ManifestWriter(options.ManifestPath);
            // A run killed mid-write leaves only temporary files (never a partial image under its final name): sweep them.
            // Each folder is swept one level deep (layout folders, cache shards), so the cache is swept on its own even inside the output folder.
            if (options.OutputDirectory != null) TempFileSweep.RemoveOrphans(options.OutputDirectory);
            if (cacheDirectory != null) TempFileSweep.RemoveOrphans(cacheDirectory);
        }

        /// <summary>The pacing gate. Wire GptImageClientOptions.OnAttempt to its OnAttempt.</summary>
        public IConcurrencyGate Gate { get; }

        /// <summary>The cache in use, or null (-NoCache, or neither an output nor a cache directory).</summary>
        public IResultCache? Cache { get; }

        public BatchSummary Summary { get; } = new BatchSummary();

        public CancellationToken CancellationToken => _cancel.Token;

        /// <summary>
        /// Diagnostics from the client (wire GptImageClientOptions.Log to it): each line is prefixed with the row whose
        /// request it is about and delivered as OnVerbose on the caller's thread with the other events, while the run goes on.
        /// </summary>
        public void Log(string line)
        {
            ImageJob? job = CurrentJob.Value;
            string text = job is null ? line : $"Row {job.RowNumber}: {line}";
            _events.Enqueue(sink => sink.OnVerbose(text));
            _wake.Release();
        }

        /// <summary>Cancels every request in flight at once (StopProcessing).</summary>
        public void Cancel() => _cancel.Cancel();

        /// <summary>
        /// Accepts a row: fills the template, runs the pre-flight checks (a failure is the row's OnError), then
        /// starts it. Returns at once unless the session is at capacity; then it pumps events while waiting.
        /// Throws OperationCanceledException once the session is cancelled.
        /// </summary>
        public void Submit(ImageJob job, IJobSink sink)
        {
            if (job is null) throw new ArgumentNullException(nameof(job));
            if (sink is null) throw new ArgumentNullException(nameof(sink));
            _cancel.Token.ThrowIfCancellationRequested();
            if (_completed) throw new InvalidOperationException("The batch session is already complete.");
            Pump(sink);

            lock (_lock)
            {
                job.RowNumber = job.RowNumber > 0 ? job.RowNumber : _rowCounter + 1;
                _rowCounter = Math.Max(_rowCounter, job.RowNumber);
                Summary.Submitted++;
            }

            try
            {
                if (job.PromptTemplate != null) job.Request.Prompt = PromptTemplate.Fill(job.PromptTemplate, job.SourceFields);
                if (!job.PreflightDone || job.PromptTemplate != null)
                    foreach (string warning in Preflight.Check(job.Request, _today))
                        if (_warned.Add(warning)) sink.OnWarning(warning);
            }
            catch (GptImageValidationException e)
            {
                RecordFailure(job, e, GptImageResult.StatusFailed, e.ErrorId);
                Deliver(sink);
                return;
            }

            while (Volatile.Read(ref _active) >= _capacity)
            {
                _wake.Wait(TimeSpan.FromMilliseconds(250), _cancel.Token);
                Pump(sink);
            }
            Pump(sink); // results of rows that ended while we waited go out before the next row starts
            Interlocked.Increment(ref _active);
            _ = Task.Run(() => RunAsync(job));
        }

        /// <summary>Delivers finished events on the caller's thread; never blocks.</summary>
        public void Pump(IJobSink sink)
        {
            if (sink is null) throw new ArgumentNullException(nameof(sink));
            Deliver(sink);
        }

        /// <summary>Waits for every row, pumping events; then writes the totals (manifest "Total" row, verbose line).</summary>
        public void Complete(IJobSink sink)
        {
            if (sink is null) throw new ArgumentNullException(nameof(sink));
            if (_completed) return;
            lock (_lock) _inputEnded = true;
            _lastProgressKey = null; // show the now-known total at once, not only when the next row finishes
            while (Volatile.Read(ref _active) > 0)
            {
                // No token here: after a cancel, the workers end at once on their own and must still be drained.
                _wake.Wait(TimeSpan.FromMilliseconds(250));
                Deliver(sink);
            }
            Deliver(sink);
            _completed = true;
            Summary.Elapsed = _clock.Elapsed;
            Summary.Cancelled = _cancel.IsCancellationRequested;
            if (Gate is AdaptiveConcurrencyGate adaptive) Summary.RateLimitedAttempts = adaptive.RateLimitedCount;
            if (_manifest != null && Summary.Submitted > 0) _manifest.WriteTotals(Summary);
            sink.OnProgress(Progress());
            sink.OnVerbose("GptImage batch: " + Summary);
        }

        public void Dispose()
        {
            _cancel.Cancel();
            _cancel.Dispose();
        }

        private async Task RunAsync(ImageJob job)
        {
            CurrentJob.Value = job;
            CancellationToken token = _cancel.Token;
            decimal reserved = 0;
            TaskCompletionSource<Outcome>? owned = null;
            string? key = null;
            CostEstimate estimate = CostEstimator.Estimate(job.Request);
            try
            {
                if (!_options.NoCache) key = RequestKey.Compute(job.Request, _options.Endpoint);
                Outcome outcome;
                if (key != null)
                {
                    var mine = new TaskCompletionSource<Outcome>(TaskCreationOptions.RunContinuationsAsynchronously);
                    Task<Outcome> shared = _inFlightByKey.GetOrAdd(key, mine.Task);
                    if (shared != mine.Task)
                    {
                        // An identical row of this run is being requested: wait for it instead of paying again.
                        Outcome first = await shared.ConfigureAwait(false);
                        outcome = new Outcome(first.Result, fromCache: true, first.Cost, estimate.Usd);
                        Emit(job, outcome, key);
                        return;
                    }
                    owned = mine;
                    ImageResult? cached = Cache is null ? null : await Cache.TryGetAsync(key, token).ConfigureAwait(false);
                    if (cached != null)
                    {
                        outcome = new Outcome(cached, fromCache: true, CostCalculator.Actual(cached.Model, cached.Usage), estimate.Usd);
                        owned.TrySetResult(outcome);
                        Emit(job, outcome, key);
                        return;
                    }
                }

                if (!TryReserve(estimate.Usd))
                {
                    var notRun = new GptImageBatchException(ErrorIds.CostLimitReached,
                        $"Row {job.RowNumber} was not run: -MaxCost {_options.MaxCost:0.####} USD would be passed (spent {Summary.ActualCostUsd:0.####}, in flight {_reservedEstimate:0.####}, this row about {estimate.Usd:0.####}).");
                    owned?.TrySetException(notRun);
                    RecordFailure(job, notRun, GptImageResult.StatusNotRun, notRun.ErrorId);
                    return;
                }
                reserved = estimate.Usd;

                ImageResult result;
                // Weighed by its images: an images-per-minute limit counts n, not one, per request.
                using (await Gate.AcquireAsync(Math.Max(1, job.Request.Count ?? 1), token).ConfigureAwait(false))
                {
                    Interlocked.Increment(ref _sending);
                    try
                    {
                        result = job.Request is ImageEditRequest edit
                            ? await _client.EditAsync(edit, token).ConfigureAwait(false)
                            : await _client.GenerateAsync(job.Request, token).ConfigureAwait(false);
                    }
                    finally
                    {
                        Interlocked.Decrement(ref _sending);
                    }
                }
                // Paid for: remember it before anything else can fail, even if the batch is being cancelled.
                if (key != null && Cache != null) await TryCommitAsync(key, result).ConfigureAwait(false);
                decimal? cost = CostCalculator.Actual(result.Model.Length > 0 ? result.Model : job.Request.Model, result.Usage);
                lock (_lock)
                {
                    _reservedEstimate -= reserved;
                    reserved = 0;
                    Summary.ApiCalls++;
                    if (cost is decimal c) Summary.ActualCostUsd += c; else Summary.UnpricedCalls++;
                    if (result.Usage != null) { Summary.InputTokens += result.Usage.InputTokens; Summary.OutputTokens += result.Usage.OutputTokens; }
                }
                outcome = new Outcome(result, fromCache: false, cost, estimate.Usd);
                owned?.TrySetResult(outcome);
                Emit(job, outcome, key);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                owned?.TrySetCanceled();
                lock (_lock) { Summary.NotRun++; _done++; }
            }
            catch (Exception e)
            {
                owned?.TrySetException(e);
                RecordFailure(job, e, GptImageResult.StatusFailed, ErrorIdOf(e));
            }
            finally
            {
                if (reserved != 0) lock (_lock) _reservedEstimate -= reserved;
                if (key != null && owned != null) _inFlightByKey.TryRemove(key, out _);
                Interlocked.Decrement(ref _active);
                _wake.Release();
            }
        }

        /// <summary>
        /// Stores a paid response in the cache. A cache that cannot store it (disk full, no access) costs only a
        /// warning: the response is still delivered and its cost counted, never dropped as a failed row.
        /// </summary>
        private async Task TryCommitAsync(string key, ImageResult result)
        {
            try
            {
                await Cache!.CommitAsync(key, result, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                string warning = $"The cache could not store a paid response (key {key}), so a rerun would request it again: {e.Message}";
                _events.Enqueue(sink => sink.OnWarning(warning));
            }
        }

        /// <summary>Turns one response into results: file written and bytes released when there is an output directory.</summary>
        private void Emit(ImageJob job, Outcome outcome, string? key)
        {
            ImageResult response = outcome.Result;
            int images = Math.Max(1, response.Images.Count);
            foreach (GeneratedImage image in response.Images)
            {
                GptImageResult result = GptImageResult.ForImage(job, response, image);
                result.Status = outcome.FromCache ? GptImageResult.StatusCached : GptImageResult.StatusSucceeded;
                result.FromCache = outcome.FromCache;
                result.CostUsd = outcome.FromCache ? 0m : outcome.Cost / images;
                result.EstimatedCostUsd = outcome.Estimate / images;
                result.Attempts = outcome.FromCache ? 0 : response.Attempts;
                result.RequestKey = key;

                if (_options.OutputDirectory != null)
                {
                    try
                    {
                        ImageFileWriter.Write(result, _options.OutputDirectory, _options.FileNameTemplate, _options.Layout, _options.Force);
                    }
                    catch (Exception e) when (e is GptImageBatchException || e is GptImageValidationException || e is IOException || e is UnauthorizedAccessException)
                    {
                        result.Bytes = null;
                        result.Status = GptImageResult.StatusFailed;
                        result.ErrorId = ErrorIdOf(e);
                        result.ErrorMessage = e.Message;
                        _manifest?.Write(result);
                        _events.Enqueue(sink => sink.OnError(job, e));
                        continue;
                    }
                }
                _manifest?.Write(result);
                _events.Enqueue(sink => sink.OnResult(result));
            }
            lock (_lock)
            {
                if (outcome.FromCache) { Summary.Cached++; Summary.SavedCostUsd += outcome.Cost ?? 0m; }
                else Summary.Succeeded++;
                Summary.Images += response.Images.Count;
                _done++;
            }
        }

        private void RecordFailure(ImageJob job, Exception error, string status, string errorId)
        {
            GptImageResult row = GptImageResult.ForFailure(job, status, errorId, error.Message);
            row.EstimatedCostUsd = null;
            _manifest?.Write(row);
            lock (_lock)
            {
                if (status == GptImageResult.StatusNotRun) { Summary.NotRun++; if (errorId == ErrorIds.CostLimitReached) Summary.CostLimitReached = true; }
                else Summary.Failed++;
                _done++;
            }
            _events.Enqueue(sink => sink.OnError(job, error));
        }

        /// <summary>-MaxCost: once spend plus what is in flight would pass the limit, no new request is issued.</summary>
        private bool TryReserve(decimal estimate)
        {
            lock (_lock)
            {
                if (_options.MaxCost is decimal max)
                {
                    if (Summary.CostLimitReached || Summary.ActualCostUsd + _reservedEstimate + estimate > max)
                    {
                        Summary.CostLimitReached = true;
                        return false;
                    }
                }
                _reservedEstimate += estimate;
                return true;
            }
        }

        private void Deliver(IJobSink sink)
        {
            while (_events.TryDequeue(out var deliver)) deliver(sink);
            if (Summary.Submitted == 0) return; // nothing to show before the first row
            BatchProgress progress = Progress();
            string key = progress.ChangeKey;
            if (key == _lastProgressKey && _clock.Elapsed - _lastProgressAt < TimeSpan.FromSeconds(1)) return;
            _lastProgressKey = key;
            _lastProgressAt = _clock.Elapsed;
            sink.OnProgress(progress);
        }

        private BatchProgress Progress()
        {
            lock (_lock)
            {
                TimeSpan elapsed = _clock.Elapsed;
                int? total = _options.ExpectedTotal ?? (_inputEnded ? Summary.Submitted : (int?)null);
                TimeSpan? remaining = total is int t && _done > 0 && t >= _done
                    ? TimeSpan.FromTicks(elapsed.Ticks / _done * (t - _done)) : (TimeSpan?)null;
                double? perMinute = _done > 0 && elapsed > TimeSpan.Zero ? _done / elapsed.TotalMinutes : (double?)null;
                int sending = Volatile.Read(ref _sending);
                DateTimeOffset? limitedUntil = (Gate as AdaptiveConcurrencyGate)?.RateLimitedUntil;
                // Rows held back by the rate limit cannot finish before it lets them go, whatever the pace so far says.
                if (remaining is TimeSpan pace && limitedUntil is DateTimeOffset until && until - DateTimeOffset.UtcNow > pace)
                    remaining = until - DateTimeOffset.UtcNow;
                return new BatchProgress
                {
                    Done = _done,
                    Total = total,
                    Submitted = Summary.Submitted,
                    InFlight = sending,
                    Queued = Math.Max(0, Volatile.Read(ref _active) - sending),
                    RateLimitedUntil = limitedUntil,
                    Succeeded = Summary.Succeeded,
                    Cached = Summary.Cached,
                    Failed = Summary.Failed,
                    NotRun = Summary.NotRun,
                    Elapsed = elapsed,
                    Remaining = remaining,
                    RowsPerMinute = perMinute,
                    ActualCostUsd = Summary.ActualCostUsd,
                };
            }
        }

        internal static string ErrorIdOf(Exception e) => e switch
        {
            GptImageApiException api => api.ErrorId,
            GptImageValidationException validation => validation.ErrorId,
            GptImageBatchException batch => batch.ErrorId,
            IOException _ => ErrorIds.WriteFailed,
            UnauthorizedAccessException _ => ErrorIds.WriteFailed,
            _ => ErrorIds.UnexpectedError,
        };

        private sealed class Outcome
        {
            public Outcome(ImageResult result, bool fromCache, decimal? cost, decimal estimate)
            {
                Result = result;
                FromCache = fromCache;
                Cost = cost;
                Estimate = estimate;
            }

            /// <summary>The estimate made before sending (for the manifest's EstimatedCostUsd).</summary>
            public decimal Estimate { get; }

            public ImageResult Result { get; }
            public bool FromCache { get; }
            public decimal? Cost { get; }
        }
    }
}
