using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using GptImage.Emulator;
using GptImage.Orchestration;
using GptImage.Tests.Orchestration;
using Xunit;

namespace GptImage.Tests.Faults
{
    /// <summary>
    /// A runner process SIGKILLed mid-batch and run again completes the batch, and the emulator (hosted
    /// here, so its record survives the child) sees no request for a row that was committed before the kill.
    /// </summary>
    public class KillAndResumeTests
    {
        private const int Rows = 40;

        private const int Committed = 10;

        /// <summary>The runner's ThrottleLimit.</summary>
        internal const int RunnerThrottle = 2;

        [Fact]
        public async Task A_killed_runner_resumes_without_asking_again_for_committed_rows()
        {
            // The first 10 calls are answered; every later one hangs, so the runner is certainly mid-batch (10 rows
            // committed, 2 in flight) when it is killed, however this shared machine schedules the two processes.
            var emulatorOptions = new EmulatorOptions { MinLatency = TimeSpan.FromMilliseconds(5), MaxLatency = TimeSpan.FromMilliseconds(20), Seed = 5 };
            for (int i = 0; i < Committed; i++) emulatorOptions.EnqueueFaults(EmulatorFault.Succeed);
            for (int i = 0; i < Rows; i++) emulatorOptions.EnqueueFaults(EmulatorFault.Hang);
            await using EmulatorServer server = await EmulatorServer.StartAsync(emulatorOptions);
            string output = Jobs.TempDirectory();
            string cache = Path.Combine(output, ".gptimage-cache");

            using (Process runner = StartRunner(server.BaseUrl, output))
            using (KillOnDispose(runner))
            {
                var watch = Stopwatch.StartNew();
                while ((CommittedKeys(cache).Count < Committed || server.Counters.InFlight < RunnerThrottle) && !runner.HasExited && watch.Elapsed < TimeSpan.FromSeconds(90))
                    await Task.Delay(20);
                if (runner.HasExited) Assert.Fail("the runner ended before it could be killed: " + runner.StandardError.ReadToEnd());
                Assert.Equal(Committed, CommittedKeys(cache).Count);
                runner.Kill(entireProcessTree: true); // SIGKILL on Linux and macOS
                Assert.True(runner.WaitForExit(30_000));
                Assert.NotEqual(0, runner.ExitCode);
            }
            while (server.Options.ScriptedFaults.TryDequeue(out _)) { } // the rerun meets a healthy server

            HashSet<string> committed = CommittedKeys(cache);
            var keyOfRow = Enumerable.Range(1, Rows).ToDictionary(i => i, i => RequestKey.Compute(FaultRows.Row(i).Request, server.BaseUrl.ToString()));
            var committedPrompts = keyOfRow.Where(p => committed.Contains(p.Value)).Select(p => FaultRows.Row(p.Key).Request.Prompt).ToHashSet();
            Assert.Equal(Committed, committedPrompts.Count);
            int requestsBeforeRerun = server.Counters.Requests.Count;

            using (Process rerun = StartRunner(server.BaseUrl, output))
            using (KillOnDispose(rerun))
            {
                // Both pipes are read at once (a full stderr pipe would block the child) and with a deadline, so a
                // stuck rerun fails the test instead of hanging the whole run.
                Task<string> stdoutRead = rerun.StandardOutput.ReadToEndAsync();
                Task<string> stderrRead = rerun.StandardError.ReadToEndAsync();
                Task exited = rerun.WaitForExitAsync();
                Assert.True(await Task.WhenAny(exited, Task.Delay(TimeSpan.FromSeconds(120))) == exited, "the rerun did not finish");
                string stdout = await stdoutRead;
                string stderr = await stderrRead;
                Assert.True(rerun.ExitCode == 0, $"rerun exit {rerun.ExitCode}: {stdout} {stderr}");
                Assert.Contains($"done {Rows} results, 0 errors", stdout);
            }

            var rerunRequests = server.Counters.Requests.Skip(requestsBeforeRerun).ToList();
            Assert.DoesNotContain(rerunRequests, r => committedPrompts.Contains(r.Prompt!));
            Assert.Equal(Rows - committedPrompts.Count, rerunRequests.Select(r => r.Prompt).Distinct().Count());
            for (int i = 1; i <= Rows; i++) Assert.True(File.Exists(Path.Combine(output, $"R{i:000}.png")), $"row {i} has no file");
            Assert.Empty(Directory.GetFiles(output, AtomicFile.TempPrefix + "*", SearchOption.AllDirectories));
        }

        /// <summary>Kills the child (and anything it started) if the test leaves early, so no runner outlives the test.</summary>
        internal static IDisposable KillOnDispose(Process process) => new ProcessKiller(process);

        private sealed class ProcessKiller : IDisposable
        {
            private readonly Process _process;

            public ProcessKiller(Process process) => _process = process;

            public void Dispose()
            {
                try
                {
                    if (_process.HasExited) return;
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit(30_000);
                }
                catch (InvalidOperationException) { } // exited between the check and the kill
            }
        }

        private static HashSet<string> CommittedKeys(string cache) =>
            Directory.Exists(cache)
                ? Directory.GetFiles(cache, "*.json", SearchOption.AllDirectories).Select(f => Path.GetFileNameWithoutExtension(f)).ToHashSet()
                : new HashSet<string>();

        internal static Process StartRunner(Uri baseUrl, string output, int rows = Rows)
        {
            string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
            var start = new ProcessStartInfo(dotnet)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string arg in new[] { typeof(TestProgram).Assembly.Location, "fault-runner", baseUrl.ToString(), output, rows.ToString(System.Globalization.CultureInfo.InvariantCulture) })
                start.ArgumentList.Add(arg);
            return Process.Start(start) ?? throw new InvalidOperationException("could not start the runner");
        }
    }
}
