using System.Collections.Concurrent;

namespace GptImage.Tests.Client
{
    /// <summary>GptImageClient against the emulator over real HTTP: every call counted by the server.</summary>
    public sealed class ClientEmulatorTests(EmulatorFixture emulator) : EmulatorTest(emulator), IDisposable
    {
        private readonly TempFolder _files = new TempFolder();
        private readonly ConcurrentQueue<TimeSpan> _delays = new ConcurrentQueue<TimeSpan>();
        private readonly ConcurrentQueue<string> _log = new ConcurrentQueue<string>();

        public void Dispose() => _files.Dispose();

        /// <summary>A client for the emulator whose waits between attempts are recorded, not slept.</summary>
        private GptImageClient Client(Action<GptImageClientOptions>? change = null)
        {
            GptImageClientOptions options = Emu.CreateClientOptions();
            options.Log = _log.Enqueue;
            change?.Invoke(options);
            var client = new GptImageClient(options);
            TestClients.RecordDelays(client, _delays);
            return client;
        }

        [Fact]
        public async Task A_generation_returns_decoded_images_of_the_requested_size_with_usage_and_ids()
        {
            using GptImageClient client = Client();
            ImageResult r = await client.GenerateAsync(new ImageGenerationRequest { Prompt = "a lighthouse", Size = "1536x864", Quality = "low", Count = 2 });

            Assert.Equal(2, r.Images.Count);
            Assert.All(r.Images, i => Assert.Equal("png", i.Format));
            Assert.Equal((1536, 864), TestImages.PngSize(r.Images[0].Bytes));
            Assert.Equal("1536x864", r.Size);
            Assert.Equal("low", r.Quality);
            Assert.NotNull(r.Usage);
            Assert.True(r.Usage!.OutputTokens > 0 && r.Usage.TotalTokens == r.Usage.InputTokens + r.Usage.OutputTokens);
            RecordedRequest recorded = Emu.Counters.Requests.Single();
            Assert.Equal(recorded.RequestId, r.RequestId);
            Assert.NotNull(r.RateLimit);
            Assert.Equal(1, r.Attempts);
            Assert.Equal(1, Emu.Counters.Generations);
            Assert.Equal("gpt-image-2", recorded.Model);
        }

        [Theory]
        [InlineData("jpeg")]
        [InlineData("webp")]
        public async Task The_format_of_each_image_comes_from_its_bytes(string format)
        {
            using GptImageClient client = Client();
            ImageResult r = await client.GenerateAsync(new ImageGenerationRequest { Prompt = "a lighthouse", Size = "1024x1024", OutputFormat = format, Compression = 60 });
            Assert.Equal(format, r.Images[0].Format);
        }

        [Fact]
        public async Task An_edit_uploads_each_image_and_the_mask_as_typed_parts()
        {
            var request = new ImageEditRequest { Prompt = "add a red scarf", Size = "1024x1024", MaskPath = _files.Png("mask.png", 64, 64, transparent: true) };
            request.Images.Add(_files.Png("first.png"));
            request.Images.Add(_files.Write("second.jpg", TestImages.Jpeg(32, 32)));
            using GptImageClient client = Client();
            ImageResult r = await client.EditAsync(request);

            Assert.Single(r.Images);
            Assert.Equal(1, Emu.Counters.Edits);
            RecordedRequest recorded = Emu.Counters.Requests.Single();
            // The emulator records image parts by their error-param name (image[0], ...); the literal part name
            // image[] is checked on the raw socket (ClientOverRawHttpTests).
            Assert.Equal(new[] { ("image[0]", "first.png", "image/png"), ("image[1]", "second.jpg", "image/jpeg"), ("mask", "mask.png", "image/png") },
                recorded.Files.Select(f => (f.Name, f.FileName!, f.ContentType!)).ToArray());
            Assert.DoesNotContain("moderation", recorded.Fields);
            Assert.Contains("model", recorded.Fields);
        }

