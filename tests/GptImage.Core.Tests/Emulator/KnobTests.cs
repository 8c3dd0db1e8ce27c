using System.Globalization;
using static GptImage.Tests.Emulator.EmulatorHttp;

namespace GptImage.Tests.Emulator
{
    /// <summary>Each fault knob does what it says, in the shape clients must recognise.</summary>
    public sealed class KnobTests(EmulatorFixture emulator) : EmulatorTest(emulator)
    {
        private const string Body = "{\"model\":\"gpt-image-2\",\"prompt\":\"a kite\",\"size\":\"64x64\",\"quality\":\"low\"}";
        [Fact]
        public async Task Latency_holds_each_image_call_at_least_the_minimum()
        {
            Emu.Options.MinLatency = TimeSpan.FromMilliseconds(400);
            Emu.Options.MaxLatency = TimeSpan.FromMilliseconds(600);
            using HttpClient http = Emu.CreateHttpClient();
            using HttpResponseMessage response = await GenerateAsync(http, Body);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(Emu.Counters.Requests.Single().Duration >= TimeSpan.FromMilliseconds(400));
        }

        [Fact]
        public async Task Requests_per_minute_over_the_window_get_429_with_retry_after()
        {
            Emu.Options.RequestsPerMinute = 2;
            using HttpClient http = Emu.CreateHttpClient();
            using HttpResponseMessage first = await GenerateAsync(http, Body);
            using HttpResponseMessage second = await GenerateAsync(http, Body);
            using HttpResponseMessage third = await GenerateAsync(http, Body);

            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            Assert.Equal("0", Header(second, "x-ratelimit-remaining-requests"));
            Assert.Equal((HttpStatusCode)429, third.StatusCode);
            var error = await ReadErrorAsync(third);
            Assert.Equal(("rate_limit_exceeded", "requests"), (error.Code, error.Type));
            Assert.Contains("Limit 2, Used 2", error.Message);
            int seconds = int.Parse(Header(third, "retry-after"), CultureInfo.InvariantCulture);
            Assert.InRange(seconds, 1, 60);
            long ms = long.Parse(Header(third, "retry-after-ms"), CultureInfo.InvariantCulture);
            Assert.InRange(ms, 1, 60_000);
            Assert.True(ms <= seconds * 1000L, $"retry-after-ms {ms} above retry-after {seconds}s");
            Assert.Equal(1, Emu.Counters.CountByErrorCode("rate_limit_exceeded"));
            Assert.Equal(2, Emu.Counters.Succeeded);
        }

        [Fact]
        public async Task Images_per_minute_counts_n()
        {
            Emu.Options.ImagesPerMinute = 3;
            using HttpClient http = Emu.CreateHttpClient();
            const string two = "{\"model\":\"gpt-image-2\",\"prompt\":\"p\",\"size\":\"64x64\",\"n\":2}";
            using HttpResponseMessage first = await GenerateAsync(http, two);
            using HttpResponseMessage second = await GenerateAsync(http, two);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal("1", Header(first, "x-ratelimit-remaining-images"));
            Assert.Equal((HttpStatusCode)429, second.StatusCode);
            Assert.Contains("images per min", (await ReadErrorAsync(second)).Message);
        }

        [Fact]
        public async Task Retry_after_can_be_an_http_date_and_retry_after_ms_can_be_left_out()
        {
            Emu.Options.RetryAfterAsHttpDate = true;
            Emu.Options.SendRetryAfterMs = false;
            Emu.Options.RateLimitRetryAfter = TimeSpan.FromSeconds(30);
            Emu.Options.EnqueueFaults(EmulatorFault.RateLimited());
            using HttpClient http = Emu.CreateHttpClient();
            using HttpResponseMessage response = await GenerateAsync(http, Body);
            Assert.Equal((HttpStatusCode)429, response.StatusCode);
            DateTimeOffset date = DateTimeOffset.ParseExact(Header(response, "retry-after"), "r", CultureInfo.InvariantCulture);
            Assert.InRange(date - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(31));
            Assert.False(response.Headers.Contains("retry-after-ms"));
        }

