using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GptImage.Emulator;
using GptImage.Orchestration;

namespace GptImage.Bench
{
    /// <summary>
    /// 1-3 s latency at 60 requests per minute, scaled to 0.6-1.8 s at 100 per minute (the same 2 requests
    /// in flight are needed to use the limit; 200 rows still span two windows). The adaptive batch and a one-at-a-time
    /// loop run side by side against two emulators with the same settings.
    /// </summary>
    internal static class ThroughputBench
    {
        public const int PerMinute = 100;
        public static readonly TimeSpan MinLatency = TimeSpan.FromMilliseconds(600);
        public static readonly TimeSpan MaxLatency = TimeSpan.FromMilliseconds(1800);
        public const int ThrottleLimit = 8;

        public static async Task RunAsync(int rows)
        {
            EmulatorOptions Settings(int seed) => new EmulatorOptions { RequestsPerMinute = PerMinute, MinLatency = MinLatency, MaxLatency = MaxLatency, Seed = seed };
            await using EmulatorServer batchServer = await EmulatorServer.StartAsync(Settings(1));
            await using EmulatorServer loopServer = await EmulatorServer.StartAsync(Settings(2));
            Console.WriteLine($"## Throughput: {rows} rows, limit {PerMinute} requests/min, latency {MinLatency.TotalSeconds}-{MaxLatency.TotalSeconds} s, ThrottleLimit {ThrottleLimit}");

            Task<(TimeSpan Elapsed, int Failed, int Gate429)> batch = Task.Run(() => RunBatch(batchServer, rows));
            Task<(TimeSpan Elapsed, int Failed)> loop = Task.Run(() => RunLoopAsync(loopServer, rows));
            var (batchTime, batchFailed, gate429) = await batch;
            var (loopTime, loopFailed) = await loop;

            TimeSpan meanLatency = TimeSpan.FromTicks((MinLatency.Ticks + MaxLatency.Ticks) / 2);
            TimeSpan ideal = IdealSchedule.Finish(rows, PerMinute, ThrottleLimit, meanLatency);
            double rawRate = rows / batchTime.TotalMinutes;
            Console.WriteLine($"adaptive batch: {batchTime.TotalSeconds:0.0} s, {batchFailed} failed rows, {batchServer.Counters.CountByStatus(429)} answers 429 (gate saw {gate429}), {batchServer.Counters.Total} HTTP requests");
            Console.WriteLine($"  ideal under the window (C={ThrottleLimit}, mean latency {meanLatency.TotalSeconds:0.0} s): {ideal.TotalSeconds:0.0} s -> throughput fraction of the limit {ideal.TotalSeconds / batchTime.TotalSeconds:0.000}");
            Console.WriteLine($"  raw rate {rawRate:0.0} requests/min = {rawRate / PerMinute:0.000} x limit (includes the first minute's burst)");
            Console.WriteLine($"one at a time (foreach): {loopTime.TotalSeconds:0.0} s, {loopFailed} failed rows, {loopServer.Counters.CountByStatus(429)} answers 429");
            Console.WriteLine($"  speed-up of the batch over foreach: {loopTime.TotalSeconds / batchTime.TotalSeconds:0.00}x");
        }

        private static (TimeSpan, int, int) RunBatch(EmulatorServer server, int rows)
        {
            string output = TempDirectory();
            var gate = new AdaptiveConcurrencyGate(ThrottleLimit);
            using var client = Client(server, gate.OnAttempt);
            var sink = new CountingSink();
            var watch = Stopwatch.StartNew();
            using (var session = new BatchSession(client, new BatchOptions { ThrottleLimit = ThrottleLimit, Gate = gate, OutputDirectory = output, ExpectedTotal = rows, Endpoint = server.BaseUrl.ToString() }, CancellationToken.None))
            {
                for (int i = 1; i <= rows; i++) session.Submit(Row(i), sink);
                session.Complete(sink);
            }
            return (watch.Elapsed, sink.Errors, gate.RateLimitedCount);
        }

        /// <summary>What a PowerShell foreach over a single-request tool does: one call, write the file, next.</summary>
        private static async Task<(TimeSpan, int)> RunLoopAsync(EmulatorServer server, int rows)
        {
            string output = TempDirectory();
            using var client = Client(server, null);
            int failed = 0;
            var watch = Stopwatch.StartNew();
            for (int i = 1; i <= rows; i++)
            {
                try
                {
                    ImageResult result = await client.GenerateAsync(Row(i).Request);
                    AtomicFile.Write(Path.Combine(output, $"row{i}.png"), result.Images[0].Bytes, overwrite: false);
                }
                catch (GptImageApiException) { failed++; }
            }
            return (watch.Elapsed, failed);
        }

        internal static ImageJob Row(int i) => new ImageJob(new ImageGenerationRequest { Prompt = $"bench row {i}: a product photo", Model = "gpt-image-2", Size = "1024x1024", Quality = "low" }) { RowNumber = i };

        internal static GptImageClient Client(EmulatorServer server, Action<HttpAttemptInfo>? onAttempt) => new GptImageClient(new GptImageClientOptions
        {
            Endpoint = server.BaseUrl, ApiKey = "sk-bench-0000000000000000", Organization = "", Project = "", OnAttempt = onAttempt,
            Timeout = TimeSpan.FromSeconds(60), MaxRetries = 5,
        });

        internal static string TempDirectory()
        {
            string path = Path.Combine(Path.GetTempPath(), "gptimage-bench", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(path);
            return path;
        }
    }

    internal sealed class CountingSink : IJobSink
    {
        public int Results, Errors;
        public string? LastError;
        public void OnResult(GptImageResult result) => Results++;
        public void OnError(ImageJob job, Exception error) { Errors++; LastError = error.Message; }
        public void OnProgress(BatchProgress progress) { }
        public void OnVerbose(string message) { }
        public void OnWarning(string message) { }
    }
}