        [Theory]
        [InlineData(FaultKind.ServerError)]
        [InlineData(FaultKind.Overloaded)]
        [InlineData(FaultKind.BadGateway)]
        [InlineData(FaultKind.GatewayTimeout)]
        [InlineData(FaultKind.RequestTimeout)]
        [InlineData(FaultKind.Conflict)]
        [InlineData(FaultKind.RateLimited)]
        [InlineData(FaultKind.DropConnection)]
        [InlineData(FaultKind.TruncateBody)]
        public async Task A_transient_fault_is_retried_once_and_the_second_call_succeeds(FaultKind fault)
        {
            Emu.Options.EnqueueFaults(new EmulatorFault(fault));
            using GptImageClient client = Client();
            ImageResult r = await client.GenerateAsync(TestClients.Generation());
            Assert.Equal(2, Emu.Counters.Total);
            Assert.Equal(2, r.Attempts);
            Assert.Single(_delays);
        }

        [Fact]
        public async Task Faults_beyond_MaxRetries_end_in_an_error_after_exactly_MaxRetries_plus_one_calls()
        {
            Emu.Options.EnqueueFaults(EmulatorFault.Overloaded, EmulatorFault.ServerError, EmulatorFault.Drop, EmulatorFault.Truncate, EmulatorFault.Succeed);
            using GptImageClient client = Client();   // default MaxRetries 3
            var e = await Assert.ThrowsAsync<GptImageApiException>(() => client.GenerateAsync(TestClients.Generation()));
            Assert.Equal(4, Emu.Counters.Total);
            Assert.Equal(4, e.Attempts);
            Assert.Equal(ErrorIds.InvalidResponse, e.ErrorId);   // the last attempt's body was cut short
        }

        [Fact]
        public async Task Insufficient_quota_is_called_once_and_reported_as_billing()
        {
            Emu.Options.InsufficientQuota = true;
            using GptImageClient client = Client();
            var e = await Assert.ThrowsAsync<GptImageApiException>(() => client.GenerateAsync(TestClients.Generation()));
            Assert.Equal(1, Emu.Counters.Total);
            Assert.Equal(ErrorIds.QuotaExceeded, e.ErrorId);
            Assert.Equal("insufficient_quota", e.ErrorCode);
            Assert.Contains("billing", e.Advice);
            Assert.NotNull(e.RequestId);
        }

        [Fact]
        public async Task Organization_verification_is_called_once_with_advice()
        {
            Emu.Options.EnqueueFaults(new EmulatorFault(FaultKind.OrganizationNotVerified));
            using GptImageClient client = Client();
            var e = await Assert.ThrowsAsync<GptImageApiException>(() => client.GenerateAsync(TestClients.Generation()));
            Assert.Equal(1, Emu.Counters.Total);
            Assert.Equal(ErrorIds.OrganizationNotVerified, e.ErrorId);
            Assert.Contains("verif", e.Advice);
        }

        [Fact]
        public async Task A_moderation_block_is_not_retried()
        {
            using GptImageClient client = Client();
            var e = await Assert.ThrowsAsync<GptImageApiException>(() => client.GenerateAsync(TestClients.Generation("a forbidden scene")));
            Assert.Equal(1, Emu.Counters.Total);
            Assert.Equal(400, e.StatusCode);
            Assert.Equal(ErrorIds.ModerationBlocked, e.ErrorId);
            Assert.Equal("moderation_blocked", e.ErrorCode);
        }

        [Fact]
        public async Task A_wrong_key_echoed_by_the_server_is_redacted_and_not_retried()
        {
            Emu.Options.RequiredApiKey = "sk-the-right-key-000";
            using GptImageClient client = Client();
            var e = await Assert.ThrowsAsync<GptImageApiException>(() => client.GenerateAsync(TestClients.Generation()));
            Assert.Equal(1, Emu.Counters.Total);
            Assert.Equal(ErrorIds.Unauthorized, e.ErrorId);
            Assert.Equal(401, e.StatusCode);
            Assert.Contains("Incorrect API key", e.ApiMessage);
            foreach (string text in new[] { e.Message, e.ToString(), e.ApiMessage!, string.Join("\n", _log) })
                Assert.DoesNotContain(EmulatorFixture.ApiKey, text);
        }

