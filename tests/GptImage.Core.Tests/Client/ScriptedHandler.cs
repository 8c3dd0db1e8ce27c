using System.Collections.Concurrent;

namespace GptImage.Tests.Client
{
    /// <summary>What the client sent in one attempt, captured before the content is disposed.</summary>
    public sealed class SentRequest
    {
        public HttpMethod Method { get; init; } = HttpMethod.Post;
        public Uri Uri { get; init; } = new Uri("http://unset/");
        public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
        public string? ContentType { get; init; }
        public byte[] Body { get; init; } = Array.Empty<byte>();
        public string BodyText => Encoding.UTF8.GetString(Body);
    }

    /// <summary>
    /// An HttpMessageHandler that answers from a script, one step per attempt (the last step repeats), and
    /// records every request: precise control of statuses and headers without a server.
    /// </summary>
    public sealed class ScriptedHandler : HttpMessageHandler
    {
        private readonly Func<int, CancellationToken, Task<HttpResponseMessage>>[] _steps;
        private int _calls;

        public ScriptedHandler(params Func<int, CancellationToken, Task<HttpResponseMessage>>[] steps) => _steps = steps;

        public ConcurrentQueue<SentRequest> Requests { get; } = new ConcurrentQueue<SentRequest>();
        public int Calls => Volatile.Read(ref _calls);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            int call = Interlocked.Increment(ref _calls);
            Requests.Enqueue(new SentRequest
            {
                Method = request.Method,
                Uri = request.RequestUri!,
                Headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase),
                ContentType = request.Content?.Headers.ContentType?.ToString(),
                Body = request.Content is null ? Array.Empty<byte>() : await request.Content.ReadAsByteArrayAsync(cancellationToken),
            });
            var step = _steps[Math.Min(call, _steps.Length) - 1];
            return await step(call, cancellationToken);
        }

        // Script steps.

        public static Func<int, CancellationToken, Task<HttpResponseMessage>> Ok(int images = 1) => (_, _) => Task.FromResult(OkResponse(images));

        public static Func<int, CancellationToken, Task<HttpResponseMessage>> Error(int status, string? code, string message = "error", string type = "invalid_request_error",
            params (string Name, string Value)[] headers) => (_, _) =>
        {
            string json = "{\"error\":{\"message\":" + System.Text.Json.JsonSerializer.Serialize(message) + ",\"type\":\"" + type + "\",\"param\":null,\"code\":"
                + (code is null ? "null" : "\"" + code + "\"") + "}}";
            var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            response.Headers.TryAddWithoutValidation("x-request-id", "req_err_" + status);
            foreach (var (name, value) in headers) response.Headers.TryAddWithoutValidation(name, value);
            return Task.FromResult(response);
        };

        public static Func<int, CancellationToken, Task<HttpResponseMessage>> Throw(Exception e) => (_, _) => Task.FromException<HttpResponseMessage>(e);

        /// <summary>Never answers: only the token (the attempt timeout or the caller) ends it.</summary>
        public static Func<int, CancellationToken, Task<HttpResponseMessage>> Hang() => async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        };

        public static Func<int, CancellationToken, Task<HttpResponseMessage>> Body(string text) => (_, _) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(text, Encoding.UTF8, "application/json") });

        public static string OkJson(int images = 1)
        {
            string b64 = Convert.ToBase64String(TestImages.PngBytes(4, 4));
            string data = string.Join(",", Enumerable.Range(0, images).Select(_ => "{\"b64_json\":\"" + b64 + "\"}"));
            return "{\"created\":1763700000,\"data\":[" + data + "],\"size\":\"1024x1024\",\"quality\":\"low\",\"background\":\"opaque\",\"output_format\":\"png\","
                + "\"usage\":{\"total_tokens\":290,\"input_tokens\":18,\"output_tokens\":272,\"input_tokens_details\":{\"text_tokens\":18,\"image_tokens\":0}}}";
        }

        public static HttpResponseMessage OkResponse(int images = 1)
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(OkJson(images), Encoding.UTF8, "application/json") };
            response.Headers.TryAddWithoutValidation("x-request-id", "req_ok");
            response.Headers.TryAddWithoutValidation("x-ratelimit-remaining-requests", "4");
            response.Headers.TryAddWithoutValidation("x-ratelimit-reset-requests", "12s");
            return response;
        }
    }
}
