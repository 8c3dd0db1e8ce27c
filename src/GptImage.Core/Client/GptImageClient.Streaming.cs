using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using GptImage.Streaming;

namespace GptImage
{
    // Streamed image answers (request.PartialImages set: stream=true + partial_images). Kept apart from the
    // JSON path; both end in the same ImageResult.
    public sealed partial class GptImageClient
    {
        private async Task<ImageResult> ReadImageStreamAsync(HttpResponseMessage response, ImageGenerationRequest request, string? requestId,
            RateLimitInfo? rateLimit, int attempt, CancellationToken cancellationToken)
        {
            Action<PartialImage>? onPartial = _options.OnPartialImage;
            // A throwing callback must not lose the paid answer that is still streaming in: it is logged and the stream goes on.
            var assembler = new ImageStreamAssembler(request, onPartial is null ? null : partial =>
            {
                try { onPartial(partial); }
                catch (Exception e) { Log("OnPartialImage callback failed: " + e.Message); }
            });
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
                        throw new Wire.InvalidResponseException($"The event stream broke off after {assembler.PartialCount} partial image(s).", e);
                    }
                    if (next is null) break;
                    try
                    {
                        assembler.Add(next);
                    }
                    catch (StreamErrorException e)
                    {
                        // An error event has no HTTP status of its own (the stream answered 200): it is a refusal of this
                        // request, classified like a 400 so moderation and bad parameters keep their ids and are not retried.
                        throw ApiError(400, Wire.ApiErrorBody.Read(Encoding.UTF8.GetBytes(e.Body)), requestId, null, CallErrors.Images);
                    }
                }
            }
            cancellationToken.ThrowIfCancellationRequested();
            return assembler.ToResult(requestId, rateLimit, attempt);
        }
    }
}
