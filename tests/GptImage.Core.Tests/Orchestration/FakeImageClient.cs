using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using GptImage;

namespace GptImage.Tests.Orchestration
{
    /// <summary>An IGptImageClient without HTTP: answers after a delay, fails prompts containing "fail", counts calls and concurrency.</summary>
    internal sealed class FakeImageClient : IGptImageClient
    {
        private int _current;
        private int _max;
        private int _calls;

        public TimeSpan Delay { get; set; } = TimeSpan.FromMilliseconds(5);
        public long OutputTokensPerImage { get; set; } = 1056;
        public ConcurrentBag<string> Prompts { get; } = new ConcurrentBag<string>();
        public int Calls => Volatile.Read(ref _calls);
        public int MaxConcurrency => Volatile.Read(ref _max);
        public int CancelledCalls;
        public Action<ImageGenerationRequest>? OnCall { get; set; }

        public Task<ImageResult> GenerateAsync(ImageGenerationRequest request, CancellationToken cancellationToken = default) => Answer(request, cancellationToken);
        public Task<ImageResult> EditAsync(ImageEditRequest request, CancellationToken cancellationToken = default) => Answer(request, cancellationToken);

        private async Task<ImageResult> Answer(ImageGenerationRequest request, CancellationToken token)
        {
            Interlocked.Increment(ref _calls);
            Prompts.Add(request.Prompt);
            int now = Interlocked.Increment(ref _current);
            int seen;
            while (now > (seen = Volatile.Read(ref _max)) && Interlocked.CompareExchange(ref _max, now, seen) != seen) { }
            try
            {
                OnCall?.Invoke(request);
                try { await Task.Delay(Delay, token); }
                catch (OperationCanceledException) { Interlocked.Increment(ref CancelledCalls); throw; }
                if (request.Prompt.Contains("fail"))
                    throw new GptImageApiException(ErrorIds.ServerError, "The server had an error (500 server_error).") { StatusCode = 500 };
                int n = request.Count ?? 1;
                var images = new List<GeneratedImage>();
                for (int i = 0; i < n; i++) images.Add(new GeneratedImage { Index = i, Bytes = Png(request.Prompt + "#" + i), Format = "png" });
                return new ImageResult
                {
                    Images = images,
                    Model = request.Model,
                    Created = DateTimeOffset.UtcNow,
                    Size = request.Size ?? "1024x1024",
                    Quality = request.Quality ?? "medium",
                    RequestId = "req_" + Guid.NewGuid().ToString("N"),
                    Usage = new ImageUsage { InputTokens = 10, TextTokens = 10, OutputTokens = OutputTokensPerImage * n, TotalTokens = 10 + OutputTokensPerImage * n },
                };
            }
            finally { Interlocked.Decrement(ref _current); }
        }

        /// <summary>PNG signature followed by text that depends on the prompt: distinct images for distinct prompts.</summary>
        public static byte[] Png(string seed)
        {
            byte[] text = Encoding.UTF8.GetBytes(seed);
            var bytes = new byte[8 + text.Length];
            new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 0);
            text.CopyTo(bytes, 8);
            return bytes;
        }
    }
}
