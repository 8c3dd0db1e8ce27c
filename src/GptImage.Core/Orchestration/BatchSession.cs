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
        // Aborts requests in flight: Ctrl+C, or the end of the grace period after an early stop.
        private readonly CancellationTokenSource _abort;
        // No new request goes out: an early stop (Dispose before Complete) or an abort.
        private readonly CancellationTokenSource _stopSending;
        private readonly ConcurrentQueue<Action<IJobSink>> _events = new ConcurrentQueue<Action<IJobSink>>();
        private readonly SemaphoreSlim _wake = new SemaphoreSlim(0);
        private readonly ConcurrentDictionary<string, Task<Outcome>> _inFlightByKey = new ConcurrentDictionary<string, Task<Outcome>>();
        private readonly ManifestWriter? _manifest;
        // Where a paid answer goes when the cache cannot store it; looked in before paying. Null without a cache.
        private readonly FileResultCache? _fallback;
        private readonly PathClaims _claims = new PathClaims();
        private readonly HashSet<string> _warned = new HashSet<string>(StringComparer.Ordinal);
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly object _lock = new object();
        private readonly DateTime _today;
        private readonly int _capacity;
        private int _active;
        // Of the rows active, those whose request is being sent (past the gate): the "in flight" of the progress bar.
        private int _sending;
        // Rows waiting to be tried again (see SendAsync): they hold no request slot, so Submit may take more rows meanwhile.
        private int _waitingToRetry;
        private bool _disposed;
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
            if (options.RetryTimeout < TimeSpan.Zero)
                throw new GptImageValidationException(ErrorIds.InvalidSetting, "RetryTimeoutSec", options.RetryTimeout, "zero or more seconds");
            _abort = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _stopSending = CancellationTokenSource.CreateLinkedTokenSource(_abort.Token);
            _today = (options.Today ?? DateTime.UtcNow).Date;
            Now = () => _clock.Elapsed;
            _capacity = options.ThrottleLimit + Math.Max(0, options.QueueLimit ?? 2 * options.ThrottleLimit);
            Gate = options.Gate ?? new AdaptiveConcurrencyGate(options.ThrottleLimit);
            string? cacheDirectory = options.EffectiveCacheDirectory;
            Cache = options.NoCache ? null : options.Cache ?? (cacheDirectory is null ? null : new FileResultCache(cacheDirectory));
            // Before anything is paid for: a folder that cannot be written would lose every answer.
            if (options.OutputDirectory != null) WriteProbe.Check(options.OutputDirectory, "OutputDirectory");
            if (Cache is FileResultCache own && options.Cache is null) WriteProbe.Check(own.Directory, "CacheDirectory");
            if (Cache != null) _fallback = new FileResultCache(options.FallbackCacheDirectory ?? FallbackCacheLocation.Default);
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

        public CancellationToken CancellationToken => _abort.Token;

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

        /// <summary>Cancels every request in flight at once (StopProcessing); answers that already arrived are still cached.</summary>
        public void Cancel() => _abort.Cancel();

        /// <summary>The wait before a row is tried again; tests replace it (with <see cref="Now"/>) so that they do not sleep.</summary>
        internal Func<TimeSpan, CancellationToken, Task> DelayAsync { get; set; } = (delay, token) => Task.Delay(delay, token);

        /// <summary>The clock the retry budget is measured on.</summary>
        internal Func<TimeSpan> Now { get; set; }

        /// <summary>
        /// Accepts a row: fills the template, runs the pre-flight checks (a failure is the row's OnError), then
        /// starts it. Returns at once unless the session is at capacity; then it pumps events while waiting.
        /// Throws OperationCanceledException once the session is cancelled.
        /// </summary>
        public void Submit(ImageJob job, IJobSink sink)
        {
            if (job is null) throw new ArgumentNullException(nameof(job));
            if (sink is null) throw new ArgumentNullException(nameof(sink));
            _stopSending.Token.ThrowIfCancellationRequested();
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

            while (Volatile.Read(ref _active) - Volatile.Read(ref _waitingToRetry) >= _capacity)
            {
                _wake.Wait(TimeSpan.FromMilliseconds(250), _stopSending.Token);
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

        /// <summary>Waits for every row, pumping events; then writes the manifest (the run's ledger, see <see cref="ManifestWriter"/>) and the totals to verbose.</summary>
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
            Summary.Cancelled = _abort.IsCancellationRequested;
            if (Gate is AdaptiveConcurrencyGate adaptive) Summary.RateLimitedAttempts = adaptive.RateLimitedCount;
            if (_manifest != null && Summary.Submitted > 0) _manifest.Commit();
            sink.OnProgress(Progress());
            sink.OnVerbose("GptImage batch: " + Summary);
        }

        /// <summary>
        /// Ends the session. Stopped early (Select-Object -First, a terminating error, before Complete): nothing new is
        /// sent, and requests already sent, which are being paid for, get up to <see cref="BatchOptions.StopGracePeriod"/>
        /// to answer, so their images reach the cache (and the output folder) for the rerun. After Ctrl+C (an abort)
        /// only answers already arriving are waited for, briefly.
        /// </summary>
        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            _stopSending.Cancel();
            if (!_abort.IsCancellationRequested) WaitForWorkers(_options.StopGracePeriod);
            _abort.Cancel();
            // Workers still running would use the token sources: leave those to the garbage collector then.
            if (WaitForWorkers(AbortedAnswerWait))
            {
                _stopSending.Dispose();
                _abort.Dispose();
            }
        }

        /// <summary>After an abort, how long answers already read get to reach the cache.</summary>
        private static readonly TimeSpan AbortedAnswerWait = TimeSpan.FromSeconds(5);

        private bool WaitForWorkers(TimeSpan limit)
        {
            var waited = Stopwatch.StartNew();
            while (Volatile.Read(ref _active) > 0)
            {
                TimeSpan left = limit - waited.Elapsed;
                if (left <= TimeSpan.Zero) return false;
                _wake.Wait(left < TimeSpan.FromMilliseconds(100) ? left : TimeSpan.FromMilliseconds(100));
            }
            return true;
        }

        private async Task RunAsync(ImageJob job)
        {
            CurrentJob.Value = job;
            CancellationToken token = _abort.Token;
            CancellationToken sending = _stopSending.Token;
            decimal reserved = 0;
            TaskCompletionSource<Outcome>? owned = null;
            string? key = null;
            // Held while this process requests the key's answer, so that another run sharing the cache waits for it.
            RequestLock? requestLock = null;
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
                        outcome = new Outcome(first.Result, fromCache: true, first.Cost, estimate.Usd, first.KeptIn);
                        Emit(job, outcome, key);
                        return;
                    }
                    owned = mine;
                    (ImageResult? Result, string? KeptIn) hit = Cache is null ? default : await LookUpAsync(key, token).ConfigureAwait(false);
                    if (hit.Result is ImageResult cached)
                    {
                        outcome = new Outcome(cached, fromCache: true, CostCalculator.Actual(cached, job.Request.Model), estimate.Usd, hit.KeptIn);
                        owned.TrySetResult(outcome);
                        Emit(job, outcome, key);
                        return;
                    }
                    if (Cache is FileResultCache sharedCache)
                    {
                        (ImageResult? Answer, RequestLock? Lock) claim = await ClaimRequestAsync(sharedCache, job, key, sending).ConfigureAwait(false);
                        if (claim.Answer is ImageResult theirs)
                        {
                            outcome = new Outcome(theirs, fromCache: true, CostCalculator.Actual(theirs, job.Request.Model), estimate.Usd, CacheName);
                            owned.TrySetResult(outcome);
                            Emit(job, outcome, key);
                            return;
                        }
                        requestLock = claim.Lock;
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

                ImageResult result = await SendAsync(job, sending, token).ConfigureAwait(false);
                // Paid for: remember it before anything else can fail, even if the batch is being cancelled.
                string? keptIn = key != null && Cache != null ? await TryCommitAsync(key, result).ConfigureAwait(false) : null;
                requestLock?.Dispose();
                decimal? cost = CostCalculator.Actual(result, job.Request.Model);
                lock (_lock)
                {
                    _reservedEstimate -= reserved;
                    reserved = 0;
                    Summary.ApiCalls++;
                    if (cost is decimal c) Summary.ActualCostUsd += c; else Summary.UnpricedCalls++;
                    if (result.Usage != null) { Summary.InputTokens += result.Usage.InputTokens; Summary.OutputTokens += result.Usage.OutputTokens; }
                }
                outcome = new Outcome(result, fromCache: false, cost, estimate.Usd, keptIn);
                owned?.TrySetResult(outcome);
                Emit(job, outcome, key);
            }
            catch (OperationCanceledException) when (sending.IsCancellationRequested)
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
                requestLock?.Dispose();
                if (reserved != 0) lock (_lock) _reservedEstimate -= reserved;
                if (key != null && owned != null) _inFlightByKey.TryRemove(key, out _);
                Interlocked.Decrement(ref _active);
                _wake.Release();
            }
        }

        /// <summary>
        /// Sends a row's request. One that failed for a passing reason (a rate limit, a server error, a dropped
        /// connection, a timeout) after the client's own quick retries waits the server's Retry-After (else a pause
        /// that grows to a minute) and goes again, while the other rows go on, until <see cref="BatchOptions.RetryTimeout"/>
        /// since its first attempt is spent; only then is it a failed row. An empty wallet, 4xx answers and refused
        /// content fail at once. No request is sent once <paramref name="sending"/> is cancelled; <paramref name="abort"/>
        /// cancels one in flight.
        /// </summary>
        private async Task<ImageResult> SendAsync(ImageJob job, CancellationToken sending, CancellationToken abort)
        {
            TimeSpan started = Now();
            for (int round = 1; ; round++)
            {
                try
                {
                    // Weighed by its images: an images-per-minute limit counts n, not one, per request.
                    using (await Gate.AcquireAsync(Math.Max(1, job.Request.Count ?? 1), sending).ConfigureAwait(false))
                    {
                        sending.ThrowIfCancellationRequested();
                        Interlocked.Increment(ref _sending);
                        try
                        {
                            if (job.Request is ConversationTurnRequest turn)
                                return await (_client as IConversationClient
                                    ?? throw new NotSupportedException("This client cannot send conversation turns (it is no IConversationClient)."))
                                    .RespondAsync(turn, abort).ConfigureAwait(false);
                            return job.Request is ImageEditRequest edit
                                ? await _client.EditAsync(edit, abort).ConfigureAwait(false)
                                : await _client.GenerateAsync(job.Request, abort).ConfigureAwait(false);
                        }
                        finally
                        {
                            Interlocked.Decrement(ref _sending);
                        }
                    }
                }
                catch (GptImageApiException e) when (e.IsTransient)
                {
                    TimeSpan wait = RetryDelay.Before(round, e.RetryAfter);
                    TimeSpan spent = Now() - started;
                    if (spent + wait > _options.RetryTimeout) throw;
                    string note = $"Row {job.RowNumber}: {e.ErrorId} ({e.Message}); trying it again in {wait.TotalSeconds:0.#} s, while other rows go on "
                        + $"({(_options.RetryTimeout - spent).TotalSeconds:0} s of the retry time left).";
                    _events.Enqueue(sink => sink.OnVerbose(note));
                    Interlocked.Increment(ref _waitingToRetry);
                    _wake.Release();
                    try
                    {
                        await DelayAsync(wait, sending).ConfigureAwait(false);
                    }
                    finally
                    {
                        Interlocked.Decrement(ref _waitingToRetry);
                    }
                }
            }
        }

        /// <summary>How often a row waiting for another run's answer looks for it.</summary>
        private static readonly TimeSpan SharedAnswerPoll = TimeSpan.FromMilliseconds(250);

        /// <summary>
        /// Runs sharing a cache folder share the work: the row takes the key's lock file and is sent, or, while another
        /// live process holds it, waits for that process's answer to reach the cache (and takes the lock over if its
        /// owner dies or stops its heartbeat). A cache folder where no lock can be written sends the row unlocked.
        /// </summary>
        private async Task<(ImageResult? Answer, RequestLock? Lock)> ClaimRequestAsync(FileResultCache cache, ImageJob job, string key, CancellationToken sending)
        {
            string path = cache.LockPath(key);
            bool announced = false;
            while (true)
            {
                RequestLock? held;
                try
                {
                    held = RequestLock.TryTake(path);
                }
                catch (Exception e) when (WriteFailure.IsWriteError(e))
                {
                    return (null, null);
                }
                if (held != null)
                {
                    // The other run may have finished between this row's cache miss and the lock.
                    ImageResult? late = await cache.TryGetAsync(key, sending).ConfigureAwait(false);
                    if (late is null) return (null, held);
                    held.Dispose();
                    return (late, null);
                }
                if (!announced)
                {
                    announced = true;
                    string note = $"Row {job.RowNumber}: another run sharing the cache '{cache.Directory}' is requesting the same image; waiting for its answer instead of paying again.";
                    _events.Enqueue(sink => sink.OnVerbose(note));
                }
                await Task.Delay(SharedAnswerPoll, sending).ConfigureAwait(false);
                ImageResult? answer = await cache.TryGetAsync(key, sending).ConfigureAwait(false);
                if (answer != null) return (answer, null);
            }
        }

        /// <summary>
        /// The cache's entry for the key, else the fallback cache's (an answer an earlier run could not store where
        /// it was asked), moved back into the cache when it can take it now. Returns the folder it is kept in.
        /// </summary>
        private async Task<(ImageResult? Result, string? KeptIn)> LookUpAsync(string key, CancellationToken token)
        {
            ImageResult? cached = await Cache!.TryGetAsync(key, token).ConfigureAwait(false);
            if (cached != null) return (cached, CacheName);
            if (_fallback is null) return (null, null);
            cached = await _fallback.TryGetAsync(key, token).ConfigureAwait(false);
            if (cached is null) return (null, null);
            try
            {
                await Cache.CommitAsync(key, cached, CancellationToken.None).ConfigureAwait(false);
                _fallback.Remove(key);
                return (cached, CacheName);
            }
            catch (Exception e) when (WriteFailure.IsWriteError(e))
            {
                return (cached, _fallback.Directory);
            }
        }

        private string CacheName => Cache is FileResultCache files ? files.Directory : "the result cache";

        /// <summary>
        /// Stores a paid response in the cache, or, when the cache cannot store it (disk full, no access), in the
        /// fallback cache, with a warning that says where. Returns the folder it is kept in (null: nowhere). The
        /// response is delivered and its cost counted either way, never dropped as a failed row.
        /// </summary>
        private async Task<string?> TryCommitAsync(string key, ImageResult result)
        {
            Exception refused;
            try
            {
                await Cache!.CommitAsync(key, result, CancellationToken.None).ConfigureAwait(false);
                return CacheName;
            }
            catch (Exception e) when (WriteFailure.IsWriteError(e))
            {
                refused = e;
            }
            string warning = $"The cache '{CacheName}' could not store a paid response (key {key}): {refused.Message}";
            try
            {
                if (_fallback is null) throw refused;
                await _fallback.CommitAsync(key, result, CancellationToken.None).ConfigureAwait(false);
                _events.Enqueue(sink => sink.OnWarning(warning + $" It is kept in the fallback cache '{_fallback.Directory}', where a rerun finds it without paying again."));
                return _fallback.Directory;
            }
            catch (Exception e) when (WriteFailure.IsWriteError(e))
            {
                string nowhere = e == refused ? string.Empty : $" Nor could the fallback cache '{_fallback!.Directory}': {e.Message}";
                _events.Enqueue(sink => sink.OnWarning(warning + nowhere + " A rerun would request it again."));
                return null;
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
                        string kept = outcome.KeptIn is null
                            ? " The image is not kept anywhere else."
                            : $" The image is kept in the cache '{outcome.KeptIn}': rerun the same command once the folder can be written, and it is written without paying again.";
                        ImageFileWriter.Write(result, _options.OutputDirectory, _options.FileNameTemplate, _options.Layout, _options.Force, _claims, kept);
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
            public Outcome(ImageResult result, bool fromCache, decimal? cost, decimal estimate, string? keptIn)
            {
                KeptIn = keptIn;
                Result = result;
                FromCache = fromCache;
                Cost = cost;
                Estimate = estimate;
            }

            /// <summary>The estimate made before sending (for the manifest's EstimatedCostUsd).</summary>
            public decimal Estimate { get; }

            public ImageResult Result { get; }

            /// <summary>The cache folder that holds this answer (null: none), for the message when its file cannot be written.</summary>
            public string? KeptIn { get; }
            public bool FromCache { get; }
            public decimal? Cost { get; }
        }
    }
}
