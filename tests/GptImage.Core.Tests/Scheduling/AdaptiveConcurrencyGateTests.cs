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

        /// <summary>An answered call that made <paramref name="images"/> images and announced these per-minute limits.</summary>
        private static HttpAttemptInfo Announcing(int images, int? requestsLimit = null, int? imagesLimit = null) => new HttpAttemptInfo
        {
            StatusCode = 200, Attempt = 1, Images = images,
            RateLimit = new RateLimitInfo { LimitRequests = requestsLimit, LimitImages = imagesLimit },
        };

        /// <summary>Admitted at once: the gate returns a completed task without waiting.</summary>
        private static IDisposable Admitted(Task<IDisposable> acquire)
        {
            Assert.True(acquire.IsCompletedSuccessfully, "expected the request to be admitted at once");
            return acquire.Result;
        }

        [Fact]
        public async Task An_images_limit_of_8_admits_no_more_than_two_requests_of_4_images_in_a_window()
        {
            var gate = Gate(10);
            gate.OnAttempt(Announcing(images: 4, imagesLimit: 8)); // one request of 4 answered
            Assert.Equal(8, gate.ImagesPerMinuteLimit);
            Assert.Null(gate.RequestsPerMinuteLimit);
            IDisposable second = Admitted(gate.AcquireAsync(4, CancellationToken.None));
            Assert.Equal(4, gate.InFlightImages);
            Task<IDisposable> third = gate.AcquireAsync(4, CancellationToken.None);
            Assert.False(third.IsCompleted); // 4 in the window + 4 in flight + 4 = 12 > 8
            Task<IDisposable> single = gate.AcquireAsync(1, CancellationToken.None);
            Assert.False(single.IsCompleted); // even one more image would pass 8
            _now += TimeSpan.FromSeconds(10);
            // Its answer, 10 s later: now 8 images in the window. The client reports the attempt before the lease is
            // released (as in GptImageClient): released first, a waiter could be admitted in between, before the answer counts.
            gate.OnAttempt(Announcing(images: 4, imagesLimit: 8));
            second.Dispose();
            Assert.False(third.IsCompleted);
            Assert.False(single.IsCompleted);
            _now += TimeSpan.FromSeconds(51); // the first request's 4 images leave the minute: room for 4 more, no more
            Task<IDisposable> first = await Task.WhenAny(third, single).WaitAsync(TimeSpan.FromSeconds(10));
            Task<IDisposable> other = first == third ? single : third;
            Assert.False(other.IsCompleted); // 4 + 1 = 5 > 4 free: while the first holds its lease the other may not go
            Assert.Equal(first == third ? 4 : 1, gate.InFlightImages);
            (await first).Dispose();
            (await other.WaitAsync(TimeSpan.FromSeconds(10))).Dispose(); // released without an answer: the window holds 4, room again

        }

        [Fact]
        public async Task Requests_in_flight_count_their_images_until_released()
        {
            var gate = Gate(10);
            gate.OnAttempt(Announcing(images: 0, imagesLimit: 8)); // a call that made no image announced the limit
            IDisposable first = Admitted(gate.AcquireAsync(4, CancellationToken.None));
            IDisposable second = Admitted(gate.AcquireAsync(4, CancellationToken.None));
            Task<IDisposable> third = gate.AcquireAsync(4, CancellationToken.None);
            Assert.False(third.IsCompleted);
            first.Dispose(); // failed before reaching the server (no answer counted): its images are free again
            (await third.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
            second.Dispose();
        }

        [Fact]
        public void With_a_requests_limit_the_image_count_does_not_matter()
        {
            var gate = Gate(10);
            gate.OnAttempt(Announcing(images: 4, requestsLimit: 3));
            IDisposable a = Admitted(gate.AcquireAsync(4, CancellationToken.None));
            IDisposable b = Admitted(gate.AcquireAsync(10, CancellationToken.None)); // 18 images, 3 requests: allowed
            Task<IDisposable> c = gate.AcquireAsync(1, CancellationToken.None);
            Assert.False(c.IsCompleted); // the fourth request passes 3 per minute however few images it makes
            Assert.Equal(3, gate.WindowLimit);
            a.Dispose(); b.Dispose();
        }

        [Fact]
        public void When_both_limits_are_announced_both_hold()
        {
            var byRequests = Gate(10);
            byRequests.OnAttempt(Announcing(images: 1, requestsLimit: 2, imagesLimit: 100));
            IDisposable r1 = Admitted(byRequests.AcquireAsync(1, CancellationToken.None));
            Assert.False(byRequests.AcquireAsync(1, CancellationToken.None).IsCompleted); // 2 requests: full, 2 images of 100 notwithstanding
            r1.Dispose();

            var byImages = Gate(10);
            byImages.OnAttempt(Announcing(images: 4, requestsLimit: 100, imagesLimit: 8));
            IDisposable i1 = Admitted(byImages.AcquireAsync(4, CancellationToken.None));
            Assert.False(byImages.AcquireAsync(1, CancellationToken.None).IsCompleted); // 8 images: full, 2 requests of 100 notwithstanding
            Assert.Equal(8, byImages.WindowLimit);
            i1.Dispose();
        }

        [Fact]
        public async Task A_request_heavier_than_the_whole_images_limit_goes_alone_once_the_window_is_empty()
        {
            var gate = Gate(10);
            gate.OnAttempt(Announcing(images: 1, imagesLimit: 5));
            Task<IDisposable> oversize = gate.AcquireAsync(8, CancellationToken.None);
            Assert.False(oversize.IsCompleted); // one image still in the window: it waits, it is not refused
            _now += TimeSpan.FromSeconds(61);
            IDisposable lease = await oversize.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(8, gate.InFlightImages);
            Task<IDisposable> next = gate.AcquireAsync(1, CancellationToken.None);
            Assert.False(next.IsCompleted); // alone: nothing else while it is in flight
            lease.Dispose();
            (await next.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
        }

        [Fact]
        public void The_plain_overload_weighs_one_image_and_attempts_without_a_count_weigh_one()
        {
            var gate = Gate(10);
            gate.OnAttempt(new HttpAttemptInfo { StatusCode = 200, Attempt = 1, RateLimit = new RateLimitInfo { LimitImages = 3 } }); // Images not reported
            IDisposable a = Admitted(gate.AcquireAsync(CancellationToken.None));
            IDisposable b = Admitted(((IConcurrencyGate)gate).AcquireAsync(1, CancellationToken.None)); // the extension dispatches to the weighted overload
            Assert.Equal(2, gate.InFlightImages);
            Assert.False(gate.AcquireAsync(CancellationToken.None).IsCompleted);
            a.Dispose(); b.Dispose();
        }

        [Fact]
        public void ThrottleLimit_below_one_is_refused_by_name()
        {
            var e = Assert.Throws<GptImageValidationException>(() => new AdaptiveConcurrencyGate(0));
            Assert.Contains("-ThrottleLimit", e.Message);
        }
    }
}