        [Fact]
        public async Task Insufficient_quota_is_a_429_of_its_own_type_without_retry_after()
        {
            Emu.Options.InsufficientQuota = true;
            using HttpClient http = Emu.CreateHttpClient();
            using HttpResponseMessage response = await GenerateAsync(http, Body);
            Assert.Equal((HttpStatusCode)429, response.StatusCode);
            var error = await ReadErrorAsync(response);
            Assert.Equal(("insufficient_quota", "insufficient_quota"), (error.Type, error.Code));
            Assert.False(response.Headers.Contains("retry-after"));

            Emu.Options.InsufficientQuota = false;   // knobs are live
            using HttpResponseMessage after = await GenerateAsync(http, Body);
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        }

        [Fact]
        public async Task Server_error_rate_answers_500_and_503_in_openai_shape()
        {
            Emu.Reset(new EmulatorOptions { ServerErrorRate = 1.0, Seed = 7 });
            using HttpClient http = Emu.CreateHttpClient();
            var statuses = new System.Collections.Generic.List<int>();
            for (int i = 0; i < 12; i++)
            {
                using HttpResponseMessage response = await GenerateAsync(http, Body);
                statuses.Add((int)response.StatusCode);
                var error = await ReadErrorAsync(response);
                Assert.Equal("server_error", error.Type);
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    Assert.Equal("server_is_overloaded", error.Code);
                    Assert.True(response.Headers.Contains("retry-after"));
                }
            }
            Assert.Contains(500, statuses);
            Assert.Contains(503, statuses);
            Assert.Equal(12, Emu.Counters.CountByStatus(500) + Emu.Counters.CountByStatus(503));
        }

        [Fact]
        public async Task Dropped_connections_fail_the_client_before_any_status()
        {
            Emu.Options.DropConnectionRate = 1.0;
            using HttpClient http = Emu.CreateHttpClient();
            await Assert.ThrowsAsync<HttpRequestException>(() => GenerateAsync(http, Body));
            Assert.Equal(1, Emu.Counters.Dropped);
            Assert.Equal(1, Emu.Counters.CountByStatus(0));
            Assert.Equal(0, Emu.Counters.Succeeded);
        }

