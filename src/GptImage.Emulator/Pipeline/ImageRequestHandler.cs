using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GptImage.Emulator.Conversations;
using GptImage.Emulator.Http;
using GptImage.Emulator.Images;
using GptImage.Emulator.Parsing;
using GptImage.Emulator.Responses;
using GptImage.Emulator.Validation;
using Microsoft.AspNetCore.Http;

namespace GptImage.Emulator.Pipeline
{
    /// <summary>
    /// One image call from arrival to answer: credentials, parsing, validation, moderation, the rate window,
    /// latency, faults (scripted first, then random), and the answer (JSON or a stream).
    /// </summary>
    internal sealed class ImageRequestHandler
    {
        private readonly EmulatorServerState _state;

        public ImageRequestHandler(EmulatorServerState state) => _state = state;

        private EmulatorOptions Options => _state.Options;

        public Task HandleAsync(HttpContext context, ImageEndpoint endpoint, string? deployment) =>
            HandleAsync(context, endpoint == ImageEndpoint.Generations ? "generations" : "edits", deployment,
                ct => ImageCallReader.ReadAsync(context.Request, endpoint, ct, _state.Files.ImageById));

        /// <summary>POST /responses with the image_generation tool: the same pipeline, a Response object for an answer.</summary>
        public Task HandleResponsesAsync(HttpContext context) =>
            HandleAsync(context, "responses", null, ct => ResponsesCallReader.ReadAsync(context.Request, _state.Responses, _state.Files.ImageById, ct));

        private async Task HandleAsync(HttpContext context, string endpointName, string? deployment, Func<CancellationToken, Task<ImageCallReader.ReadResult>> read)
        {
            var (scheme, key) = Authentication.Read(context.Request);
            RecordedRequest record = RequestRecorder.Start(context, endpointName, deployment, scheme);
            using IDisposable tracking = _state.Counters.Track(record);
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _state.Stopping);
            try
            {
                WriteRequestId(context, record, deployment != null);
                await RunAsync(context, read, deployment, scheme, key, record, cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cts.IsCancellationRequested)
            {
                record.Outcome = RequestOutcome.ClientGaveUp;
                context.Abort();
            }
        }

        private async Task RunAsync(HttpContext context, Func<CancellationToken, Task<ImageCallReader.ReadResult>> read, string? deployment, AuthScheme scheme, string? key,
            RecordedRequest record, CancellationToken ct)
        {
            if (Options.RedirectTo is string redirectTo) { Redirect(context, record, redirectTo); return; }
            ApiError? authError = Authentication.Check(scheme, key, Options);
            if (authError != null) { await FailAsync(context, record, authError).ConfigureAwait(false); return; }
            if (deployment != null && string.IsNullOrEmpty(context.Request.Query["api-version"]))
            {
                await FailAsync(context, record, new ApiError(404, "Resource not found: the deployment route needs the api-version query parameter.",
                    ApiError.InvalidRequest, null, null)).ConfigureAwait(false);
                return;
            }

            ImageCallReader.ReadResult received = await read(ct).ConfigureAwait(false);
            record.JsonBody = received.JsonBody;
            if (received.Call is ImageCall parsed)
            {
                parsed.Deployment = deployment;
                Describe(record, parsed);
            }
            if (received.Error != null) { await FailAsync(context, record, received.Error).ConfigureAwait(false); return; }
            ImageCall call = received.Call!;

            if (Options.InsufficientQuota) { await FailAsync(context, record, ApiError.InsufficientQuota()).ConfigureAwait(false); return; }

            var (valid, validationError) = ImageCallValidator.Validate(call, Options);
            if (validationError != null)
            {
                await FailAsync(context, record, call.Turn is null ? validationError : ConversationParams.Rename(validationError)).ConfigureAwait(false);
                return;
            }
            record.Count = valid!.Count;
            record.Stream = valid.Stream;

            ApiError? refusal = ContentPolicy.Check(valid, deployment != null, Options);
            if (refusal != null) { await FailAsync(context, record, refusal).ConfigureAwait(false); return; }

            RateDecision rate = _state.RateWindow.TryAdmit(valid.Count, Options.RequestsPerMinute, Options.ImagesPerMinute);
            WriteRateHeaders(context, rate);
            if (!rate.Admitted)
            {
                await FailAsync(context, record, ApiError.RateLimited(valid.Model, rate.Exceeded!, rate.RetryAfter)).ConfigureAwait(false);
                return;
            }

            TimeSpan latency = _state.Chance.Between(Options.MinLatency, Options.MaxLatency);
            if (latency > TimeSpan.Zero) await Task.Delay(latency, ct).ConfigureAwait(false);

            FaultKind fault = ChooseFault(out TimeSpan? announcedWait);
            if (await FaultResponder.TryRespondAsync(context, record, fault, announcedWait, valid.Model, Options, ct).ConfigureAwait(false))
                return;

            await AnswerAsync(context, record, call, valid, fault == FaultKind.TruncateBody, ct).ConfigureAwait(false);
        }

