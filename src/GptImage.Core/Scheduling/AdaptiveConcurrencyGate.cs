using System;
using System.Threading;
using System.Threading.Tasks;

namespace GptImage.Orchestration
{
    /// <summary>
    /// Paces a batch at the account's rate limit. Three rules, fed by the client after every HTTP attempt
    /// (wire GptImageClientOptions.OnAttempt = gate.OnAttempt):
    /// <list type="bullet">
    /// <item>AIMD on the number of requests in flight: each success adds 1/limit (about +1 per round trip), each
    /// 429 rate_limit_exceeded halves it (at most once per back-off window), never above the ceiling (-ThrottleLimit)
    /// or below 1.</item>
    /// <item>A 429's Retry-After pauses every new request until it has passed, not just the retried one.</item>
    /// <item>x-ratelimit-remaining-requests / -images: when the requests issued since the last header would use up
    /// what remained, new requests wait for the header's reset time (slowing down before the limit, not after).</item>
    /// </list>
    /// 429 insufficient_quota is money, not speed: it changes nothing here.
    /// </summary>
    public sealed class AdaptiveConcurrencyGate : IConcurrencyGate
    {
        private readonly object _lock = new object();
        private readonly Func<DateTimeOffset> _clock;
        private TaskCompletionSource<bool> _changed = NewSignal();
        private double _limit;
        private int _inFlight;
        private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
        private DateTimeOffset _lastDecrease = DateTimeOffset.MinValue;
        private int? _headerRemaining;
        private int _issuedSinceHeader;
        private DateTimeOffset _headerResetAt = DateTimeOffset.MinValue;

        /// <param name="ceiling">-ThrottleLimit: never more requests in flight than this.</param>
        /// <param name="initial">Starting limit; default the ceiling (the headers and 429s pull it down when needed).</param>
        /// <param name="clock">For tests; default the system clock.</param>
        public AdaptiveConcurrencyGate(int ceiling, int? initial = null, Func<DateTimeOffset>? clock = null)
        {
            if (ceiling < 1) throw new GptImageValidationException(ErrorIds.InvalidCount, "ThrottleLimit", ceiling, "a whole number of at least 1");
            Ceiling = ceiling;
            _limit = Math.Max(1, Math.Min(ceiling, initial ?? ceiling));
            _clock = clock ?? (() => DateTimeOffset.UtcNow);
        }

        public int Ceiling { get; }

        /// <summary>The current limit on requests in flight (whole part of the AIMD value).</summary>
        public int CurrentLimit { get { lock (_lock) return (int)_limit; } }

        public int InFlight { get { lock (_lock) return _inFlight; } }

        /// <summary>429 rate-limit answers seen (retried attempts included).</summary>
        public int RateLimitedCount { get; private set; }

        /// <summary>Attempts reported through <see cref="OnAttempt"/>.</summary>
        public int Attempts { get; private set; }

        public async Task<IDisposable> AcquireAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Task changed;
                TimeSpan wait;
                lock (_lock)
                {
                    DateTimeOffset now = _clock();
                    wait = WaitNeeded(now);
                    if (wait <= TimeSpan.Zero)
                    {
                        _inFlight++;
                        if (_headerRemaining.HasValue) _issuedSinceHeader++;
                        return new Lease(this);
                    }
                    changed = _changed.Task;
                }
                // Woken by a finished request or new feedback; otherwise when the pause ends (re-checked at least every second).
                TimeSpan timeout = wait == TimeSpan.MaxValue || wait > TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait;
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
                Attempts++;
                DateTimeOffset now = _clock();
                bool quota = string.Equals(attempt.ErrorCode, "insufficient_quota", StringComparison.OrdinalIgnoreCase);
                if (attempt.StatusCode == 429 && !quota)
                {
                    RateLimitedCount++;
                    TimeSpan pause = attempt.RetryAfter ?? TimeSpan.FromSeconds(1);
                    if (now + pause > _pausedUntil) _pausedUntil = now + pause;
                    // Answers to requests sent before the first 429 arrive together: one decrease per back-off window.
                    if (now >= _lastDecrease + pause)
                    {
                        _limit = Math.Max(1, _limit / 2);
                        _lastDecrease = now;
                    }
                }
                else if (attempt.StatusCode >= 200 && attempt.StatusCode < 300)
                {
                    _limit = Math.Min(Ceiling, _limit + 1.0 / _limit);
                }
                ReadHeaders(attempt.RateLimit, now);
                Signal();
            }
        }

        private void ReadHeaders(RateLimitInfo? info, DateTimeOffset now)
        {
            if (info is null) return;
            int? remaining = Min(info.RemainingRequests, info.RemainingImages);
            TimeSpan? reset = MaxSpan(info.RemainingRequests == remaining ? info.ResetRequests : null, info.RemainingImages == remaining ? info.ResetImages : null);
            if (remaining is null) return;
            _headerRemaining = remaining;
            _issuedSinceHeader = 0;
            _headerResetAt = now + (reset ?? TimeSpan.FromSeconds(1));
        }

        private TimeSpan WaitNeeded(DateTimeOffset now)
        {
            if (_pausedUntil > now) return _pausedUntil - now;
            if (_inFlight >= (int)_limit) return TimeSpan.MaxValue;
            if (_headerRemaining.HasValue)
            {
                if (now >= _headerResetAt) _headerRemaining = null; // the window has reset: the next answer tells us more
                else if (_headerRemaining.Value - _issuedSinceHeader <= 0) return _headerResetAt - now;
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

        private static TimeSpan? MaxSpan(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : (a > b ? a : b);

        private sealed class Lease : IDisposable
        {
            private AdaptiveConcurrencyGate? _gate;
            public Lease(AdaptiveConcurrencyGate gate) => _gate = gate;
            public void Dispose() => Interlocked.Exchange(ref _gate, null)?.Release();
        }
    }
}
