using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using GptImage.Emulator;
using GptImage.Orchestration;
using GptImage.Tests.Faults;
using GptImage.Tests.Orchestration;
using Xunit;

namespace GptImage.Tests.Scheduling
{
    /// <summary>The batch engine, the real client and the adaptive gate against the emulator's images-per-minute limit.</summary>
    public class ImagesPerMinuteEmulatorTests
    {
        /// <summary>Thirty scaled seconds per real second: the emulator's window and the gate share it, so minutes pass in seconds.</summary>
        private const int Speed = 30;

        [Fact]
        public async Task Rows_of_four_images_under_an_images_per_minute_limit_of_8_get_no_429()
        {
            var real = Stopwatch.StartNew();
            DateTime start = DateTime.UtcNow;
            DateTime Now() => start + TimeSpan.FromTicks(real.Elapsed.Ticks * Speed);

            // Server time between admission and answer keeps the gate's estimate of when a request was sent (answer
            // time minus the real elapsed time) after the emulator's admission time on the fast clock.
            var emulatorOptions = new EmulatorOptions { ImagesPerMinute = 8, MinLatency = TimeSpan.FromMilliseconds(50), MaxLatency = TimeSpan.FromMilliseconds(50) };
            await using EmulatorServer server = await EmulatorServer.StartAsync(emulatorOptions);
            server.UseClock(Now);
            // Ceiling 2: before the first answer nothing is known, and two requests of 4 exactly fill the first minute.
            var gate = new AdaptiveConcurrencyGate(2, clock: () => new DateTimeOffset(Now(), TimeSpan.Zero));
            using GptImageClient client = FaultRows.Client(server.BaseUrl, gate, maxRetries: 3);
            var sink = new RecordingSink();
            var options = new BatchOptions { ThrottleLimit = 2, Gate = gate, NoCache = true, Endpoint = server.BaseUrl.ToString(), ExpectedTotal = 6 };
            DateTime began = Now();
            using (var session = new BatchSession(client, options, CancellationToken.None))
            {
                for (int i = 1; i <= 6; i++)
                {
                    ImageJob row = FaultRows.Row(i);
                    row.Request.Count = 4;
                    session.Submit(row, sink);
                }
                session.Complete(sink);
                Assert.Equal(6, session.Summary.Succeeded);
            }
            TimeSpan scaled = Now() - began;

            Assert.Empty(sink.Errors);
            Assert.Equal(0, server.Counters.CountByStatus(429));
            Assert.Equal(0, gate.RateLimitedCount);
            Assert.Equal(8, gate.ImagesPerMinuteLimit);
            // 24 images at 8 a minute: the third pair cannot start before the first pair is two minutes old.
            Assert.True(scaled >= TimeSpan.FromMinutes(2), $"the batch took {scaled.TotalSeconds:0} scaled seconds");
        }
    }
}
