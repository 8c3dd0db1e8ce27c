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
    /// <item>Window mirror (slows down before the limit): once x-ratelimit-limit-requests and/or -images is known, the
    /// gate keeps the send times of this batch's admitted attempts (every answer but a 429), each with the images it
    /// asked for, and lets a new request go only while each announced limit holds for the last minute plus the
    /// requests in flight plus the new one: the requests limit counts every request as one, the images limit counts
    /// its images (n, given to <see cref="AcquireAsync(int, CancellationToken)"/>), and when both are announced both
    /// must hold. Otherwise it waits until enough sends leave the window. A request that makes more images than the
    /// whole limit still goes, alone, once nothing is in the window or in flight (it could never fit otherwise).</item>
    /// <item>x-ratelimit-remaining-* of 0 (someone else shares the key) pauses new requests until its reset time.</item>
    /// <item>AIMD on the number in flight: each success adds 1/limit, each 429 rate_limit_exceeded halves it (once
    /// per back-off window); never above the ceiling (-ThrottleLimit) nor below 1.</item>
    /// <item>A 429's Retry-After pauses every new request, not just the retried one.</item>
    /// </list>
    /// 429 insufficient_quota is money, not speed: it changes nothing here.
    /// </summary>
    public sealed class AdaptiveConcurrencyGate : IImageWeightedGate
    {
        /// <summary>OpenAI's limits are per minute.</summary>
        public static readonly TimeSpan LimitWindow = TimeSpan.FromMinutes(1);

        private readonly object _lock = new object();
        private readonly Func<DateTimeOffset> _clock;
        private readonly Queue<(DateTimeOffset Sent, int Images)> _admittedSends = new Queue<(DateTimeOffset, int)>();
        private TaskCompletionSource<bool> _changed = NewSignal();
        private double _limit;
        private int _inFlight;
        private int _inFlightImages;
        private int _waiting;
        private int? _requestLimit;
        private int? _imageLimit;
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

        /// <summary>The smaller of the per-minute limits announced by the server (x-ratelimit-limit-*), once seen.</summary>
        public int? WindowLimit { get { lock (_lock) return Min(_requestLimit, _imageLimit); } }

        /// <summary>Requests per minute announced by the server (x-ratelimit-limit-requests), once seen.</summary>
        public int? RequestsPerMinuteLimit { get { lock (_lock) return _requestLimit; } }

        /// <summary>Images per minute announced by the server (x-ratelimit-limit-images), once seen.</summary>
        public int? ImagesPerMinuteLimit { get { lock (_lock) return _imageLimit; } }

        /// <summary>Images the requests in flight will make.</summary>
        public int InFlightImages { get { lock (_lock) return _inFlightImages; } }

        /// <summary>429 rate-limit answers seen (retried attempts included).</summary>
        public int RateLimitedCount { get { lock (_lock) return _rateLimited; } }
        private int _rateLimited;

        /// <summary>Attempts reported through <see cref="OnAttempt"/>.</summary>
        public int Attempts { get { lock (_lock) return _attempts; } }
        private int _attempts;

        /// <summary>
        /// While some request waits because of the rate limit (a 429's pause, a remaining count of 0, or a full window):
        /// when the first of them may go, as far as is known now. Null when nothing waits for the limit (only for a free
        /// slot, or not at all). The progress bar says it, so a long pause is never a silent one.
        /// </summary>
        public DateTimeOffset? RateLimitedUntil
        {
            get
            {
                lock (_lock)
                {
                    if (_waiting == 0) return null;
                    DateTimeOffset now = _clock();
                    TimeSpan wait = RateLimitWait(now, 1);
                    return wait > TimeSpan.Zero ? now + wait : (DateTimeOffset?)null;
                }
            }
        }

        /// <summary>Waits for a slot for a request that makes one image.</summary>
        public Task<IDisposable> AcquireAsync(CancellationToken cancellationToken) => AcquireAsync(1, cancellationToken);

        /// <summary>Waits for a slot for a request that makes <paramref name="images"/> images (n; below 1 counts as 1).</summary>
        public async Task<IDisposable> AcquireAsync(int images, CancellationToken cancellationToken)
        {
            int weight = Math.Max(1, images);
            bool counted = false;
            try
            {
                while (true)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Task changed;
                    TimeSpan wait;
                    lock (_lock)
                    {
                        wait = WaitNeeded(_clock(), weight);
                        if (wait <= TimeSpan.Zero)
                        {
                            _inFlight++;
                            _inFlightImages += weight;
                            return new Lease(this, weight);
                        }
                        if (!counted) { _waiting++; counted = true; }
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
            finally
            {
                if (counted) lock (_lock) _waiting--;
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
                    // Images unknown (null): counted as one, as a request without n makes.
                    if (attempt.StatusCode != 429) _admittedSends.Enqueue((sent, Math.Max(0, attempt.Images ?? 1)));
                    if (attempt.StatusCode >= 200 && attempt.StatusCode < 300) _limit = Math.Min(Ceiling, _limit + 1.0 / _limit);
                }
                ReadHeaders(attempt.RateLimit, sent);
                Signal();
            }
        }

        private void ReadHeaders(RateLimitInfo? info, DateTimeOffset sent)
        {
            if (info is null) return;
            if (info.LimitRequests is int requests && requests > 0) _requestLimit = requests;
            if (info.LimitImages is int images && images > 0) _imageLimit = images;
            // The server computed remaining and reset when the request arrived, not when the answer came back.
            if (info.RemainingRequests == 0 && info.ResetRequests is TimeSpan r1 && sent + r1 > _pausedUntil) _pausedUntil = sent + r1;
            if (info.RemainingImages == 0 && info.ResetImages is TimeSpan r2 && sent + r2 > _pausedUntil) _pausedUntil = sent + r2;
        }

        private TimeSpan WaitNeeded(DateTimeOffset now, int weight)
        {
            if (_pausedUntil > now) return _pausedUntil - now;
            if (_inFlight >= (int)_limit) return TimeSpan.FromSeconds(1);
            return WindowWait(now, weight);
        }

        /// <summary>The part of the wait the rate limit decides: a pause, or room in the per-minute window.</summary>
        private TimeSpan RateLimitWait(DateTimeOffset now, int weight) => _pausedUntil > now ? _pausedUntil - now : WindowWait(now, weight);

        private TimeSpan WindowWait(DateTimeOffset now, int weight)
        {
            while (_admittedSends.Count > 0 && now - _admittedSends.Peek().Sent >= LimitWindow) _admittedSends.Dequeue();
            TimeSpan wait = TimeSpan.Zero;
            if (_requestLimit is int requestLimit)
                wait = Max(wait, WaitForRoom(now, _admittedSends.Count + _inFlight, 1, requestLimit, send => 1));
            if (_imageLimit is int imageLimit)
            {
                int used = _inFlightImages;
                foreach (var send in _admittedSends) used += send.Images;
                wait = Max(wait, WaitForRoom(now, used, weight, imageLimit, send => send.Images));
            }
            return wait;
        }

        /// <summary>
        /// How long until <paramref name="weight"/> more fits under <paramref name="limit"/>, given what the window and the
        /// requests in flight use. Nothing used: go now even when the weight alone is over the limit (it would never fit).
        /// </summary>
        private TimeSpan WaitForRoom(DateTimeOffset now, int used, int weight, int limit, Func<(DateTimeOffset Sent, int Images), int> unitsOf)
        {
            if (used == 0 || used + weight <= limit) return TimeSpan.Zero;
            int toFree = used + weight - limit;
            int freed = 0;
            foreach (var send in _admittedSends)
            {
                freed += unitsOf(send);
                if (freed >= toFree)
                {
                    TimeSpan untilItLeaves = send.Sent + LimitWindow - now;
                    return untilItLeaves > TimeSpan.Zero ? untilItLeaves : TimeSpan.FromMilliseconds(1);
                }
            }
            // Only the requests in flight can make room (or the window empties and the request goes alone): re-check each second.
            return TimeSpan.FromSeconds(1);
        }

        private void Release(int weight)
        {
            lock (_lock)
            {
                _inFlight--;
                _inFlightImages -= weight;
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

        private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

        private sealed class Lease : IDisposable
        {
            private AdaptiveConcurrencyGate? _gate;
            private readonly int _images;
            public Lease(AdaptiveConcurrencyGate gate, int images) { _gate = gate; _images = images; }
            public void Dispose() => Interlocked.Exchange(ref _gate, null)?.Release(_images);
        }
    }
}
