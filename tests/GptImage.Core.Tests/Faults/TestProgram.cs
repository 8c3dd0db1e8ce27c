using System;
using System.IO;
using System.Threading;
using GptImage.Orchestration;
using GptImage.Tests.Orchestration;

namespace GptImage.Tests.Faults
{
    /// <summary>
    /// Entry point of the test assembly (GenerateProgramFile is off). The test host never calls it; the kill
    /// test starts `dotnet GptImage.Core.Tests.dll fault-runner &lt;baseUrl&gt; &lt;outputDir&gt; &lt;rows&gt;` as a child
    /// process and kills it mid-batch.
    /// </summary>
    public static class TestProgram
    {
        public static int Main(string[] args)
        {
            if (args.Length != 4 || args[0] != "fault-runner")
            {
                Console.Error.WriteLine("usage: fault-runner <baseUrl> <outputDir> <rows>");
                return 2;
            }
            var baseUrl = new Uri(args[1]);
            string output = args[2];
            int rows = int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture);
            var gate = new AdaptiveConcurrencyGate(KillAndResumeTests.RunnerThrottle);
            using var client = FaultRows.Client(baseUrl, gate);
            var options = new BatchOptions
            {
                ThrottleLimit = KillAndResumeTests.RunnerThrottle, Gate = gate, OutputDirectory = output, FileNameTemplate = "{Sku}", ExpectedTotal = rows,
                ManifestPath = Path.Combine(output, "manifest.jsonl"), Endpoint = baseUrl.ToString(),
            };
            var sink = new RecordingSink();
            using var session = new BatchSession(client, options, CancellationToken.None);
            for (int i = 1; i <= rows; i++) session.Submit(FaultRows.Row(i), sink);
            session.Complete(sink);
            Console.WriteLine($"done {sink.Results.Count} results, {sink.Errors.Count} errors");
            return sink.Errors.Count == 0 ? 0 : 1;
        }
    }
}
