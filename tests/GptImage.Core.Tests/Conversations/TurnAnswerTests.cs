using GptImage.Orchestration;
using GptImage.Streaming;
using GptImage.Wire;

namespace GptImage.Tests.Conversations
{
    /// <summary>Reading a turn's answer (JSON and streamed), its cost, and its cache entry, without a server.</summary>
    public sealed class TurnAnswerTests : IDisposable
    {
        private static readonly string Png = Convert.ToBase64String(TestImages.PngBytes(4, 4));
        private readonly TempFolder _files = new TempFolder();

        public void Dispose() => _files.Dispose();

        private static string Response(string status = "completed", string? output = null) =>
            "{\"id\":\"resp_1\",\"object\":\"response\",\"created_at\":1763700000,\"status\":\"" + status + "\",\"model\":\"gpt-5.4\",\"output\":"
            + (output ?? "[{\"type\":\"image_generation_call\",\"id\":\"ig_1\",\"status\":\"completed\",\"result\":\"" + Png + "\",\"revised_prompt\":\"a navy fox\",\"size\":\"1024x1024\",\"quality\":\"low\",\"background\":\"opaque\",\"output_format\":\"png\"}]")
            + ",\"usage\":{\"input_tokens\":1200,\"input_tokens_details\":{\"cached_tokens\":0,\"cache_write_tokens\":0},\"output_tokens\":40,\"output_tokens_details\":{\"reasoning_tokens\":0},\"total_tokens\":1240}}";

        [Fact]
        public void A_response_gives_the_image_its_id_the_revised_prompt_and_both_usages()
        {
            var turn = new ConversationTurnRequest { Prompt = "navy", PreviousResponseId = "resp_0" };
            ImageResult r = ResponsesParser.Parse(Encoding.UTF8.GetBytes(Response()), turn, "req_1", null, 1);

            Assert.Equal("resp_1", r.ResponseId);
            Assert.Equal("a navy fox", r.Images[0].RevisedPrompt);
            Assert.Equal((4, 4), TestImages.PngSize(r.Images[0].Bytes));
            Assert.Equal("1024x1024", r.Size);
            Assert.Equal("gpt-image-2", r.Model);
            Assert.Equal("gpt-5.4", r.MainlineModel);
            Assert.Equal(1200, r.MainlineUsage!.InputTokens);
            Assert.Equal(40, r.MainlineUsage.OutputTokens);
            // The tool's tokens: gpt-image-2's low 1024x1024 figure from the price list, and the image it read.
            Assert.Equal(200, r.Usage!.OutputTokens);
            Assert.Equal(1000, r.Usage.ImageTokens);

            decimal image = (r.Usage.TextTokens * 5.00m + 1000 * 8.00m + 200 * 30.00m) / 1_000_000m;
            decimal mainline = (1200 * 2.50m + 40 * 15.00m) / 1_000_000m;
            Assert.Equal(image + mainline, CostCalculator.Actual(r, "gpt-image-2"));
        }

        [Theory]
        [InlineData("failed", null, ErrorIds.ServerError)]
        [InlineData("completed", "[{\"type\":\"message\",\"content\":[{\"type\":\"output_text\",\"text\":\"I cannot draw that.\"}]}]", ErrorIds.BadRequest)]
        public void A_response_without_an_image_is_an_error_that_says_why(string status, string? output, string errorId)
        {
            string body = status == "failed"
                ? Response("failed").Replace("\"model\"", "\"error\":{\"code\":\"server_error\",\"message\":\"boom\"},\"model\"")
                : Response(output: output);
            var e = Assert.Throws<StreamErrorException>(() => ResponsesParser.Parse(Encoding.UTF8.GetBytes(body), new ConversationTurnRequest { Prompt = "x" }, null, null, 1));
            GptImage.Wire.ApiErrorBody error = GptImage.Wire.ApiErrorBody.Read(Encoding.UTF8.GetBytes(e.Body));
            Assert.Equal(errorId, CallErrors.Conversation.ErrorIdFor(e.Status, error.Code, error.Type, error.Message));
            Assert.Contains(status == "failed" ? "boom" : "I cannot draw that.", error.Message);
        }

