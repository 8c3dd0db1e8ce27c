using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using GptImage.Emulator;
using GptImage.Orchestration;

namespace GptImage.Bench
{
    /// <summary>
    /// Peak working set of a batch of N rows written to an output directory (the emulator runs in this process,
    /// the batch in a child, so the figure is the batch's alone). Goal: flat from 100 to 1000 rows.
    /// </summary>
    internal static class MemoryBench
    {
        public static async Task RunAsync(int[] sizes)
        {
            await using EmulatorServer server = await EmulatorServer.StartAsync(new EmulatorOptions { MinLatency = TimeSpan.FromMilliseconds(5), MaxLatency = TimeSpan.FromMilliseconds(30), Seed = 3 });
            Console.WriteLine($"## Peak working set (ThrottleLimit {ThroughputBench.ThrottleLimit}, 1024x1024 PNG answers, written to disk as they arrive)");
            foreach (int rows in sizes)
            {
                var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
                string self = typeof(MemoryBench).Assembly.Location;
                if (!Environment.ProcessPath!.EndsWith("GptImage.Bench.Batch", StringComparison.Ordinal)) start.ArgumentList.Add(self);
                foreach (string a in new[] { "memory", server.BaseUrl.ToString(), rows.ToString(CultureInfo.InvariantCulture), ThroughputBench.TempDirectory() }) start.ArgumentList.Add(a);
                using Process child = Process.Start(start)!;
                string output = await child.StandardOutput.ReadToEndAsync();
                await child.WaitForExitAsync();
                Console.Write(output);
            }
        }

        public static Task<int> RunChildAsync(Uri baseUrl, int rows, string output)
        {
            var gate = new AdaptiveConcurrencyGate(ThroughputBench.ThrottleLimit);
            using var client = new GptImageClient(new GptImageClientOptions { Endpoint = baseUrl, ApiKey = "sk-bench-0000000000000000", Organization = "", Project = "", OnAttempt = gate.OnAttempt });
            var sink = new CountingSink();
            var watch = Stopwatch.StartNew();
            using (var session = new BatchSession(client, new BatchOptions { ThrottleLimit = ThroughputBench.ThrottleLimit, Gate = gate, OutputDirectory = output, Endpoint = baseUrl.ToString() }, CancellationToken.None))
            {
                for (int i = 1; i <= rows; i++) session.Submit(ThroughputBench.Row(i), sink);
                session.Complete(sink);
            }
            using var self = Process.GetCurrentProcess();
            self.Refresh();
            Console.WriteLine($"{rows} rows: {sink.Results} images, {sink.Errors} errors, {watch.Elapsed.TotalSeconds:0.0} s, peak working set {self.PeakWorkingSet64 / 1048576.0:0.0} MiB, managed heap now {GC.GetTotalMemory(false) / 1048576.0:0.0} MiB");
            return Task.FromResult(sink.Errors == 0 ? 0 : 1);
        }
    }
}
