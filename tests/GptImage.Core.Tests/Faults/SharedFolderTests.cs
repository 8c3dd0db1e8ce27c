using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using GptImage.Emulator;
using GptImage.Orchestration;
using GptImage.Tests.Orchestration;
using Xunit;

namespace GptImage.Tests.Faults
{
    /// <summary>Two processes running the same rows into one output folder share the work: no row is paid twice.</summary>
    public class SharedFolderTests
    {
        private const int Rows = 30;

        [Fact]
        public async Task Two_processes_on_the_same_rows_and_folder_pay_once_per_row_and_the_cache_matches_the_files()
        {
            var emulatorOptions = new EmulatorOptions { MinLatency = TimeSpan.FromMilliseconds(250), MaxLatency = TimeSpan.FromMilliseconds(400), Seed = 3 };
            await using EmulatorServer server = await EmulatorServer.StartAsync(emulatorOptions);
            string output = Jobs.TempDirectory();

            var runners = new List<Process>();
            var killers = new List<IDisposable>();
            try
            {
                for (int i = 0; i < 2; i++)
                {
                    Process runner = KillAndResumeTests.StartRunner(server.BaseUrl, output, Rows);
                    runners.Add(runner);
                    killers.Add(KillAndResumeTests.KillOnDispose(runner));
                }
                foreach (Process runner in runners)
                {
                    Task<string> stdout = runner.StandardOutput.ReadToEndAsync();
                    Task<string> stderr = runner.StandardError.ReadToEndAsync();
                    Task exited = runner.WaitForExitAsync();
                    Assert.True(await Task.WhenAny(exited, Task.Delay(TimeSpan.FromSeconds(180))) == exited, "a runner did not finish");
                    Assert.True(runner.ExitCode == 0, $"runner exit {runner.ExitCode}: {await stdout} {await stderr}");
                    Assert.Contains($"done {Rows} results, 0 errors", await stdout);
                }
            }
            finally
            {
                foreach (IDisposable killer in killers) killer.Dispose();
                foreach (Process runner in runners) runner.Dispose();
            }

            // Both ran all rows at once; each row was requested by one of them only.
            Assert.Equal(Rows, server.Counters.Generations);
            Assert.Equal(Rows, server.Counters.Requests.Select(r => r.Prompt).Distinct().Count());

            // Every file on disk is the image its cache entry holds.
            var cached = new Dictionary<string, string>();
            foreach (string entry in Directory.GetFiles(Path.Combine(output, ".gptimage-cache"), "*.json", SearchOption.AllDirectories))
            {
                using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(entry));
                JsonElement image = doc.RootElement.GetProperty("images")[0];
                cached[Path.GetFileNameWithoutExtension(entry)] = image.GetProperty("sha256").GetString()!;
            }
            Assert.Equal(Rows, cached.Count);
            for (int i = 1; i <= Rows; i++)
            {
                string key = RequestKey.Compute(FaultRows.Row(i).Request, server.BaseUrl.ToString());
                string file = Path.Combine(output, $"R{i:000}.png");
                Assert.Equal(cached[key], AtomicFile.Sha256Hex(File.ReadAllBytes(file)));
            }
            Assert.Empty(Directory.GetFiles(output, "*.lock", SearchOption.AllDirectories));
        }
    }
}
