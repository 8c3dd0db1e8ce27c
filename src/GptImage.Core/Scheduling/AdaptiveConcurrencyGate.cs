using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace GptImage.Orchestration
{
    /// <summary>
    /// Paces a batch at the account's rate limit. Fed by the client after every HTTP attempt
    /// (wire GptImageClientOptions.OnAttempt = gate.OnAttempt), it applies four rules:
    /// <list type="bullet">
    /// <item>Window mirror (slows down before the limit): once x-ratelimit-limit-requests (or -images) is known, the
    /// gate keeps the send times of this batch's admitted attempts (every answer but a 429) and lets a new request
    /// go only while those of the last minute plus the requests in flight stay under the limit; otherwise it waits
    /// until the oldest leaves the window.</item>
    /// <item>x-ratelimit-remaining-* of 0 (someone else shares the key) pauses new requests until its reset time.</item>
    /// <item>AIMD on the number in flight: each success adds 1/limit, each 429 rate_limit_exceeded halves it (once
    /// per back-off window); never above the ceiling (-ThrottleLimit) nor below 1.</item>
    /// <item>A 429's Retry-After pauses every new request, not just the retried one.</item>
    /// </list>
    /// 429 insufficient_quota is money, not speed: it changes nothing here.
    /// </summary>
    public sealed class AdaptiveConcurrencyGate : IConcurrencyGate
    {
        /// <summary>OpenAI's limits are per minute.</summary>
        public static readonly TimeSpan LimitWindow = TimeSpan.FromMinutes(1);

        private readonly object _lock = new object();
        private readonly Func<DateTimeOffset> _clock;
        private readonly Queue<DateTimeOffset> _admittedSends = new Queue<DateTimeOffset>();
        private TaskCompletionSource<bool> _changed = NewSignal();
        private double _limit;
        private int _inFlight;
        private int? _windowLimit;
        private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
        private DateTimeOffset _lastDecrease = DateTimeOffset.MinValue;

        /// <param name="ceiling">-ThrottleLimit: never more requests in flight than this.</param>
        /// <param name="initial">Starting limit; default the ceiling (the headers and 429s pull it down when needed).</param>
        /// <param name="clock">For tests; default the system clock.</param>
        public AdaptiveConcurrencyGate(int ceiling, int? initial = null, Func<DateTimeOffset>? clock = null)
        {
            if (ceiling < 1) throw new GptImageValidationException(ErrorIds.InvalidThrottleLimit, "ThrottleLimit", ceiling, "a whole number of at least 1");
            Ceiling = ceiling;
            _limit = Math.Max(1, Math.Min(ceiling, initial ?? ceiling));
            _clock = clock ?? (() => DateTimeOffset.UtcNow);
        }

        public int Ceiling { get; }

        /// <summary>The current limit on requests in flight (whole part of the AIMD value).</summary>
        public int CurrentLimit { get { lock (_lock) return (int)_limit; } }

        public int InFlight { get { lock (_lock) return _inFlight; } }

        /// <summary>Requests per minute announced by the server (x-ratelimit-limit-*), once seen.</summary>
        public int? WindowLimit { get { lock (_lock) return _windowLimit; } }

        /// <summary>429 rate-limit answers seen (retried attempts included).</summary>
        public int RateLimitedCount { get { lock (_lock) return _rateLimited; } }
        private int _rateLimited;

        /// <summary>Attempts reported through <see cref="OnAttempt"/>.</summary>
        public int Attempts { get { lock (_lock) return _attempts; } }
        private int _attempts;

        public async Task<IDisposable> AcquireAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Task changed;
                TimeSpan wait;
                lock (_lock)
                {
                    wait = WaitNeeded(_clock());
                    if (wait <= TimeSpan.Zero)
                    {
                        _inFlight++;
                        return new Lease(this);
                    }
                    changed = _changed.Task;
                }
                // Woken by a finished request or new feedback, or when the computed wait ends (re-checked at least every second).
                TimeSpan timeout = wait > TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait;
                using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                Task delay = Task.Delay(timeout, cts.Token);
                await Task.WhenAny(changed, delay).ConfigureAwait(false);
                cts.Cancel();
            }
        }

        public void OnAttempt(HttpAttemptInfo attempt)
        {
            if (attempt is null) return;
            lock (_lock)
            {
                _attempts++;
                DateTimeOffset now = _clock();
                DateTimeOffset sent = now - attempt.Elapsed;
                bool quota = string.Equals(attempt.ErrorCode, "insufficient_quota", StringComparison.OrdinalIgnoreCase);
                if (attempt.StatusCode == 429 && !quota)
                {
                    _rateLimited++;
                    TimeSpan pause = attempt.RetryAfter ?? TimeSpan.FromSeconds(1);
                    if (now + pause > _pausedUntil) _pausedUntil = now + pause;
                    // Answers to requests sent before the first 429 arrive together: one decrease per back-off window.
                    if (now >= _lastDecrease + pause)
                    {
                        _limit = Math.Max(1, _limit / 2);
                        _lastDecrease = now;
                    }
                }
                else
                {
                    // Everything but a rate-limit answer was counted by the server's window when it arrived.
                    if (attempt.StatusCode != 429) _admittedSends.Enqueue(sent);
                    if (attempt.StatusCode >= 200 && attempt.StatusCode < 300) _limit = Math.Min(Ceiling, _limit + 1.0 / _limit);
                }
                ReadHeaders(attempt.RateLimit, sent);
                Signal();
            }
        }

        private void ReadHeaders(RateLimitInfo? info, DateTimeOffset sent)
        {
            if (info is null) return;
            int? limit = Min(info.LimitRequests, info.LimitImages);
            if (limit is int l && l > 0) _windowLimit = l;
            // The server computed remaining and reset when the request arrived, not when the answer came back.
            if (info.RemainingRequests == 0 && info.ResetRequests is TimeSpan r1 && sent + r1 > _pausedUntil) _pausedUntil = sent + r1;
            if (info.RemainingImages == 0 && info.ResetImages is TimeSpan r2 && sent + r2 > _pausedUntil) _pausedUntil = sent + r2;
        }

        private TimeSpan WaitNeeded(DateTimeOffset now)
        {
            if (_pausedUntil > now) return _pausedUntil - now;
            if (_inFlight >= (int)_limit) return TimeSpan.FromSeconds(1);
            while (_admittedSends.Count > 0 && now - _admittedSends.Peek() >= LimitWindow) _admittedSends.Dequeue();
            if (_windowLimit is int limit && _admittedSends.Count + _inFlight >= limit)
            {
                if (_admittedSends.Count == 0) return TimeSpan.FromSeconds(1);
                TimeSpan untilOldestLeaves = _admittedSends.Peek() + LimitWindow - now;
                return untilOldestLeaves > TimeSpan.Zero ? untilOldestLeaves : TimeSpan.FromMilliseconds(1);
            }
            return TimeSpan.Zero;
        }

        private void Release()
        {
            lock (_lock)
            {
                _inFlight--;
                Signal();
            }
        }

        private void Signal()
        {
            var old = _changed;
            _changed = NewSignal();
            old.TrySetResult(true);
        }

        private static TaskCompletionSource<bool> NewSignal() => new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        private static int? Min(int? a, int? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

        private sealed class Lease : IDisposable
        {
            private AdaptiveConcurrencyGate? _gate;
            public Lease(AdaptiveConcurrencyGate gate) => _gate = gate;
            public void Dispose() => Interlocked.Exchange(ref _gate, null)?.Release();
        }
    }
}