        [Fact]
        public async Task The_servers_retry_after_ms_is_honoured()
        {
            Emu.Options.EnqueueFaults(EmulatorFault.RateLimited(TimeSpan.FromMilliseconds(2500)));
            using GptImageClient client = Client();
            await client.GenerateAsync(TestClients.Generation());
            Assert.Equal(TimeSpan.FromMilliseconds(2500), Assert.Single(_delays));
        }

        [Fact]
        public async Task A_retry_after_http_date_is_honoured_when_retry_after_ms_is_absent()
        {
            Emu.Options.SendRetryAfterMs = false;
            Emu.Options.RetryAfterAsHttpDate = true;
            Emu.Options.EnqueueFaults(EmulatorFault.RateLimited(TimeSpan.FromSeconds(4)));
            using GptImageClient client = Client();
            await client.GenerateAsync(TestClients.Generation());
            // An HTTP date has whole seconds and the clock moved on since it was written.
            Assert.InRange(Assert.Single(_delays).TotalSeconds, 1, 5);
        }

        [Fact]
        public async Task A_hanging_server_hits_the_per_attempt_timeout_and_is_retried()
        {
            Emu.Options.EnqueueFaults(EmulatorFault.Hang, EmulatorFault.Hang);
            using GptImageClient client = Client(o => { o.Timeout = TimeSpan.FromMilliseconds(400); o.MaxRetries = 1; });
            var e = await Assert.ThrowsAsync<GptImageApiException>(() => client.GenerateAsync(TestClients.Generation()));
            Assert.Equal(ErrorIds.Timeout, e.ErrorId);
            Assert.Equal(2, e.Attempts);
            Assert.Equal(2, Emu.Counters.Total);
        }

        [Fact]
        public async Task Cancelling_a_call_in_flight_stops_it_without_a_retry()
        {
            Emu.Options.EnqueueFaults(EmulatorFault.Hang);
            using GptImageClient client = Client();
            using var cts = new CancellationTokenSource();
            Task<ImageResult> call = client.GenerateAsync(TestClients.Generation(), cts.Token);
            for (int i = 0; Emu.Counters.Total == 0 && i < 6000; i++) await Task.Delay(5);
            cts.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
            Assert.Equal(1, Emu.Counters.Total);
            Assert.Empty(_delays);
        }