        [Fact]
        public async Task Truncated_bodies_promise_more_than_they_send()
        {
            Emu.Options.TruncateBodyRate = 1.0;
            using HttpClient http = Emu.CreateHttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, "images/generations")
            { Content = new StringContent(Body, System.Text.Encoding.UTF8, "application/json") };
            using HttpResponseMessage response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            long promised = response.Content.Headers.ContentLength!.Value;
            var received = new System.IO.MemoryStream();
            Exception? failure = await Record.ExceptionAsync(async () =>
            {
                await using var body = await response.Content.ReadAsStreamAsync();
                await body.CopyToAsync(received);
            });
            // Half the promised body arrives, then the stream ends early: a read error, not a short success.
            Assert.NotNull(failure);
            Assert.Equal(promised / 2, received.Length);
            Assert.Equal(1, Emu.Counters.Truncated);
        }

        [Fact]
        public async Task Moderation_trigger_word_blocks_the_prompt()
        {
            using HttpClient http = Emu.CreateHttpClient();
            using HttpResponseMessage blocked = await GenerateAsync(http, "{\"model\":\"gpt-image-2\",\"prompt\":\"a FORBIDDEN castle\"}");
            Assert.Equal(HttpStatusCode.BadRequest, blocked.StatusCode);
            var error = await ReadErrorAsync(blocked);
            Assert.Equal(("image_generation_user_error", "moderation_blocked"), (error.Type, error.Code));

            Emu.Options.ModerationTriggerWord = "dragon";
            using HttpResponseMessage allowed = await GenerateAsync(http, "{\"model\":\"gpt-image-2\",\"prompt\":\"a forbidden castle\",\"size\":\"64x64\"}");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            using HttpResponseMessage dragon = await GenerateAsync(http, "{\"model\":\"gpt-image-2\",\"prompt\":\"a dragon\"}");
            Assert.Equal("moderation_blocked", (await ReadErrorAsync(dragon)).Code);
        }

        [Fact]
        public async Task Wrong_key_gets_401_whose_message_echoes_the_key_in_full()
        {
            Emu.Options.RequiredApiKey = "sk-the-right-one";
            const string wrong = "sk-proj-FAKE_WRONGKEY0123456789abcdefXYZ";
            using (HttpClient bad = Emu.CreateHttpClient(wrong))
            using (HttpResponseMessage response = await GenerateAsync(bad, Body))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                var error = await ReadErrorAsync(response);
                Assert.Equal("invalid_api_key", error.Code);
                Assert.Contains(wrong, error.Message);
            }
            using (HttpClient none = Emu.CreateHttpClient(apiKey: null))
            using (HttpResponseMessage response = await GenerateAsync(none, Body))
                Assert.Contains("didn't provide an API key", (await ReadErrorAsync(response)).Message);
            using (HttpClient right = Emu.CreateHttpClient("sk-the-right-one"))
            using (HttpResponseMessage response = await GenerateAsync(right, Body))
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using (HttpClient models = Emu.CreateHttpClient(wrong))
            using (HttpResponseMessage response = await models.GetAsync("models"))
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

            // The records say which form of credentials came, never the key.
            Assert.Equal(new[] { AuthScheme.Bearer, AuthScheme.None, AuthScheme.Bearer, AuthScheme.Bearer }, Emu.Counters.Requests.Select(r => r.Auth));
            string everything = string.Join("\n", Emu.Counters.Requests.SelectMany(r => r.Headers.Select(h => h.Key + ": " + h.Value).Append(r.JsonBody ?? "")));
            Assert.DoesNotContain("WRONGKEY", everything);
            Assert.DoesNotContain("the-right-one", everything);
        }

        [Fact]
        public async Task Scripted_faults_play_in_order_then_normal_service_resumes()
        {
            Emu.Options.EnqueueFaults(EmulatorFault.Overloaded, EmulatorFault.RateLimited(TimeSpan.FromSeconds(2)), EmulatorFault.Drop,
                new EmulatorFault(FaultKind.OrganizationNotVerified), new EmulatorFault(FaultKind.GatewayTimeout), EmulatorFault.Succeed);
            using HttpClient http = Emu.CreateHttpClient();
            var outcomes = new System.Collections.Generic.List<int>();
            for (int i = 0; i < 7; i++)
            {
                try
                {
                    using HttpResponseMessage response = await GenerateAsync(http, Body);
                    outcomes.Add((int)response.StatusCode);
                    if (i == 1) Assert.Equal("2", Header(response, "retry-after"));
                }
                catch (HttpRequestException) { outcomes.Add(0); }
            }
            Assert.Equal(new[] { 503, 429, 0, 403, 504, 200, 200 }, outcomes);
            Assert.Equal(7, Emu.Counters.Generations);
            Assert.Empty(Emu.Options.ScriptedFaults);
        }

        [Fact]
        public async Task Hang_waits_until_the_client_gives_up()
        {
            Emu.Options.EnqueueFaults(EmulatorFault.Hang);
            using HttpClient http = Emu.CreateHttpClient();
            using var cts = new CancellationTokenSource();
            Task<HttpResponseMessage> post = http.PostAsync("images/generations", new StringContent(Body, System.Text.Encoding.UTF8, "application/json"), cts.Token);
            // Give up only once the server holds the request: a fixed client timeout could fire before a loaded
            // machine even delivered it, and then the server would have nothing to record.
            DateTime deadline = DateTime.UtcNow.AddSeconds(30);
            while (Emu.Counters.Total == 0 && !post.IsCompleted && DateTime.UtcNow < deadline) await Task.Delay(20);
            Assert.Equal(1, Emu.Counters.Total);
            cts.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => post);
            while (Emu.Counters.Requests.Single().Outcome != RequestOutcome.ClientGaveUp && DateTime.UtcNow < deadline)
                await Task.Delay(50);
            Assert.Equal(RequestOutcome.ClientGaveUp, Emu.Counters.Requests.Single().Outcome);
            Assert.Equal(0, Emu.Counters.InFlight);
        }

        [Fact]
        public async Task Same_seed_repeats_the_same_faults_and_request_ids()
        {
            var options = new EmulatorOptions { Seed = 1234, ServerErrorRate = 0.3, RateLimitErrorRate = 0.2, DropConnectionRate = 0.1 };
            string first = await RunSequenceAsync(options);
            string second = await RunSequenceAsync(options);
            Assert.Equal(first, second);
            Assert.Contains("200", first);
            Assert.Matches("(500|503|429|drop)", first);
        }

        private async Task<string> RunSequenceAsync(EmulatorOptions options)
        {
            Emu.Reset(options);
            using HttpClient http = Emu.CreateHttpClient();
            var log = new System.Text.StringBuilder();
            for (int i = 0; i < 15; i++)
            {
                try
                {
                    using HttpResponseMessage response = await GenerateAsync(http, Body);
                    log.Append((int)response.StatusCode).Append(' ').Append(Header(response, "x-request-id")).Append('\n');
                }
                catch (HttpRequestException) { log.Append("drop\n"); }
            }
            return log.ToString();
        }

        [Fact]
        public async Task Invalid_knob_values_are_refused_at_start()
        {
            var error = await Assert.ThrowsAsync<ArgumentException>(() => EmulatorServer.StartAsync(new EmulatorOptions { ServerErrorRate = 1.5 }));
            Assert.Contains("ServerErrorRate", error.Message);
            Assert.Contains("1.5", error.Message);
        }
    }
}

