using System.Collections.Concurrent;
using GptImage.Orchestration;

namespace GptImage.Tests.Conversations
{
    /// <summary>Conversation turns from the client to the emulator's /responses and back, over real HTTP.</summary>
    public sealed class ConversationEmulatorTests(EmulatorFixture emulator) : EmulatorTest(emulator), IDisposable
    {
        private readonly TempFolder _files = new TempFolder();
        private readonly ConcurrentQueue<string> _log = new ConcurrentQueue<string>();

        public void Dispose() => _files.Dispose();

        private GptImageClient Client(Action<GptImageClientOptions>? change = null)
        {
            GptImageClientOptions options = Emu.CreateClientOptions();
            options.Log = _log.Enqueue;
            change?.Invoke(options);
            var client = new GptImageClient(options);
            client.DelayAsync = (_, token) => Task.CompletedTask;
            return client;
        }

        [Fact]
        public async Task Three_turns_continue_one_another_and_only_the_first_uploads_an_image()
        {
            using GptImageClient client = Client();
            var first = new ConversationTurnRequest { Prompt = "our mug on a table", Size = "1024x1024", Quality = "low" };
            first.Images.Add(_files.Png("mug.png", 64, 64));
            ImageResult one = await client.RespondAsync(first);
            ImageResult two = await client.RespondAsync(new ConversationTurnRequest { Prompt = "now make the background navy", PreviousResponseId = one.ResponseId, Quality = "low" });
            ImageResult three = await client.RespondAsync(new ConversationTurnRequest { Prompt = "add our logo top left", PreviousResponseId = two.ResponseId, Quality = "low" });

            Assert.All(new[] { one, two, three }, r => Assert.StartsWith("resp_", r.ResponseId));
            Assert.Equal(3, new[] { one.ResponseId, two.ResponseId, three.ResponseId }.Distinct().Count());
            RecordedRequest[] sent = Emu.Counters.Requests.ToArray();
            Assert.Equal(3, Emu.Counters.Responses);
            Assert.All(sent, r => Assert.Equal("/v1/responses", r.Path));
            Assert.Null(sent[0].PreviousResponseId);
            Assert.Single(sent[0].Files);
            Assert.Equal(one.ResponseId, sent[1].PreviousResponseId);
            Assert.Equal(two.ResponseId, sent[2].PreviousResponseId);
            Assert.Empty(sent[1].Files);
            Assert.Empty(sent[2].Files);
            Assert.DoesNotContain("input_image", sent[2].JsonBody);
            // A later turn without a size edits the conversation's image: it keeps that image's size.
            Assert.Equal((1024, 1024), TestImages.PngSize(three.Images[0].Bytes));
            Assert.Equal("gpt-image-2", three.Model);
            Assert.Equal("gpt-5.4", three.MainlineModel);
            Assert.StartsWith("A detailed rendering of", three.Images[0].RevisedPrompt);
            // The mainline model reads the whole conversation: its input grows turn by turn.
            Assert.True(three.MainlineUsage!.InputTokens > two.MainlineUsage!.InputTokens && two.MainlineUsage.InputTokens > 0);
            Assert.True(three.Usage!.OutputTokens > 0);
            Assert.True(CostCalculator.Actual(three, "gpt-image-2") > CostCalculator.Actual("gpt-image-2", three.Usage));
        }

        [Fact]
        public async Task An_unknown_previous_response_id_is_its_own_clear_error_and_not_retried()
        {
            using GptImageClient client = Client();
            var e = await Assert.ThrowsAsync<GptImageApiException>(() =>
                client.RespondAsync(new ConversationTurnRequest { Prompt = "navy", PreviousResponseId = "resp_doesnotexist" }));

            Assert.Equal(ErrorIds.PreviousResponseNotFound, e.ErrorId);
            Assert.Equal(400, e.StatusCode);
            Assert.Equal("previous_response_id", e.Param);
            Assert.Contains("resp_doesnotexist", e.Message);
            Assert.Contains("new conversation", e.Message);
            Assert.Equal(1, Emu.Counters.Total);
        }

