using System;
using System.Text.Json;
using GptImage.Imaging;
using GptImage.Wire;

namespace GptImage.Streaming
{
    /// <summary>
    /// Turns the events of a streamed conversation turn (ResponseStreamEvent) into the same <see cref="ImageResult"/>
    /// the JSON answer gives: response.image_generation_call.partial_image events (partial_image_b64,
    /// partial_image_index) are reported as they come, response.completed carries the whole Response object, and an
    /// error or response.failed event becomes the API error it holds. Other events (created, in_progress,
    /// output_item.added...) are skipped.
    /// </summary>
    internal sealed class ResponseStreamAssembler
    {
        public const string PartialImageType = "response.image_generation_call.partial_image";

        private readonly ConversationTurnRequest _request;
        private readonly Action<PartialImage>? _onPartial;
        private ImageResult? _result;

        public ResponseStreamAssembler(ConversationTurnRequest request, Action<PartialImage>? onPartial)
        {
            _request = request;
            _onPartial = onPartial;
        }

        public int PartialCount { get; private set; }

        /// <summary>Reads one event; throws <see cref="StreamErrorException"/> for an error event, <see cref="InvalidResponseException"/> for one that cannot be read.</summary>
        public void Add(ServerSentEvent e, string? requestId, RateLimitInfo? rateLimit, int attempts)
        {
            using JsonDocument? doc = e.ParseObject(out string type);
            if (doc is null) return;
            {
                JsonElement root = doc.RootElement;
                switch (type)
                {
                    case "error":
                        // ResponseErrorEvent: code, message and param at the top level.
                        throw new StreamErrorException(ResponsesParser.ErrorBody(ImagesResponseParser.String(root, "code"),
                            ImagesResponseParser.String(root, "message"), ImagesResponseParser.String(root, "param")));
                    case PartialImageType:
                        AddPartial(root, type);
                        break;
                    case "response.completed":
                    case "response.failed":
                    case "response.incomplete":
                        if (!root.TryGetProperty("response", out JsonElement response))
                            throw new InvalidResponseException($"The {type} event holds no response.");
                        _result = ResponsesParser.Read(response, _request, requestId, rateLimit, attempts);
                        break;
                }
            }
        }

        /// <summary>The result once the stream ended; a stream without response.completed was cut short.</summary>
        public ImageResult ToResult() =>
            _result ?? throw new InvalidResponseException($"The stream ended after {PartialCount} partial image(s) without a response.completed event (cut short).");

        private void AddPartial(JsonElement root, string type)
        {
            PartialCount++;
            if (_onPartial != null) _onPartial(PartialImageEvent.Read(root, "partial_image_b64", _request, type, PartialCount));
        }
    }
}