namespace GptImage.Tests.Emulator
{
    public sealed class RedirectKnobTests(EmulatorFixture emulator) : EmulatorTest(emulator)
    {
        [Fact]
        public async Task RedirectTo_answers_every_image_call_307_to_the_same_path_under_the_new_base()
        {
            Emu.Options.RedirectTo = "http://127.0.0.1:9/elsewhere/";
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Emu.BaseUrl };
            using HttpResponseMessage response = await http.PostAsync("images/generations?x=1",
                new StringContent("{\"model\":\"gpt-image-2\",\"prompt\":\"a kite\"}", Encoding.UTF8, "application/json"));

            Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
            Assert.Equal("http://127.0.0.1:9/elsewhere" + Emu.BaseUrl.AbsolutePath + "images/generations?x=1", response.Headers.Location!.OriginalString);
            Assert.Equal(307, Emu.Counters.Requests.Single().StatusCode);
        }

        [Fact]
        public void RedirectTo_must_be_an_absolute_http_url()
        {
            Emu.Options.RedirectTo = "ftp://example.test/";
            Assert.Contains(Emu.Options.Validate(), p => p.Contains("RedirectTo", StringComparison.Ordinal));
        }
    }
}

namespace GptImage.Tests.Emulator
{
    public sealed class RealisticImageKnobTests(EmulatorFixture emulator) : EmulatorTest(emulator)
    {
        [Fact]
        public async Task RealisticImages_answers_a_valid_png_of_the_requested_size_of_one_to_three_megabytes()
        {
            Emu.Options.RealisticImages = true;
            using HttpClient http = Emu.CreateHttpClient();
            var sizes = new List<int>();
            foreach (string size in new[] { "1024x1024", "1536x1024", "1024x1024" })
            {
                using HttpResponseMessage response = await GenerateAsync(http,
                    "{\"model\":\"gpt-image-2\",\"prompt\":\"a kite\",\"size\":\"" + size + "\",\"quality\":\"low\"}");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                using JsonDocument json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                byte[] png = Convert.FromBase64String(json.RootElement.GetProperty("data")[0].GetProperty("b64_json").GetString()!);
                ImageInfo info = ImageInspector.Inspect(png);
                Assert.Equal(size, $"{info.Width}x{info.Height}");
                Assert.InRange(png.Length, 1_000_000, 3_200_000);
                sizes.Add(png.Length);
            }
        }

        [Fact]
        public async Task RealisticImages_answers_in_turn_differ()
        {
            Emu.Options.RealisticImages = true;
            using HttpClient http = Emu.CreateHttpClient();
            var seen = new HashSet<string>();
            for (int i = 0; i < 2; i++)
            {
                using HttpResponseMessage response = await GenerateAsync(http, "{\"model\":\"gpt-image-2\",\"prompt\":\"a kite\",\"size\":\"1024x1024\"}");
                using JsonDocument json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                seen.Add(json.RootElement.GetProperty("data")[0].GetProperty("b64_json").GetString()!.Substring(200, 400));
            }
            Assert.Equal(2, seen.Count);
        }
    }
}
