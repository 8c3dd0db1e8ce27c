using System.Diagnostics;
using GptImage.Emulator.CommandLine;

namespace GptImage.Tests.Emulator
{
    /// <summary>The standalone emulator: flags map onto EmulatorOptions, bad flags are named, and the process prints its address.</summary>
    public sealed class CommandLineTests
    {
        [Fact]
        public void Every_flag_sets_its_knob()
        {
            var (o, port, help) = EmulatorCommandLine.Parse(new[]
            {
                "--port", "5123", "--latency-ms", "1000-3000", "--rpm", "60", "--ipm", "90", "--insufficient-quota", "--error-rate", "0.1",
                "--rate-limit-rate", "0.05", "--retry-after-ms", "2500", "--retry-after-date", "--no-retry-after-ms", "--drop-rate", "0.02",
                "--truncate-rate", "0.03", "--moderation-word", "dragon", "--api-key", "sk-x", "--seed", "9", "--reject-retired",
                "--today", "2026-11-21", "--stream-interval-ms", "50", "--revised-prompt",
            });
            Assert.False(help);
            Assert.Equal(5123, port);
            Assert.Equal((TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)), (o.MinLatency, o.MaxLatency));
            Assert.Equal((60, 90), (o.RequestsPerMinute!.Value, o.ImagesPerMinute!.Value));
            Assert.True(o.InsufficientQuota && o.RetryAfterAsHttpDate && !o.SendRetryAfterMs && o.RejectRetiredModels && o.IncludeRevisedPrompt);
            Assert.Equal((0.1, 0.05, 0.02, 0.03), (o.ServerErrorRate, o.RateLimitErrorRate, o.DropConnectionRate, o.TruncateBodyRate));
            Assert.Equal(TimeSpan.FromMilliseconds(2500), o.RateLimitRetryAfter);
            Assert.Equal(("dragon", "sk-x", 9), (o.ModerationTriggerWord, o.RequiredApiKey!, o.Seed!.Value));
            Assert.Equal(new DateTime(2026, 11, 21), o.Today);
            Assert.Equal(TimeSpan.FromMilliseconds(50), o.StreamEventInterval);
        }

        [Fact]
        public void Single_latency_value_means_fixed_latency_and_defaults_stay_quiet()
        {
            var (o, port, _) = EmulatorCommandLine.Parse(new[] { "--latency-ms", "250" });
            Assert.Equal((TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(250)), (o.MinLatency, o.MaxLatency));
            Assert.Equal(0, port);
            Assert.Null(o.RequestsPerMinute);
            Assert.Equal(0, o.ServerErrorRate);
        }

        [Theory]
        [InlineData("--error-rate", "1.5", "--error-rate '1.5'")]
        [InlineData("--rpm", "zero", "--rpm 'zero'")]
        [InlineData("--latency-ms", "3000-1000", "--latency-ms '1000'")]
        [InlineData("--today", "21/11/2026", "YYYY-MM-DD")]
        [InlineData("--bogus", "x", "Unknown option '--bogus'")]
        public void Bad_flags_are_named_with_their_value(string flag, string value, string expected)
        {
            var error = Assert.Throws<ArgumentException>(() => EmulatorCommandLine.Parse(new[] { flag, value }));
            Assert.Contains(expected, error.Message);
        }

        [Fact]
        public void Help_is_recognised_and_lists_every_flag()
        {
            Assert.True(EmulatorCommandLine.Parse(new[] { "--help" }).Help);
            foreach (string flag in new[] { "--port", "--latency-ms", "--rpm", "--insufficient-quota", "--error-rate", "--drop-rate", "--truncate-rate", "--moderation-word", "--api-key", "--seed" })
                Assert.Contains(flag, EmulatorCommandLine.Usage);
        }

        [Fact]
        public async Task Standalone_process_prints_its_address_serves_it_and_stops_on_sigterm()
        {
            string dll = Path.Combine(AppContext.BaseDirectory, "GptImage.Emulator.dll");
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
            psi.ArgumentList.Add(dll);
            psi.ArgumentList.Add("--port");
            psi.ArgumentList.Add("0");
            psi.ArgumentList.Add("--rpm");
            psi.ArgumentList.Add("7");
            using Process process = Process.Start(psi)!;
            try
            {
                Task<string?> firstLine = process.StandardOutput.ReadLineAsync();
                Assert.Same(firstLine, await Task.WhenAny(firstLine, Task.Delay(TimeSpan.FromSeconds(60))));
                string line = (await firstLine) ?? throw new Xunit.Sdk.XunitException("no output; stderr: " + await process.StandardError.ReadToEndAsync());
                Assert.Matches(@"^Listening on http://127\.0\.0\.1:\d+/v1/$", line);

                using var http = new HttpClient { BaseAddress = new Uri(line.Substring("Listening on ".Length)), Timeout = TimeSpan.FromSeconds(60) };
                using HttpResponseMessage response = await http.PostAsync("images/generations",
                    new StringContent("{\"model\":\"gpt-image-2\",\"prompt\":\"p\",\"size\":\"64x64\"}", System.Text.Encoding.UTF8, "application/json"));
                Assert.Equal("7", string.Join(",", response.Headers.GetValues("x-ratelimit-limit-requests")));

                // SIGTERM (what kill, timeout and CI cleanup send) must end it cleanly.
                using (Process kill = Process.Start("kill", $"-TERM {process.Id}")!) await kill.WaitForExitAsync();
                Task<string> rest = process.StandardOutput.ReadToEndAsync();
                Assert.Same(rest, await Task.WhenAny(rest, Task.Delay(TimeSpan.FromSeconds(60))));
                Assert.Contains("Stopped after 1 requests.", await rest);
                await process.WaitForExitAsync();
                Assert.Equal(0, process.ExitCode);
            }
            finally
            {
                if (!process.HasExited) process.Kill();
                await process.WaitForExitAsync();
            }
        }
    }
}
