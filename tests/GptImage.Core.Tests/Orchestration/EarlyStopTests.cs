using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using GptImage.Orchestration;
using Xunit;

namespace GptImage.Tests.Orchestration
{
    /// <summary>
    /// A pipeline that stops early (Select-Object -First, a terminating error) disposes the session before Complete:
    /// answers already being paid for must still reach the cache; Ctrl+C must still stop at once.
    /// </summary>
    public class EarlyStopTests
    {
        [Fact]
        public void Requests_in_flight_when_the_pipeline_stops_early_are_cached_and_not_paid_again()
        {
            string output = Path.Combine(Jobs.TempDirectory(), "out");
            var client = new FakeImageClient { Delay = TimeSpan.FromMilliseconds(300) };
            var options = new BatchOptions { OutputDirectory = output, ThrottleLimit = 4 };
            var sink = new RecordingSink();
            using (var session = new BatchSession(client, options, CancellationToken.None))
            {
                for (int i = 0; i < 4; i++) session.Submit(Jobs.Generate("lighthouse " + i), sink);
                WaitForCalls(client, 4);
                // The pipeline stops here, with four requests sent and not yet answered: no Complete.
            }
            Assert.Equal(4, client.Calls);
            Assert.Equal(0, client.CancelledCalls);

            var rerun = new RecordingSink();
            using (var session = new BatchSession(client, options, CancellationToken.None))
            {
                for (int i = 0; i < 4; i++) session.Submit(Jobs.Generate("lighthouse " + i), rerun);
                session.Complete(rerun);
            }
            Assert.Equal(4, client.Calls);
            Assert.All(rerun.Results, r => Assert.Equal(GptImageResult.StatusCached, r.Status));
        }

        [Fact]
        public void Ctrl_C_still_stops_at_once_without_waiting_for_answers()
        {
            var client = new FakeImageClient { Delay = TimeSpan.FromSeconds(30) };
            using var cts = new CancellationTokenSource();
            var session = new BatchSession(client, new BatchOptions { OutputDirectory = Path.Combine(Jobs.TempDirectory(), "out"), ThrottleLimit = 4 }, cts.Token);
            for (int i = 0; i < 4; i++) session.Submit(Jobs.Generate("slow " + i), new RecordingSink());

            WaitForCalls(client, 4);
            var watch = Stopwatch.StartNew();
            cts.Cancel();
            session.Dispose();
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"Dispose took {watch.Elapsed} after Ctrl+C");
            Assert.Equal(4, client.CancelledCalls);
        }

        private static void WaitForCalls(FakeImageClient client, int calls)
        {
            var wait = Stopwatch.StartNew();
            while (client.Calls < calls && wait.Elapsed < TimeSpan.FromSeconds(30)) Thread.Sleep(10);
            Assert.Equal(calls, client.Calls);
        }
    }
}