        /// <summary>What the request asked for, in its record (before any check, so refused calls show it too).</summary>
        private static void Describe(RecordedRequest record, ImageCall call)
        {
            record.Prompt = call.Text("prompt");
            record.Model = call.Text("model");
            record.Fields = ImageCallReader.FieldNames(call);
            record.PreviousResponseId = call.Turn?.PreviousResponseId;
            // A turn's earlier image is the server's own, not an upload: it is left out of the files sent.
            record.Files = call.Images.Where(f => f.Param != ConversationParams.PreviousImage).Concat(call.Mask is null ? Enumerable.Empty<UploadedFile>() : new[] { call.Mask })
                .Select(f => RecordedFilePart.From(f.Param, f.FileName, f.ContentType, f.Bytes)).ToArray();
        }

        private FaultKind ChooseFault(out TimeSpan? announcedWait)
        {
            announcedWait = null;
            if (Options.ScriptedFaults.TryDequeue(out EmulatorFault? scripted))
            {
                announcedWait = scripted.RetryAfter;
                return scripted.Kind;
            }
            // One draw per knob, always in the same order, so a seeded run repeats itself.
            bool drop = _state.Chance.Roll(Options.DropConnectionRate);
            bool serverError = _state.Chance.Roll(Options.ServerErrorRate);
            bool rateLimited = _state.Chance.Roll(Options.RateLimitErrorRate);
            bool truncate = _state.Chance.Roll(Options.TruncateBodyRate);
            bool overloaded = _state.Chance.Coin();
            if (drop) return FaultKind.DropConnection;
            if (serverError) return overloaded ? FaultKind.Overloaded : FaultKind.ServerError;
            if (rateLimited) return FaultKind.RateLimited;
            if (truncate) return FaultKind.TruncateBody;
            return FaultKind.None;
        }

        private async Task AnswerAsync(HttpContext context, RecordedRequest record, ImageCall call, ValidatedCall valid, bool truncate, CancellationToken ct)
        {
            if (call.Turn != null)
            {
                await ResponseObjectWriter.AnswerAsync(context, record, call, valid, truncate, _state, ct).ConfigureAwait(false);
                return;
            }
            IReadOnlyList<UploadedImageInfo> inputs = call.Images.Select(i => ImageHeaderReader.Read(i.Bytes)!).ToArray();
            TokenUsage usage = TokenUsage.For(valid, inputs);
            long created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            record.StatusCode = 200;
            if (valid.Stream)
            {
                if (truncate) record.Outcome = RequestOutcome.Truncated;
                await StreamWriter.SendAsync(context, call, valid, usage, created, _state.Images, Options.StreamEventInterval, truncate, ct).ConfigureAwait(false);
                return;
            }
            RenderedImage image = Options.RealisticImages
                ? _state.Images.GetRealistic(valid.Width, valid.Height, valid.OutputFormat, valid.Transparent)
                : _state.Images.Get(valid.Width, valid.Height, valid.OutputFormat, valid.Transparent);
            byte[] body = ImagesResponseWriter.Build(valid, image, usage, created, _state.ImageUrlBase, Options.IncludeRevisedPrompt);
            if (truncate) record.Outcome = RequestOutcome.Truncated;
            await ImagesResponseWriter.SendAsync(context, body, truncate, ct).ConfigureAwait(false);
        }

        // The same path and query under another base: what a moved API or a hostile proxy would answer.
        private static void Redirect(HttpContext context, RecordedRequest record, string redirectTo)
        {
            record.StatusCode = StatusCodes.Status307TemporaryRedirect;
            context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
            context.Response.Headers["Location"] = redirectTo.TrimEnd('/') + context.Request.Path + context.Request.QueryString;
        }

        private void WriteRequestId(HttpContext context, RecordedRequest record, bool azure)
        {
            string id = _state.Chance.RequestId();
            record.RequestId = id;
            context.Response.Headers["x-request-id"] = id;
            if (azure) context.Response.Headers["apim-request-id"] = Guid.Parse(id.Substring(4)).ToString();
        }

        private static void WriteRateHeaders(HttpContext context, RateDecision rate)
        {
            IHeaderDictionary h = context.Response.Headers;
            h["x-ratelimit-limit-requests"] = rate.LimitRequests.ToString(CultureInfo.InvariantCulture);
            h["x-ratelimit-remaining-requests"] = rate.RemainingRequests.ToString(CultureInfo.InvariantCulture);
            h["x-ratelimit-reset-requests"] = DurationFormat.Go(rate.ResetRequests);
            h["x-ratelimit-limit-images"] = rate.LimitImages.ToString(CultureInfo.InvariantCulture);
            h["x-ratelimit-remaining-images"] = rate.RemainingImages.ToString(CultureInfo.InvariantCulture);
            h["x-ratelimit-reset-images"] = DurationFormat.Go(rate.ResetImages);
        }

        private Task FailAsync(HttpContext context, RecordedRequest record, ApiError error) => ErrorWriter.WriteAsync(context, error, Options, record);
    }
}
