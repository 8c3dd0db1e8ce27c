using static GptImage.Tests.Client.ScriptedHandler;

namespace GptImage.Tests.Client
{
    /// <summary>Which failures are retried, how long the client waits, and what it reports: over a scripted handler.</summary>
    public sealed class ClientRetryTests
    {
        [Fact]
        public async Task A_rate_limit_is_retried_with_the_servers_retry_after_ms_then_succeeds()
        {
            var handler = new ScriptedHandler(
                Error(429, "rate_limit_exceeded", "Rate limit reached", "requests", ("retry-after-ms", "1500"), ("retry-after", "9")),
                Error(429, "rate_limit_exceeded", "Rate limit reached", "requests", ("retry-after", "2")),
                Ok());
            using var h = TestClients.Create(handler);
            ImageResult result = await h.Client.GenerateAsync(TestClients.Generation());

            Assert.Equal(3, handler.Calls);
            Assert.Equal(3, result.Attempts);
            Assert.Equal(new[] { TimeSpan.FromMilliseconds(1500), TimeSpan.FromSeconds(2) }, h.Delays.ToArray());
            Assert.Equal(new[] { (429, true), (429, true), (200, false) }, h.Attempts.Select(a => (a.StatusCode, a.WillRetry)).ToArray());
            Assert.Equal("rate_limit_exceeded", h.Attempts.First().ErrorCode);
            Assert.Equal(TimeSpan.FromMilliseconds(1500), h.Attempts.First().RetryAfter);
            Assert.Equal(4, h.Attempts.Last().RateLimit!.RemainingRequests);
        }

        [Fact]
        public async Task Insufficient_quota_is_billing_and_never_retried()
        {
            var handler = new ScriptedHandler(Error(429, "insufficient_quota", "You exceeded your current quota", "insufficient_quota", ("retry-after", "1")));
            using var h = TestClients.Create(handler);
            var e = await Assert.ThrowsAsync<GptImageApiException>(() => h.Client.GenerateAsync(TestClients.Generation()));

            Assert.Equal(1, handler.Calls);
            Assert.Equal(ErrorIds.QuotaExceeded, e.ErrorId);
            Assert.False(e.IsTransient);
            Assert.Equal(429, e.StatusCode);
            Assert.Equal("insufficient_quota", e.ErrorCode);
            Assert.Contains("billing", e.Advice);
            Assert.Contains("billing", e.Message);
            Assert.Empty(h.Delays);
            Assert.False(Assert.Single(h.Attempts).WillRetry);
        }

        [Theory]
        [InlineData(400, "invalid_value", ErrorIds.BadRequest)]
        [InlineData(400, "moderation_blocked", ErrorIds.ModerationBlocked)]
        [InlineData(401, "invalid_api_key", ErrorIds.Unauthorized)]
        [InlineData(403, null, ErrorIds.OrganizationNotVerified)]
        [InlineData(404, "model_not_found", ErrorIds.NotFound)]
        [InlineData(429, "billing_hard_limit_reached", ErrorIds.QuotaExceeded)]
        public async Task Client_errors_are_not_retried_and_carry_an_id_and_advice(int status, string? code, string errorId)
        {
            string message = status == 403 ? "Your organization must be verified to use the model `gpt-image-2`." : "nope";
            var handler = new ScriptedHandler(Error(status, code, message));
            using var h = TestClients.Create(handler);
            var e = await Assert.ThrowsAsync<GptImageApiException>(() => h.Client.GenerateAsync(TestClients.Generation()));

            Assert.Equal(1, handler.Calls);
            Assert.Equal(errorId, e.ErrorId);
            Assert.Equal(status, e.StatusCode);
            Assert.Equal(code, e.ErrorCode);
            Assert.Equal("req_err_" + status, e.RequestId);
            Assert.Contains("req_err_" + status, e.Message);
            Assert.False(string.IsNullOrEmpty(e.Advice));
            Assert.Equal(1, e.Attempts);
        }

