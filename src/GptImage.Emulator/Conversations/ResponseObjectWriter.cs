using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using GptImage.Emulator.Http;
using GptImage.Emulator.Images;
using GptImage.Emulator.Parsing;
using GptImage.Emulator.Responses;
using GptImage.Emulator.Validation;
using Microsoft.AspNetCore.Http;
using PriceListTokens = GptImage.Orchestration.ImageTokens;

namespace GptImage.Emulator.Conversations
{
    /// <summary>
    /// Answers a conversation turn with a Response object (the spec's Response): one image_generation_call output item
    /// (id, status, result = the image in base64, revised_prompt, and the size, quality, background and format made)
    /// and the mainline model's usage (ResponseUsage), which grows with the conversation as the real one does: each
    /// turn reads the earlier turns, their images included. stream=true gives the spec's event sequence, with
    /// response.image_generation_call.partial_image events (partial_image_b64, partial_image_index) before
    /// response.completed. The response is remembered so that a later turn can continue it.
    /// </summary>
    internal static class ResponseObjectWriter
    {
        /// <summary>What the mainline model writes to call the tool, in tokens (a small, fixed figure).</summary>
        private const long ToolCallTokens = 48;

        public static async Task AnswerAsync(HttpContext context, RecordedRequest record, ImageCall call, ValidatedCall valid, bool truncate,
            EmulatorServerState state, CancellationToken ct)
        {
            ConversationTurn turn = call.Turn!;
            RenderedImage image = state.Options.RealisticImages
                ? state.Images.GetRealistic(valid.Width, valid.Height, valid.OutputFormat, valid.Transparent)
                : state.Images.Get(valid.Width, valid.Height, valid.OutputFormat, valid.Transparent);
            long inputImages = call.Images.Sum(i => ImageHeaderReader.Read(i.Bytes) is UploadedImageInfo info ? TokenUsage.InputImageTokens(info.Width, info.Height) : 0);
            // The turn reads what the conversation holds (the previous context, the previous image included) plus its own words and uploads.
            bool ownImages = call.Images.Count > 0 && call.Images[0].Param != ConversationParams.PreviousImage;
            long input = (turn.Previous?.ContextTokens ?? 0) + PriceListTokens.Text(turn.InputText) + (ownImages ? inputImages : 0);
            var answer = new Answer(
                Id: ResponseStore.NewId("resp_"),
                ItemId: ResponseStore.NewId("ig_"),
                Created: DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                Turn: turn,
                Valid: valid,
                Image: image,
                InputTokens: input,
                OutputTokens: ToolCallTokens);
            state.Responses.Add(new StoredResponse(answer.Id, valid.Width, valid.Height, valid.OutputFormat, valid.Transparent, image.Bytes,
                input + ToolCallTokens + TokenUsage.InputImageTokens(valid.Width, valid.Height)));
            record.StatusCode = 200;
            record.ResponseId = answer.Id;
            if (truncate) record.Outcome = RequestOutcome.Truncated;
            if (turn.Stream)
            {
                await StreamAsync(context, answer, state, truncate, ct).ConfigureAwait(false);
                return;
            }
            var buffer = new MemoryStream(image.Base64.Length + 2048);
            using (var json = new Utf8JsonWriter(buffer, JsonOutput.Compact)) WriteResponse(json, answer, completed: true);
            await ImagesResponseWriter.SendAsync(context, buffer.ToArray(), truncate, ct).ConfigureAwait(false);
        }

        private static async Task StreamAsync(HttpContext context, Answer a, EmulatorServerState state, bool cutBeforeCompletion, CancellationToken ct)
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-cache";
            int sequence = 0;
            Task Send(string type, int sizeHint, Action<Utf8JsonWriter> write) => Responses.StreamWriter.WriteEventAsync(context, type, sizeHint, json =>
            {
                json.WriteString("type", type);
                json.WriteNumber("sequence_number", sequence++);
                write(json);
            }, ct);
            Action<Utf8JsonWriter> itemEvent = json => { json.WriteNumber("output_index", 0); json.WriteString("item_id", a.ItemId); };

