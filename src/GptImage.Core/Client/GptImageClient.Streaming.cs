using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using GptImage.Streaming;

namespace GptImage
{
    // Streamed answers (PartialImages set: stream=true), of the images endpoints and of conversation turns. Kept apart
    // from the JSON path; both end in the same ImageResult.
    public sealed partial class GptImageClient
    {
        private async Task<ImageResult> ReadImageStreamAsync(HttpResponseMessage response, ImageGenerationRequest request, string? requestId,
            RateLimitInfo? rateLimit, int attempt, CancellationToken cancellationToken)
        {
            var assembler = new ImageStreamAssembler(request, GuardedPartialCallback());
            await ReadEventsAsync(response, assembler.Add, () => assembler.PartialCount, requestId, CallErrors.Images, cancellationToken).ConfigureAwait(false);
            return assembler.ToResult(requestId, rateLimit, attempt);
        }

        private async Task<ImageResult> ReadResponseStreamAsync(HttpResponseMessage response, ConversationTurnRequest request, string? requestId,
            RateLimitInfo? rateLimit, int attempt, CancellationToken cancellationToken)
        {
            var assembler = new ResponseStreamAssembler(request, GuardedPartialCallback());
            await ReadEventsAsync(response, e => assembler.Add(e, requestId, rateLimit, attempt), () => assembler.PartialCount, requestId, CallErrors.Conversation, cancellationToken).ConfigureAwait(false);
            return assembler.ToResult();
        }

        /// <summary>OnPartialImage, made safe: a throwing callback must not lose the paid answer that is still streaming in, so it is logged and the stream goes on.</summary>
        private Action<PartialImage>? GuardedPartialCallback()
        {
            Action<PartialImage>? onPartial = _options.OnPartialImage;
            if (onPartial is null) return null;
            return partial =>
            {
                try { onPartial(partial); }
                catch (Exception e) { Log("OnPartialImage callback failed: " + e.Message); }
            };
        }

        /// <summary>Reads server-sent events as they arrive into <paramref name="add"/>; a broken stream is an InvalidResponseException (retried), an error event the API error it carries.</summary>
        private async Task ReadEventsAsync(HttpResponseMessage response, Action<ServerSentEvent> add, Func<int> partialCount, string? requestId,
            CallErrors errors, CancellationToken cancellationToken)
        {
            using Stream stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            // netstandard2.0's stream reads take no token: disposing the stream is what stops a stalled read on timeout or Ctrl+C.
            using (cancellationToken.Register(() => stream.Dispose()))
            {
                var reader = new ServerSentEventReader(stream);
                while (true)
                {
                    ServerSentEvent? next;
                    try
                    {
                        next = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception e) when (!cancellationToken.IsCancellationRequested && (e is IOException || e is HttpRequestException || e is ObjectDisposedException))
                    {
                        throw new Wire.InvalidResponseException($"The event stream broke off after {partialCount()} partial image(s).", e);
                    }
                    if (next is null) break;
                    try
                    {
                        add(next);
                    }
                    catch (StreamErrorException e)
                    {
                        // An error event has no HTTP status of its own (the stream answered 200): it is a refusal of this
                        // request, classified like a 400 (unless it says otherwise) so moderation and bad parameters keep their ids and are not retried.
                        throw ApiError(e.Status, Wire.ApiErrorBody.Read(Encoding.UTF8.GetBytes(e.Body)), requestId, null, errors);
                    }
                }
            }
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