        [Theory]
        [InlineData(408)]
        [InlineData(409)]
        [InlineData(500)]
        [InlineData(502)]
        [InlineData(503)]
        [InlineData(504)]
        public async Task Server_faults_are_retried_MaxRetries_times(int status)
        {
            var handler = new ScriptedHandler(Error(status, status == 503 ? "server_is_overloaded" : null, "try later", "server_error"));
            using var h = TestClients.Create(handler, change: o => o.MaxRetries = 2);
            var e = await Assert.ThrowsAsync<GptImageApiException>(() => h.Client.GenerateAsync(TestClients.Generation()));

            Assert.Equal(3, handler.Calls);
            Assert.Equal(3, e.Attempts);
            Assert.True(e.IsTransient);
            Assert.Equal(2, h.Delays.Count);
        }

        [Fact]
        public async Task Default_retries_are_three_after_the_first_attempt()
        {
            var handler = new ScriptedHandler(Error(500, null, "boom", "server_error"));
            using var h = TestClients.Create(handler);
            await Assert.ThrowsAsync<GptImageApiException>(() => h.Client.GenerateAsync(TestClients.Generation()));
            Assert.Equal(4, handler.Calls);
        }

        [Fact]
        public async Task Without_a_server_delay_the_backoff_doubles_from_half_a_second_with_at_most_25_percent_jitter()
        {
            var handler = new ScriptedHandler(Error(503, "server_is_overloaded", "busy", "server_error"));
            using var h = TestClients.Create(handler, change: o => o.MaxRetries = 6);
            await Assert.ThrowsAsync<GptImageApiException>(() => h.Client.GenerateAsync(TestClients.Generation()));

            double[] expected = { 0.5, 1, 2, 4, 8, 8 };
            double[] actual = h.Delays.Select(d => d.TotalSeconds).ToArray();
            Assert.Equal(expected.Length, actual.Length);
            for (int i = 0; i < expected.Length; i++)
                Assert.InRange(actual[i], expected[i] * 0.75, expected[i]);
        }

        [Fact]
        public async Task A_server_delay_beyond_MaxRetryDelay_is_capped()
        {
            var handler = new ScriptedHandler(Error(429, "rate_limit_exceeded", "slow down", "requests", ("retry-after", "3600")), Ok());
            using var h = TestClients.Create(handler, change: o => o.MaxRetryDelay = TimeSpan.FromSeconds(30));
            await h.Client.GenerateAsync(TestClients.Generation());
            Assert.Equal(TimeSpan.FromSeconds(30), Assert.Single(h.Delays));
        }

        [Fact]
        public async Task A_retry_after_http_date_is_honoured()
        {
            string date = DateTimeOffset.UtcNow.AddSeconds(20).ToString("r");
            var handler = new ScriptedHandler(Error(503, null, "busy", "server_error", ("retry-after", date)), Ok());
            using var h = TestClients.Create(handler);
            await h.Client.GenerateAsync(TestClients.Generation());
            Assert.InRange(Assert.Single(h.Delays).TotalSeconds, 15, 20.5);
        }

        [Fact]
        public async Task Connection_failures_are_retried_then_reported_as_network_errors()
        {
            var handler = new ScriptedHandler(Throw(new HttpRequestException("Connection refused (api.example.test:443)")));
            using var h = TestClients.Create(handler, change: o => o.MaxRetries = 1);
            var e = await Assert.ThrowsAsync<GptImageApiException>(() => h.Client.GenerateAsync(TestClients.Generation()));
            Assert.Equal(2, handler.Calls);
            Assert.Equal(ErrorIds.NetworkError, e.ErrorId);
            Assert.Equal(0, e.StatusCode);
            Assert.Contains("Connection refused", e.Message);
            Assert.All(h.Attempts, a => Assert.Equal(0, a.StatusCode));
        }