            await Send("response.created", 1024, json => { json.WritePropertyName("response"); WriteResponse(json, a, completed: false); }).ConfigureAwait(false);
            await Send("response.in_progress", 1024, json => { json.WritePropertyName("response"); WriteResponse(json, a, completed: false); }).ConfigureAwait(false);
            await Send("response.output_item.added", 512, json => { json.WriteNumber("output_index", 0); json.WritePropertyName("item"); WriteCall(json, a, completed: false); }).ConfigureAwait(false);
            await Send("response.image_generation_call.in_progress", 256, itemEvent).ConfigureAwait(false);
            await Send("response.image_generation_call.generating", 256, itemEvent).ConfigureAwait(false);
            for (int i = 0; i < a.Valid.PartialImages; i++)
            {
                RenderedImage partial = state.Images.Get(a.Valid.Width, a.Valid.Height, a.Valid.OutputFormat, a.Valid.Transparent, variant: i + 1);
                int index = i;
                await Send("response.image_generation_call.partial_image", partial.Base64.Length + 512, json =>
                {
                    itemEvent(json);
                    json.WriteNumber("partial_image_index", index);
                    json.WriteString("partial_image_b64", partial.Base64);
                    WriteMade(json, a.Valid);
                }).ConfigureAwait(false);
                if (state.Options.StreamEventInterval > TimeSpan.Zero) await Task.Delay(state.Options.StreamEventInterval, ct).ConfigureAwait(false);
            }
            if (cutBeforeCompletion)
            {
                // A stream that dies after its partial images: the client must not take a partial for the result.
                await ImagesResponseWriter.EndEarlyAsync(context, ct).ConfigureAwait(false);
                return;
            }
            await Send("response.image_generation_call.completed", 256, itemEvent).ConfigureAwait(false);
            await Send("response.output_item.done", a.Image.Base64.Length + 1024, json => { json.WriteNumber("output_index", 0); json.WritePropertyName("item"); WriteCall(json, a, completed: true); }).ConfigureAwait(false);
            await Send("response.completed", a.Image.Base64.Length + 2048, json => { json.WritePropertyName("response"); WriteResponse(json, a, completed: true); }).ConfigureAwait(false);
        }

        private static void WriteResponse(Utf8JsonWriter json, Answer a, bool completed)
        {
            json.WriteStartObject();
            json.WriteString("id", a.Id);
            json.WriteString("object", "response");
            json.WriteNumber("created_at", a.Created);
            json.WriteString("status", completed ? "completed" : "in_progress");
            if (completed) json.WriteNumber("completed_at", DateTimeOffset.UtcNow.ToUnixTimeSeconds());
            else json.WriteNull("completed_at");
            json.WriteNull("error");
            json.WriteNull("incomplete_details");
            json.WriteString("model", a.Turn.MainlineModel);
            if (a.Turn.PreviousResponseId != null) json.WriteString("previous_response_id", a.Turn.PreviousResponseId);
            else json.WriteNull("previous_response_id");
            json.WriteStartArray("output");
            if (completed) WriteCall(json, a, completed: true);
            json.WriteEndArray();
            if (completed)
            {
                json.WriteStartObject("usage");
                json.WriteNumber("input_tokens", a.InputTokens);
                json.WriteStartObject("input_tokens_details");
                json.WriteNumber("cached_tokens", 0);
                json.WriteNumber("cache_write_tokens", 0);
                json.WriteEndObject();
                json.WriteNumber("output_tokens", a.OutputTokens);
                json.WriteStartObject("output_tokens_details");
                json.WriteNumber("reasoning_tokens", 0);
                json.WriteEndObject();
                json.WriteNumber("total_tokens", a.InputTokens + a.OutputTokens);
                json.WriteEndObject();
            }
            else json.WriteNull("usage");
            json.WriteEndObject();
        }

        /// <summary>The image_generation_call item (ImageGenToolCall), with the fields the real API adds: revised_prompt and what was made.</summary>
        private static void WriteCall(Utf8JsonWriter json, Answer a, bool completed)
        {
            json.WriteStartObject();
            json.WriteString("type", "image_generation_call");
            json.WriteString("id", a.ItemId);
            json.WriteString("status", completed ? "completed" : "in_progress");
            if (completed) json.WriteString("result", a.Image.Base64);
            else json.WriteNull("result");
            if (completed)
            {
                json.WriteString("revised_prompt", "A detailed rendering of: " + a.Valid.Prompt);
                WriteMade(json, a.Valid);
            }
            json.WriteEndObject();
        }

        private static void WriteMade(Utf8JsonWriter json, ValidatedCall valid)
        {
            json.WriteString("size", valid.Size);
            json.WriteString("quality", valid.Quality);
            json.WriteString("background", valid.Transparent ? "transparent" : "opaque");
            json.WriteString("output_format", valid.OutputFormat);
        }

        private sealed record Answer(string Id, string ItemId, long Created, ConversationTurn Turn, ValidatedCall Valid, RenderedImage Image, long InputTokens, long OutputTokens);
    }
}
