using GptImage.Wire;

namespace GptImage.Tests.Conversations
{
    /// <summary>The body of a conversation turn (POST /responses): what goes where, and nothing the tool does not take.</summary>
    public sealed class TurnBodyTests : IDisposable
    {
        private readonly TempFolder _files = new TempFolder();

        public void Dispose() => _files.Dispose();

        private static JsonElement Body(ConversationTurnRequest request) => JsonDocument.Parse(ResponsesJsonWriter.Write(request)).RootElement.Clone();

        [Fact]
        public void A_first_turn_with_an_image_and_a_mask_sends_a_user_message_and_the_tool_with_its_options()
        {
            var turn = new ConversationTurnRequest
            {
                Prompt = "make the background navy", Size = "1024x1024", Quality = "low", OutputFormat = "webp", Compression = 70,
                Background = "opaque", Moderation = "low", MaskPath = _files.Png("mask.png", 64, 64, transparent: true),
            };
            turn.Images.Add(_files.Png("photo.png"));
            JsonElement body = Body(turn);

            Assert.Equal("gpt-5.4", body.GetProperty("model").GetString());
            Assert.False(body.TryGetProperty("previous_response_id", out _));
            Assert.False(body.TryGetProperty("stream", out _));
            JsonElement content = body.GetProperty("input")[0].GetProperty("content");
            Assert.Equal("user", body.GetProperty("input")[0].GetProperty("role").GetString());
            Assert.Equal("make the background navy", content[0].GetProperty("text").GetString());
            Assert.Equal("input_image", content[1].GetProperty("type").GetString());
            Assert.StartsWith("data:image/png;base64,", content[1].GetProperty("image_url").GetString());
            Assert.Equal("auto", content[1].GetProperty("detail").GetString());

            JsonElement tool = Assert.Single(body.GetProperty("tools").EnumerateArray());
            Assert.Equal("image_generation", tool.GetProperty("type").GetString());
            Assert.Equal("gpt-image-2", tool.GetProperty("model").GetString());
            Assert.Equal("1024x1024", tool.GetProperty("size").GetString());
            Assert.Equal("low", tool.GetProperty("quality").GetString());
            Assert.Equal("webp", tool.GetProperty("output_format").GetString());
            Assert.Equal(70, tool.GetProperty("output_compression").GetInt32());
            Assert.Equal("opaque", tool.GetProperty("background").GetString());
            Assert.Equal("low", tool.GetProperty("moderation").GetString());
            Assert.StartsWith("data:image/png;base64,", tool.GetProperty("input_image_mask").GetProperty("image_url").GetString());
            Assert.Equal("image_generation", body.GetProperty("tool_choice").GetProperty("type").GetString());
        }

        [Fact]
        public void A_later_turn_sends_the_previous_response_id_and_no_image()
        {
            JsonElement body = Body(new ConversationTurnRequest { Prompt = "now add our logo top left", PreviousResponseId = "resp_abc123", ResponsesModel = "gpt-5.4-mini" });

            Assert.Equal("now add our logo top left", body.GetProperty("input").GetString());
            Assert.Equal("resp_abc123", body.GetProperty("previous_response_id").GetString());
            Assert.Equal("gpt-5.4-mini", body.GetProperty("model").GetString());
            Assert.DoesNotContain("input_image", body.GetRawText());
            JsonElement tool = body.GetProperty("tools")[0];
            Assert.Equal(new[] { "model", "type" }, tool.EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));
        }

        [Fact]
        public void Partial_images_turn_on_streaming()
        {
            JsonElement body = Body(new ConversationTurnRequest { Prompt = "a fox", PartialImages = 2 });
            Assert.True(body.GetProperty("stream").GetBoolean());
            Assert.Equal(2, body.GetProperty("tools")[0].GetProperty("partial_images").GetInt32());
        }

        [Fact]
        public void Every_field_is_one_the_spec_names_for_its_object()
        {
            var turn = new ConversationTurnRequest
            {
                Prompt = "a fox", PreviousResponseId = "resp_1", Model = "gpt-image-1.5", Size = "1024x1536", Quality = "high", OutputFormat = "png",
                Background = "transparent", Moderation = "auto", InputFidelity = "high", PartialImages = 1,
                MaskPath = _files.Png("mask.png", 64, 64, transparent: true),
            };
            turn.Images.Add(_files.Png("photo.png"));
            JsonElement body = Body(turn);

            HashSet<string> request = SpecSchema.Properties("CreateResponse");
            request.UnionWith(SpecSchema.Properties("ResponseProperties"));
            request.UnionWith(SpecSchema.Properties("ModelResponseProperties"));
            HashSet<string> tool = SpecSchema.Properties("ImageGenTool");
            Assert.Contains("input_image_mask", tool);   // the reader works: a property of the schema,
            Assert.DoesNotContain("image_url", tool);     // not a property's own property,
            Assert.DoesNotContain("n", tool);             // and nothing the images endpoints take but the tool does not
            Assert.All(body.EnumerateObject(), p => Assert.Contains(p.Name, request));
            Assert.All(body.GetProperty("tools")[0].EnumerateObject(), p => Assert.Contains(p.Name, tool));
            Assert.All(body.GetProperty("input")[0].GetProperty("content")[1].EnumerateObject(), p => Assert.Contains(p.Name, SpecSchema.Properties("InputImageContent")));
        }