        [Theory]
        [InlineData("{\"created\":1,\"data\":[{\"b64_json\":\"iVBOR")]
        [InlineData("{\"created\":1,\"data\":[{\"b64_json\":\"%%%%\"}]}")]
        public async Task An_unreadable_200_body_is_retried_as_an_invalid_response(string body)
        {
            var handler = new ScriptedHandler(Body(body), Ok());
            using var h = TestClients.Create(handler);
            ImageResult result = await h.Client.GenerateAsync(TestClients.Generation());
            Assert.Equal(2, handler.Calls);
            Assert.Equal(2, result.Attempts);

            var always = new ScriptedHandler(Body(body));
            using var h2 = TestClients.Create(always, change: o => o.MaxRetries = 1);
            var e = await Assert.ThrowsAsync<GptImageApiException>(() => h2.Client.GenerateAsync(TestClients.Generation()));
            Assert.Equal(ErrorIds.InvalidResponse, e.ErrorId);
            Assert.True(e.IsTransient);
            Assert.Equal(2, always.Calls);
        }

        [Fact]
        public async Task A_slow_attempt_times_out_on_its_own_and_is_retried()
        {
            var handler = new ScriptedHandler(Hang(), Ok());
            // Generous: the successful second attempt must finish inside it even on a loaded machine.
            using var h = TestClients.Create(handler, change: o => o.Timeout = TimeSpan.FromSeconds(2));
            ImageResult result = await h.Client.GenerateAsync(TestClients.Generation());
            Assert.Equal(2, result.Attempts);
            Assert.Equal(0, h.Attempts.First().StatusCode);

            var hanging = new ScriptedHandler(Hang());
            using var h2 = TestClients.Create(hanging, change: o => { o.Timeout = TimeSpan.FromMilliseconds(100); o.MaxRetries = 1; });
            var e = await Assert.ThrowsAsync<GptImageApiException>(() => h2.Client.GenerateAsync(TestClients.Generation()));
            Assert.Equal(ErrorIds.Timeout, e.ErrorId);
            Assert.Equal(2, hanging.Calls);
        }

        [Fact]
        public async Task Caller_cancellation_stops_at_once_without_a_retry()
        {
            var handler = new ScriptedHandler(Hang());
            using var h = TestClients.Create(handler);
            using var cts = new CancellationTokenSource();
            Task<ImageResult> call = h.Client.GenerateAsync(TestClients.Generation(), cts.Token);
            for (int wait = 0; handler.Calls == 0 && wait < 6000; wait++) await Task.Delay(5);
            cts.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
            Assert.Equal(1, handler.Calls);
            Assert.Empty(h.Delays);
        }

        [Fact]
        public async Task Cancellation_during_the_wait_between_attempts_ends_the_call()
        {
            var handler = new ScriptedHandler(Error(500, null, "boom", "server_error"));
            using var cts = new CancellationTokenSource();
            using var h = TestClients.Create(handler);
            h.Client.DelayAsync = (delay, token) => { cts.Cancel(); return Task.Delay(delay, token); };
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Client.GenerateAsync(TestClients.Generation(), cts.Token));
            Assert.Equal(1, handler.Calls);
        }

        [Fact]
        public async Task An_already_cancelled_token_sends_nothing()
        {
            var handler = new ScriptedHandler(Ok());
            using var h = TestClients.Create(handler);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Client.GenerateAsync(TestClients.Generation(), new CancellationToken(true)));
            Assert.Equal(0, handler.Calls);
        }

        [Fact]
        public async Task Throwing_observers_do_not_lose_a_paid_result()
        {
            var handler = new ScriptedHandler(Ok());
            using var h = TestClients.Create(handler, change: o =>
            {
                o.OnAttempt = _ => throw new InvalidOperationException("observer bug");
                o.Log = _ => throw new InvalidOperationException("host refuses output from this thread");
            });
            ImageResult r = await h.Client.GenerateAsync(TestClients.Generation());
            Assert.Single(r.Images);
            Assert.Equal(1, handler.Calls);
        }

        [Fact]
        public async Task Invalid_input_fails_before_any_network_call()
        {
            var handler = new ScriptedHandler(Ok());
            using var h = TestClients.Create(handler);
            await Assert.ThrowsAsync<GptImageValidationException>(() => h.Client.GenerateAsync(new ImageGenerationRequest { Prompt = "p", Size = "1000x1000" }));
            Assert.Equal(0, handler.Calls);
        }
    }
}
