using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using GptImage.Emulator;
using GptImage.Orchestration;
using GptImage.Tests.Orchestration;
using Xunit;

namespace GptImage.Tests.Faults
{
    /// <summary>The fault suite: the real client and the batch engine against the emulator's injected faults.</summary>
    public class FaultSuiteTests
    {
        private static readonly byte[] PngTrailer = { 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82 }; // IEND + CRC

        [Fact]
        public async Task Two_hundred_rows_under_faults_each_succeed_or_fail_with_a_reason_and_the_manifest_matches_the_files()
        {
            var emulatorOptions = new EmulatorOptions
            {
                ServerErrorRate = 0.10, RateLimitErrorRate = 0.10, RateLimitRetryAfter = TimeSpan.FromMilliseconds(50),
                DropConnectionRate = 0.05, TruncateBodyRate = 0.05,
                MinLatency = TimeSpan.FromMilliseconds(5), MaxLatency = TimeSpan.FromMilliseconds(25), Seed = 20261121,
            };
            await using EmulatorServer server = await EmulatorServer.StartAsync(emulatorOptions);
            string output = Jobs.TempDirectory();
            string manifest = Path.Combine(output, "manifest.jsonl");
            var gate = new AdaptiveConcurrencyGate(8);
            using GptImageClient client = FaultRows.Client(server.BaseUrl, gate, maxRetries: 3);
            var sink = new RecordingSink();
            var options = new BatchOptions
            {
                ThrottleLimit = 8, Gate = gate, OutputDirectory = output, FileNameTemplate = "{Sku}", ManifestPath = manifest,
                Endpoint = server.BaseUrl.ToString(), ExpectedTotal = 200,
            };
            using (var session = new BatchSession(client, options, CancellationToken.None))
            {
                for (int i = 1; i <= 200; i++) session.Submit(FaultRows.Row(i), sink);
                session.Complete(sink);
                Assert.Equal(200, session.Summary.Succeeded + session.Summary.Failed);
            }

            // The faults really happened.
            Assert.True(server.Counters.Dropped > 0, "no dropped connection was injected");
            Assert.True(server.Counters.Truncated > 0, "no truncated body was injected");
            Assert.True(server.Counters.CountByStatus(429) > 0, "no 429 was injected");
            Assert.True(server.Counters.CountByStatus(500) + server.Counters.CountByStatus(503) > 0, "no 5xx was injected");
            Assert.True(gate.RateLimitedCount > 0, "the gate did not see the 429s");

            // Every row is accounted for exactly once: a result or an error with a stable id and a reason.
            var rows = sink.Results.Select(r => r.RowNumber).Concat(sink.Errors.Select(e => e.Job.RowNumber)).OrderBy(n => n).ToList();
            Assert.Equal(Enumerable.Range(1, 200), rows);
            foreach (var (job, error) in sink.Errors)
            {
                var api = Assert.IsType<GptImageApiException>(error);
                Assert.StartsWith("GptImage.", api.ErrorId);
                Assert.False(string.IsNullOrWhiteSpace(api.Message));
            }
            Assert.True(sink.Results.Count >= 180, $"only {sink.Results.Count} of 200 rows succeeded");

            // No partial file: no temporary left, every image complete and equal to what the manifest says.
            Assert.Empty(Directory.GetFiles(output, AtomicFile.TempPrefix + "*", SearchOption.AllDirectories));
            string[] images = Directory.GetFiles(output, "*.png", SearchOption.TopDirectoryOnly);
            Assert.Equal(sink.Results.Count, images.Length);
            foreach (string file in images)
            {
                byte[] bytes = File.ReadAllBytes(file);
                Assert.Equal("png", GptImage.Imaging.ImageFormatDetector.Detect(bytes));
                Assert.True(bytes.AsSpan(bytes.Length - 8).SequenceEqual(PngTrailer), $"{file} does not end with IEND");
            }

            var entries = File.ReadAllLines(manifest).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            Assert.DoesNotContain(entries, e => e.GetProperty("Status").GetString() == "Total"); // the totals are in manifest.summary.json
            var imageRows = entries.Where(e => e.GetProperty("Status").GetString() == GptImageResult.StatusSucceeded).ToList();
            var failedRows = entries.Where(e => e.GetProperty("Status").GetString() == GptImageResult.StatusFailed).ToList();
            Assert.Equal(sink.Results.Count, imageRows.Count);
            Assert.Equal(sink.Errors.Count, failedRows.Count);
            Assert.Equal(images.OrderBy(p => p), imageRows.Select(e => e.GetProperty("Path").GetString()!).OrderBy(p => p));
            foreach (var row in imageRows)
                Assert.Equal(row.GetProperty("Sha256").GetString(), AtomicFile.Sha256Hex(File.ReadAllBytes(row.GetProperty("Path").GetString()!)));
            foreach (var row in failedRows)
            {
                Assert.StartsWith("GptImage.", row.GetProperty("ErrorId").GetString());
                Assert.False(string.IsNullOrEmpty(row.GetProperty("ErrorMessage").GetString()));
            }
            Assert.DoesNotContain("FAULTSUITEKEY", File.ReadAllText(manifest));
        }

        [Fact]
        public async Task A_rerun_after_faults_makes_no_call_for_finished_rows_and_completes_the_rest()
        {
            var emulatorOptions = new EmulatorOptions { ServerErrorRate = 0.3, Seed = 7 };
            await using EmulatorServer server = await EmulatorServer.StartAsync(emulatorOptions);
            string output = Jobs.TempDirectory();
            var options = new BatchOptions { ThrottleLimit = 4, OutputDirectory = output, FileNameTemplate = "{Sku}", Endpoint = server.BaseUrl.ToString() };

            var first = new RecordingSink();
            var gate = new AdaptiveConcurrencyGate(4);
            using (GptImageClient client = FaultRows.Client(server.BaseUrl, gate, maxRetries: 0))
            // RetryTimeout zero: this run gives up on a row at its first failure, so that the rerun has rows to finish.
            using (var session = new BatchSession(client, new BatchOptions { ThrottleLimit = 4, Gate = gate, OutputDirectory = output, FileNameTemplate = "{Sku}", Endpoint = server.BaseUrl.ToString(), RetryTimeout = TimeSpan.Zero }, CancellationToken.None))
            {
                for (int i = 1; i <= 30; i++) session.Submit(FaultRows.Row(i), first);
                session.Complete(first);
            }
            Assert.NotEmpty(first.Errors);
            var finished = first.Results.Select(r => r.Prompt).ToHashSet();

            server.Options.ServerErrorRate = 0;
            server.Counters.Reset();
            var second = new RecordingSink();
            var gate2 = new AdaptiveConcurrencyGate(4);
            options.Gate = gate2;
            using (GptImageClient client = FaultRows.Client(server.BaseUrl, gate2))
            using (var session = new BatchSession(client, options, CancellationToken.None))
            {
                for (int i = 1; i <= 30; i++) session.Submit(FaultRows.Row(i), second);
                session.Complete(second);
            }
            Assert.Empty(second.Errors);
            Assert.Equal(30, second.Results.Count);
            Assert.Equal(first.Errors.Count, server.Counters.Generations);
            Assert.DoesNotContain(server.Counters.Requests, r => finished.Contains(r.Prompt!));
            Assert.All(second.Results.Where(r => finished.Contains(r.Prompt)), r => Assert.Equal(GptImageResult.StatusCached, r.Status));
        }
    }
}