        [Theory]
        [InlineData("Quality", "ultra", ErrorIds.InvalidQuality)]
        [InlineData("Size", "1000x1000", ErrorIds.InvalidSize)]
        [InlineData("Count", "2", ErrorIds.InvalidCount)]
        [InlineData("User", "u-1", ErrorIds.InvalidSetting)]
        [InlineData("PreviousResponseId", "not an id", ErrorIds.InvalidSetting)]
        [InlineData("PartialImages", "4", ErrorIds.InvalidPartialImages)]
        public void A_bad_option_is_refused_before_anything_is_sent_naming_the_parameter(string parameter, string value, string errorId)
        {
            var turn = new ConversationTurnRequest { Prompt = "a fox" };
            switch (parameter)
            {
                case "Quality": turn.Quality = value; break;
                case "Size": turn.Size = value; break;
                case "Count": turn.Count = int.Parse(value); break;
                case "User": turn.User = value; break;
                case "PreviousResponseId": turn.PreviousResponseId = value; break;
                case "PartialImages": turn.PartialImages = int.Parse(value); break;
            }
            var e = Assert.Throws<GptImageValidationException>(() => RequestValidator.Validate(turn, DateTime.UtcNow));
            Assert.Equal(errorId, e.ErrorId);
            Assert.Contains(parameter, e.Message);
            Assert.Contains(value, e.Message);
        }

        [Fact]
        public void Additional_body_fields_go_to_the_top_of_the_body_and_may_not_replace_the_turns_own()
        {
            var turn = new ConversationTurnRequest { Prompt = "a fox", AdditionalBody = new Dictionary<string, object?> { ["service_tier"] = "flex" } };
            RequestValidator.Validate(turn, DateTime.UtcNow);
            JsonElement body = Body(turn);
            Assert.Equal("flex", body.GetProperty("service_tier").GetString());
            Assert.False(body.GetProperty("tools")[0].TryGetProperty("service_tier", out _));

            var e = Assert.Throws<GptImageValidationException>(() => RequestValidator.Validate(
                new ConversationTurnRequest { Prompt = "a fox", AdditionalBody = new Dictionary<string, object?> { ["tools"] = "[]" } }, DateTime.UtcNow));
            Assert.Equal(ErrorIds.InvalidAdditionalBody, e.ErrorId);
            Assert.Contains("tools", e.Message);
        }

        [Fact]
        public void An_image_model_as_the_mainline_model_is_refused_with_where_it_belongs()
        {
            var e = Assert.Throws<GptImageValidationException>(() => RequestValidator.Validate(new ConversationTurnRequest { Prompt = "a fox", ResponsesModel = "gpt-image-2" }, DateTime.UtcNow));
            Assert.Equal(ErrorIds.InvalidModel, e.ErrorId);
            Assert.Contains("-ImageModel", e.Message);
        }

        [Fact]
        public void A_mask_without_an_image_on_the_same_turn_is_refused()
        {
            var turn = new ConversationTurnRequest { Prompt = "a fox", PreviousResponseId = "resp_1", MaskPath = _files.Png("mask.png", 64, 64, transparent: true) };
            var e = Assert.Throws<GptImageValidationException>(() => RequestValidator.Validate(turn, DateTime.UtcNow));
            Assert.Equal(ErrorIds.InvalidMask, e.ErrorId);
            Assert.Contains("-Path", e.Message);
        }

        [Fact]
        public void Moderation_is_a_tool_option_though_the_multipart_edit_has_none()
        {
            var turn = new ConversationTurnRequest { Prompt = "a fox", Moderation = "low" };
            turn.Images.Add(_files.Png("photo.png"));
            Assert.Empty(RequestValidator.Validate(turn, DateTime.UtcNow));
        }

        [Fact]
        public void The_cache_key_changes_with_the_turn_continued_and_the_mainline_model()
        {
            string first = GptImage.Orchestration.RequestKey.Compute(new ConversationTurnRequest { Prompt = "navy", PreviousResponseId = "resp_1" }, "http://x/v1");
            Assert.Equal(first, GptImage.Orchestration.RequestKey.Compute(new ConversationTurnRequest { Prompt = "navy", PreviousResponseId = "resp_1" }, "http://x/v1"));
            Assert.NotEqual(first, GptImage.Orchestration.RequestKey.Compute(new ConversationTurnRequest { Prompt = "navy", PreviousResponseId = "resp_2" }, "http://x/v1"));
            Assert.NotEqual(first, GptImage.Orchestration.RequestKey.Compute(new ConversationTurnRequest { Prompt = "navy", PreviousResponseId = "resp_1", ResponsesModel = "gpt-5.5" }, "http://x/v1"));
            Assert.NotEqual(first, GptImage.Orchestration.RequestKey.Compute(new ImageGenerationRequest { Prompt = "navy" }, "http://x/v1"));
        }
    }
}
