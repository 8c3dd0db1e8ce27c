using System;
using System.IO;
using System.Text;
using System.Threading;
using GptImage.Streaming;

namespace GptImage.Wire
{
    /// <summary>
    /// Reads a whole streamed answer (stream=true, text/event-stream) held in memory: partial_image events are
    /// skipped, each *.completed event gives one final image with usage, and an error event becomes the API error
    /// it carries. The client itself reads streams as they arrive (<see cref="ImageStreamAssembler"/>, which this
    /// wraps), so that partial images can be reported while the request runs.
    /// </summary>
    internal static class ImageStreamParser
    {
        public const string MediaType = "text/event-stream";

        public static ImageResult Parse(byte[] body, string model, string? requestId, RateLimitInfo? rateLimit, int attempts,
            Func<ApiErrorBody, Exception> onErrorEvent)
        {
            var assembler = new ImageStreamAssembler(new ImageGenerationRequest { Model = model }, null);
            var reader = new ServerSentEventReader(new MemoryStream(body, writable: false));
            try
            {
                // A MemoryStream completes every read synchronously: no thread is blocked by waiting here.
                while (reader.ReadAsync(CancellationToken.None).GetAwaiter().GetResult() is ServerSentEvent e) assembler.Add(e);
            }
            catch (StreamErrorException e)
            {
                throw onErrorEvent(ApiErrorBody.Read(Encoding.UTF8.GetBytes(e.Body)));
            }
            return assembler.ToResult(requestId, rateLimit, attempts);
        }
    }
}
