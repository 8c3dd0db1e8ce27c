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
    }
}