        [Fact]
        public void A_stream_reports_partial_images_and_ends_with_the_completed_response()
        {
            var partials = new List<PartialImage>();
            var turn = new ConversationTurnRequest { Prompt = "a fox", PartialImages = 2 };
            var assembler = new ResponseStreamAssembler(turn, partials.Add);
            foreach (string data in new[]
            {
                "{\"type\":\"response.created\",\"sequence_number\":0,\"response\":{\"id\":\"resp_1\",\"output\":[]}}",
                "{\"type\":\"response.image_generation_call.partial_image\",\"sequence_number\":1,\"output_index\":0,\"item_id\":\"ig_1\",\"partial_image_index\":0,\"partial_image_b64\":\"" + Png + "\"}",
                "{\"type\":\"response.image_generation_call.partial_image\",\"sequence_number\":2,\"output_index\":0,\"item_id\":\"ig_1\",\"partial_image_index\":1,\"partial_image_b64\":\"" + Png + "\"}",
                "{\"type\":\"response.completed\",\"sequence_number\":3,\"response\":" + Response() + "}",
            })
                assembler.Add(new ServerSentEvent(null, data), "req_1", null, 1);

            Assert.Equal(new[] { 0, 1 }, partials.Select(p => p.PartialImageIndex));
            Assert.Same(turn, partials[0].Request);
            Assert.Equal("resp_1", assembler.ToResult().ResponseId);
        }

        [Fact]
        public void A_stream_that_ends_before_response_completed_is_cut_short()
        {
            var assembler = new ResponseStreamAssembler(new ConversationTurnRequest { Prompt = "a fox" }, null);
            assembler.Add(new ServerSentEvent(null, "{\"type\":\"response.image_generation_call.partial_image\",\"partial_image_index\":0,\"partial_image_b64\":\"" + Png + "\"}"), null, null, 1);
            Assert.Throws<InvalidResponseException>(() => assembler.ToResult());
        }

        [Fact]
        public void An_error_event_carries_its_code_and_param()
        {
            var assembler = new ResponseStreamAssembler(new ConversationTurnRequest { Prompt = "a fox" }, null);
            var e = Assert.Throws<StreamErrorException>(() => assembler.Add(new ServerSentEvent("error",
                "{\"type\":\"error\",\"code\":\"moderation_blocked\",\"message\":\"refused\",\"param\":null,\"sequence_number\":1}"), null, null, 1));
            GptImage.Wire.ApiErrorBody error = GptImage.Wire.ApiErrorBody.Read(Encoding.UTF8.GetBytes(e.Body));
            Assert.Equal(ErrorIds.ModerationBlocked, CallErrors.Conversation.ErrorIdFor(e.Status, error.Code, error.Type, error.Message));
        }

        [Fact]
        public async Task The_cache_keeps_the_response_id_and_the_mainline_usage()
        {
            ImageResult r = ResponsesParser.Parse(Encoding.UTF8.GetBytes(Response()), new ConversationTurnRequest { Prompt = "navy" }, "req_1", null, 1);
            var cache = new FileResultCache(_files.Folder);
            string key = RequestKey.Compute(new ConversationTurnRequest { Prompt = "navy" }, null);
            await cache.CommitAsync(key, r, CancellationToken.None);
            ImageResult back = (await cache.TryGetAsync(key, CancellationToken.None))!;

            Assert.Equal("resp_1", back.ResponseId);
            Assert.Equal("gpt-5.4", back.MainlineModel);
            Assert.Equal(1200, back.MainlineUsage!.InputTokens);
            Assert.Equal(CostCalculator.Actual(r, "gpt-image-2"), CostCalculator.Actual(back, "gpt-image-2"));
        }

        [Fact]
        public void The_estimate_counts_the_image_tool_and_the_mainline_model_and_says_so()
        {
            CostEstimate later = CostEstimator.Estimate(new ConversationTurnRequest { Prompt = "navy", Quality = "low", Size = "1024x1024", PreviousResponseId = "resp_1" });
            CostEstimate image = CostEstimator.Estimate(new ImageGenerationRequest { Prompt = "navy", Quality = "low", Size = "1024x1024" });
            Assert.True(later.Usd > image.Usd);
            Assert.Contains("mainline model gpt-5.4", later.Basis);
            Assert.Contains("1 image(s) read", later.Basis);

            CostEstimate unpriced = CostEstimator.Estimate(new ConversationTurnRequest { Prompt = "navy", Quality = "low", Size = "1024x1024", ResponsesModel = "my-gateway-model" });
            Assert.Equal(image.Usd, unpriced.Usd);
            Assert.Contains("'my-gateway-model' has no price", unpriced.Basis);
        }
    }
}
