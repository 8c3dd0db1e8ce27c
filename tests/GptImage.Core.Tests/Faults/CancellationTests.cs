using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GptImage.Emulator;
using GptImage.Orchestration;
using GptImage.Tests.Orchestration;
using Xunit;

namespace GptImage.Tests.Faults
{
    public class CancellationTests
    {
        [Fact]
        public async Task Cancelling_the_session_aborts_real_requests_in_flight_at_once()
        {
            var emulatorOptions = new EmulatorOptions();
            for (int i = 0; i < 8; i++) emulatorOptions.EnqueueFaults(EmulatorFault.Hang);
            await using EmulatorServer server = await EmulatorServer.StartAsync(emulatorOptions);
            var gate = new AdaptiveConcurrencyGate(4);
            using GptImageClient client = FaultRows.Client(server.BaseUrl, gate);
            var sink = new RecordingSink();
            using var cts = new CancellationTokenSource();
            using var session = new BatchSession(client, new BatchOptions { ThrottleLimit = 4, Gate = gate, NoCache = true }, cts.Token);
            for (int i = 1; i <= 4; i++) session.Submit(FaultRows.Row(i), sink);

            var wait = Stopwatch.StartNew();
            while (server.Counters.InFlight < 4 && wait.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(20);
            Assert.Equal(4, server.Counters.InFlight);

            var watch = Stopwatch.StartNew();
            cts.Cancel();
            session.Complete(sink);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"Complete took {watch.Elapsed} after the cancel (the client timeout is 30 s)");
            Assert.True(session.Summary.Cancelled);
            Assert.Equal(4, session.Summary.NotRun);
            Assert.Empty(sink.Errors); // Ctrl+C is not four errors

            while (server.Counters.InFlight > 0 && wait.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(20);
            Assert.Equal(4, server.Counters.Requests.Count(r => r.Outcome == RequestOutcome.ClientGaveUp));
        }
    }
}
