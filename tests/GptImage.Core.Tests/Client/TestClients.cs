using System.Collections.Concurrent;

namespace GptImage.Tests.Client
{
    /// <summary>Builds clients for tests: a fake key, recorded (not slept) retry delays, collected log lines.</summary>
    internal static class TestClients
    {
        /// <summary>Shaped like a real key so that the pattern-based redaction is exercised too.</summary>
        public const string Key = "sk-proj-FAKE_TESTKEY0123456789abcdefSECRET";

        public sealed class Harness : IDisposable
        {
            public GptImageClient Client { get; internal set; } = null!;
            public ConcurrentQueue<TimeSpan> Delays { get; } = new ConcurrentQueue<TimeSpan>();
            public ConcurrentQueue<string> Log { get; } = new ConcurrentQueue<string>();
            public ConcurrentQueue<HttpAttemptInfo> Attempts { get; } = new ConcurrentQueue<HttpAttemptInfo>();
            public void Dispose() => Client.Dispose();
        }

        public static Harness Create(HttpMessageHandler? handler, Uri? endpoint = null, Action<GptImageClientOptions>? change = null)
        {
            var harness = new Harness();
            var options = new GptImageClientOptions
            {
                Endpoint = endpoint ?? new Uri("https://api.example.test/v1"),
                ApiKey = Key,
                Organization = "",   // explicit: the developer's OPENAI_ORG_ID must not leak into header assertions
                Project = "",
                HttpHandler = handler,
                Log = harness.Log.Enqueue,
                OnAttempt = harness.Attempts.Enqueue,
            };
            change?.Invoke(options);
            harness.Client = new GptImageClient(options);
            RecordDelays(harness.Client, harness.Delays);
            return harness;
        }

        /// <summary>The client's waits between attempts go into <paramref name="delays"/> instead of being slept.</summary>
        public static void RecordDelays(GptImageClient client, ConcurrentQueue<TimeSpan> delays) =>
            client.DelayAsync = (delay, token) =>
            {
                token.ThrowIfCancellationRequested();
                delays.Enqueue(delay);
                return Task.CompletedTask;
            };

        public static ImageGenerationRequest Generation(string prompt = "a red fox") => new ImageGenerationRequest { Prompt = prompt, Size = "1024x1024", Quality = "low" };
    }
}
