using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using GptImage.Orchestration;
using Xunit;

namespace GptImage.Tests.Scheduling
{
    public class AdaptiveConcurrencyGateTests
    {
        private DateTimeOffset _now = new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero);

        private AdaptiveConcurrencyGate Gate(int ceiling, int? initial = null) => new AdaptiveConcurrencyGate(ceiling, initial, () => _now);

        private static HttpAttemptInfo Ok(int? remaining = null, TimeSpan? reset = null, int? limit = null, double elapsedSeconds = 0) => new HttpAttemptInfo
        {
            StatusCode = 200, Attempt = 1, Elapsed = TimeSpan.FromSeconds(elapsedSeconds),
            RateLimit = remaining is null && limit is null ? null : new RateLimitInfo { RemainingRequests = remaining, ResetRequests = reset, LimitRequests = limit },
        };

        private static HttpAttemptInfo TooMany(string code = "rate_limit_exceeded", double retryAfterSeconds = 2) => new HttpAttemptInfo
        {
            StatusCode = 429, ErrorCode = code, Attempt = 1, RetryAfter = TimeSpan.FromSeconds(retryAfterSeconds), WillRetry = true,
        };

        [Fact]
        public async Task Never_more_in_flight_than_the_ceiling()
        {
            var gate = Gate(3);
            var leases = new List<IDisposable>();
            for (int i = 0; i < 3; i++) leases.Add(await gate.AcquireAsync(CancellationToken.None));
            Task<IDisposable> fourth = gate.AcquireAsync(CancellationToken.None);
            await Task.Delay(50);
            Assert.False(fourth.IsCompleted);
            leases[0].Dispose();
            (await fourth.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
            Assert.Equal(2, gate.InFlight);
        }

        [Fact]
        public void A_429_halves_the_limit_once_per_window_and_successes_grow_it_back()
        {
            var gate = Gate(8);
            gate.OnAttempt(TooMany());
            gate.OnAttempt(TooMany()); // same burst: no second decrease
            Assert.Equal(4, gate.CurrentLimit);
            Assert.Equal(2, gate.RateLimitedCount);
            _now += TimeSpan.FromSeconds(3);
            gate.OnAttempt(TooMany());
            Assert.Equal(2, gate.CurrentLimit);
            for (int i = 0; i < 20; i++) gate.OnAttempt(Ok());
            Assert.True(gate.CurrentLimit >= 6, $"limit {gate.CurrentLimit}");
            for (int i = 0; i < 200; i++) gate.OnAttempt(Ok());
            Assert.Equal(8, gate.CurrentLimit);
        }

        [Fact]
        public async Task Retry_after_pauses_every_new_request()
        {
            var gate = Gate(4);
            gate.OnAttempt(TooMany(retryAfterSeconds: 30));
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gate.AcquireAsync(cts.Token));
            _now += TimeSpan.FromSeconds(31);
            (await gate.AcquireAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
        }

        [Fact]
        public async Task Insufficient_quota_is_money_not_speed()
        {
            var gate = Gate(4);
            gate.OnAttempt(TooMany("insufficient_quota"));
            Assert.Equal(4, gate.CurrentLimit);
            Assert.Equal(0, gate.RateLimitedCount);
            (await gate.AcquireAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
        }

        [Fact]
        public async Task Remaining_zero_pauses_until_the_reset_counted_from_when_the_request_was_sent()
        {
            var gate = Gate(10);
            // Sent 5 s ago (elapsed 5 s), window resets 20 s after that: 15 s from now.
            gate.OnAttempt(Ok(remaining: 0, reset: TimeSpan.FromSeconds(20), elapsedSeconds: 5));
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gate.AcquireAsync(cts.Token));
            _now += TimeSpan.FromSeconds(16);
            (await gate.AcquireAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
        }

        [Fact]
        public async Task The_window_mirror_stops_at_the_announced_limit_and_goes_on_as_sends_leave_the_minute()
        {
            var gate = Gate(10);
            // Three answered requests, the limit is 4 per minute: one more may go, then none until the first send is a minute old.
            gate.OnAttempt(Ok(limit: 4, remaining: 3, reset: TimeSpan.FromSeconds(60)));
            _now += TimeSpan.FromSeconds(10);
            gate.OnAttempt(Ok(limit: 4, remaining: 2, reset: TimeSpan.FromSeconds(50)));
            gate.OnAttempt(Ok(limit: 4, remaining: 1, reset: TimeSpan.FromSeconds(50)));
            Assert.Equal(4, gate.WindowLimit);
            var fourth = await gate.AcquireAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
            using (var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300)))
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gate.AcquireAsync(cts.Token));
            _now += TimeSpan.FromSeconds(51); // the first send (61 s ago) has left the window
            (await gate.AcquireAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
            fourth.Dispose();
        }

        [Fact]
        public void ThrottleLimit_below_one_is_refused_by_name()
        {
            var e = Assert.Throws<GptImageValidationException>(() => new AdaptiveConcurrencyGate(0));
            Assert.Contains("-ThrottleLimit", e.Message);
        }
    }
}
