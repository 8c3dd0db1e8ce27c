using System.Text.Json;
using GptImage.Wire;

namespace GptImage.Streaming
{
    /// <summary>One server-sent event: its "event:" name (null when the server sent none) and its joined "data:" lines.</summary>
    internal sealed class ServerSentEvent
    {
        public ServerSentEvent(string? name, string data)
        {
            Name = name;
            Data = data;
        }

        public string? Name { get; }
        public string Data { get; }

        /// <summary>
        /// The event's data as a JSON object, with its type (the "type" field, else the event name); null for the
        /// closing "[DONE]". Data that is not a JSON object is an <see cref="InvalidResponseException"/>. Dispose the document.
        /// </summary>
        public JsonDocument? ParseObject(out string type)
        {
            type = string.Empty;
            if (Data == "[DONE]") return null;
            JsonDocument doc;
            try { doc = JsonDocument.Parse(Data); }
            catch (JsonException ex) { throw new InvalidResponseException($"A streamed event ({Name ?? "unnamed"}) is not valid JSON.", ex); }
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                doc.Dispose();
                throw new InvalidResponseException("A streamed event is not a JSON object.");
            }
            type = ImagesResponseParser.String(doc.RootElement, "type") ?? Name ?? string.Empty;
            return doc;
        }
    }
}