        [Theory]
        [InlineData("transparent-jpeg", ErrorIds.InvalidBackground)]
        [InlineData("compression-png", ErrorIds.InvalidCompression)]
        [InlineData("size-1000", ErrorIds.InvalidSize)]
        [InlineData("n-11", ErrorIds.InvalidCount)]
        [InlineData("prompt-40000", ErrorIds.InvalidPrompt)]
        [InlineData("partial-4", ErrorIds.InvalidPartialImages)]
        [InlineData("images-17", ErrorIds.TooManyImages)]
        [InlineData("mask-jpeg", ErrorIds.InvalidMask)]
        [InlineData("fidelity-gpt-image-2", ErrorIds.InvalidInputFidelity)]
        [InlineData("moderation-edit", ErrorIds.InvalidModeration)]
        public async Task A_request_the_client_rejects_never_reaches_the_server(string rule, string errorId)
        {
            using GptImageClient client = Client();
            ImageEditRequest Edit(Action<ImageEditRequest> change)
            {
                var r = new ImageEditRequest { Prompt = "add a hat" };
                r.Images.Add(_files.Png("in.png"));
                change(r);
                return r;
            }
            Func<Task> call = rule switch
            {
                "transparent-jpeg" => () => client.GenerateAsync(new ImageGenerationRequest { Prompt = "x", Background = "transparent", OutputFormat = "jpeg" }),
                "compression-png" => () => client.GenerateAsync(new ImageGenerationRequest { Prompt = "x", OutputFormat = "png", Compression = 50 }),
                "size-1000" => () => client.GenerateAsync(new ImageGenerationRequest { Prompt = "x", Size = "1000x1000" }),
                "n-11" => () => client.GenerateAsync(new ImageGenerationRequest { Prompt = "x", Count = 11 }),
                "prompt-40000" => () => client.GenerateAsync(new ImageGenerationRequest { Prompt = new string('p', 40000) }),
                "partial-4" => () => client.GenerateAsync(new ImageGenerationRequest { Prompt = "x", PartialImages = 4 }),
                "images-17" => () => client.EditAsync(Edit(r => { for (int i = 0; i < 16; i++) r.Images.Add(r.Images[0]); })),
                "mask-jpeg" => () => client.EditAsync(Edit(r => r.MaskPath = _files.Write("mask.png", TestImages.Jpeg(64, 64)))),
                "fidelity-gpt-image-2" => () => client.EditAsync(Edit(r => r.InputFidelity = "high")),
                "moderation-edit" => () => client.EditAsync(Edit(r => r.Moderation = "low")),
                _ => throw new ArgumentOutOfRangeException(nameof(rule)),
            };
            var e = await Assert.ThrowsAsync<GptImageValidationException>(call);
            Assert.Equal(errorId, e.ErrorId);
            Assert.Equal(0, Emu.Counters.Total);
        }

        [Fact]
        public async Task A_retired_model_is_sent_with_a_warning_and_an_unknown_model_is_passed_through()
        {
            using GptImageClient client = Client();
            await client.GenerateAsync(new ImageGenerationRequest { Prompt = "a fox", Model = "gpt-image-1", Size = "1024x1024" });
            Assert.Contains(_log, line => line.StartsWith("WARNING:") && line.Contains("gpt-image-1") && line.Contains("shut down"));
            await client.GenerateAsync(new ImageGenerationRequest { Prompt = "a fox", Model = "my-gateway-image-model", Size = "640x480" });
            Assert.Equal(new[] { "gpt-image-1", "my-gateway-image-model" }, Emu.Counters.Requests.Select(r => r.Model).ToArray());
        }

        [Fact]
        public async Task Partial_images_stream_and_give_the_same_final_image_as_the_plain_call()
        {
            using GptImageClient client = Client();
            ImageResult plain = await client.GenerateAsync(new ImageGenerationRequest { Prompt = "a kite", Size = "1024x1024", Quality = "low" });
            ImageResult streamed = await client.GenerateAsync(new ImageGenerationRequest { Prompt = "a kite", Size = "1024x1024", Quality = "low", PartialImages = 2 });
            Assert.True(Emu.Counters.Requests.Last().Stream);
            Assert.Equal(plain.Images.Single().Bytes, streamed.Images.Single().Bytes);
            Assert.NotNull(streamed.Usage);
            Assert.Equal(1, streamed.Attempts);
        }

        [Fact]
        public async Task Azure_classic_deployment_route_with_the_api_key_header()
        {
            using GptImageClient client = Client(o => { o.Endpoint = Emu.Server.Root; o.AzureDeployment = "images-prod"; o.AzureApiVersion = "2025-04-01-preview"; o.UseApiKeyHeader = true; });
            ImageResult r = await client.GenerateAsync(TestClients.Generation());
            RecordedRequest recorded = Emu.Counters.Requests.Single();
            Assert.Equal(("images-prod", AuthScheme.ApiKeyHeader, "?api-version=2025-04-01-preview"), (recorded.AzureDeployment, recorded.Auth, recorded.Query));
            Assert.Equal(recorded.RequestId, r.RequestId);
        }
    }
}