        [Fact]
        public async Task Partial_images_stream_as_the_spec_events_and_end_in_the_final_image()
        {
            var partials = new ConcurrentQueue<PartialImage>();
            using GptImageClient client = Client(o => o.OnPartialImage = partials.Enqueue);
            ImageResult r = await client.RespondAsync(new ConversationTurnRequest { Prompt = "a fox", Size = "1024x1024", Quality = "low", PartialImages = 2 });

            Assert.Equal(new[] { 0, 1 }, partials.Select(p => p.PartialImageIndex));
            Assert.All(partials, p => Assert.Equal("response.image_generation_call.partial_image", p.EventType));
            Assert.StartsWith("resp_", r.ResponseId);
            Assert.Equal((1024, 1024), TestImages.PngSize(r.Images[0].Bytes));
            Assert.NotEqual(partials.First().Bytes, r.Images[0].Bytes);
            Assert.True(Emu.Counters.Requests.Single().Stream);
        }

        [Fact]
        public async Task A_stream_cut_after_its_partial_images_is_retried_not_taken_for_the_result()
        {
            Emu.Options.EnqueueFaults(EmulatorFault.Truncate);
            using GptImageClient client = Client();
            ImageResult r = await client.RespondAsync(new ConversationTurnRequest { Prompt = "a fox", Quality = "low", PartialImages = 1 });
            Assert.Equal(2, r.Attempts);
            Assert.Equal(2, Emu.Counters.Responses);
        }

        [Fact]
        public async Task Faults_and_rate_limits_of_the_images_pipeline_apply_to_turns_too()
        {
            Emu.Options.EnqueueFaults(EmulatorFault.ServerError, EmulatorFault.RateLimited(TimeSpan.FromMilliseconds(10)));
            using GptImageClient client = Client();
            ImageResult r = await client.RespondAsync(new ConversationTurnRequest { Prompt = "a fox", Quality = "low" });
            Assert.Equal(3, r.Attempts);
            Assert.Equal(new[] { 500, 429, 200 }, Emu.Counters.Requests.Select(q => q.StatusCode));
        }

        [Fact]
        public async Task The_emulator_judges_the_tool_options_and_names_them_as_the_api_does()
        {
            using HttpClient http = Emu.CreateHttpClient();
            using HttpResponseMessage answer = await http.PostAsync(new Uri(Emu.BaseUrl, "responses"), new StringContent(
                "{\"model\":\"gpt-5.4\",\"input\":\"a fox\",\"tools\":[{\"type\":\"image_generation\",\"quality\":\"ultra\"}]}", Encoding.UTF8, "application/json"));
            Assert.Equal(400, (int)answer.StatusCode);
            JsonElement error = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
            Assert.Equal("tools[0].quality", error.GetProperty("param").GetString());

            using HttpResponseMessage unknown = await http.PostAsync(new Uri(Emu.BaseUrl, "responses"), new StringContent(
                "{\"model\":\"gpt-5.4\",\"input\":\"a fox\",\"tools\":[{\"type\":\"image_generation\",\"n\":2}]}", Encoding.UTF8, "application/json"));
            Assert.Equal("tools[0].n", JsonDocument.Parse(await unknown.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetProperty("param").GetString());

            using HttpResponseMessage imageModel = await http.PostAsync(new Uri(Emu.BaseUrl, "responses"), new StringContent(
                "{\"model\":\"gpt-image-2\",\"input\":\"a fox\",\"tools\":[{\"type\":\"image_generation\"}]}", Encoding.UTF8, "application/json"));
            Assert.Equal("model", JsonDocument.Parse(await imageModel.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetProperty("param").GetString());
        }

        [Fact]
        public async Task A_mask_on_a_turn_applies_to_that_turns_image()
        {
            using GptImageClient client = Client();
            var turn = new ConversationTurnRequest { Prompt = "replace the sky", Quality = "low", MaskPath = _files.Png("mask.png", 64, 64, transparent: true) };
            turn.Images.Add(_files.Png("photo.png", 64, 64));
            await client.RespondAsync(turn);
            RecordedRequest sent = Emu.Counters.Requests.Single();
            Assert.Equal(new[] { "input[0].content[1]", "tools[0].input_image_mask" }, sent.Files.Select(f => f.Name));
        }

        [Fact]
        public async Task The_key_never_reaches_the_log()
        {
            using GptImageClient client = Client();
            await Assert.ThrowsAsync<GptImageApiException>(() => client.RespondAsync(new ConversationTurnRequest { Prompt = "x", PreviousResponseId = "resp_gone" }));
            await client.RespondAsync(new ConversationTurnRequest { Prompt = "x", Quality = "low" });
            Assert.NotEmpty(_log);
            Assert.DoesNotContain(_log, line => line.Contains(EmulatorFixture.ApiKey, StringComparison.Ordinal));
        }
    }
}
