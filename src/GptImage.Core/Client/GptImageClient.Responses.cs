using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using GptImage.Wire;

namespace GptImage
{
    // Conversation turns: POST /responses with the image_generation tool, through the same transport, retries,
    // timeouts, same-origin rule and key redaction as the image calls.
    public sealed partial class GptImageClient : IConversationClient
    {
        /// <summary>The URL that conversation turns go to (no secrets in it).</summary>
        public Uri ResponsesUrl => _endpoint.UrlForApi("responses");

        public Task<ImageResult> RespondAsync(ConversationTurnRequest request, CancellationToken cancellationToken = default)
        {
            ThrowIfDisposed();
            if (request is null) throw new ArgumentNullException(nameof(request));
            Warn(RequestValidator.Validate(request, DateTime.UtcNow));
            byte[] body = ResponsesJsonWriter.Write(request);
            bool streamed = request.PartialImages.HasValue;
            return SendAsync("responses", HttpMethod.Post, ResponsesUrl, () =>
                {
                    var content = new ByteArrayContent(body);
                    content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                    return content;
                }, streamed ? ImageStreamParser.MediaType : "application/json",
                async (response, requestId, rateLimit, attempt, ct) =>
                {
                    bool eventStream = string.Equals(response.Content.Headers.ContentType?.MediaType, ImageStreamParser.MediaType, StringComparison.OrdinalIgnoreCase);
                    if (eventStream) return await ReadResponseStreamAsync(response, request, requestId, rateLimit, attempt, ct).ConfigureAwait(false);
                    byte[] answer = await ReadBodyAsync(response, ct).ConfigureAwait(false);
                    try
                    {
                        return ResponsesParser.Parse(answer, request, requestId, rateLimit, attempt);
                    }
                    catch (Streaming.StreamErrorException e)
                    {
                        // A 200 whose response failed, or made no image: the error it holds, classified like any other.
                        throw ApiError(e.Status, ApiErrorBody.Read(System.Text.Encoding.UTF8.GetBytes(e.Body)), requestId, null, CallErrors.Conversation);
                    }
                }, idempotent: true, CallErrors.Conversation, cancellationToken, images: 1);
        }
    }
}
