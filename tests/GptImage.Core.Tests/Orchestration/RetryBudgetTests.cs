using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GptImage.Orchestration;
using Xunit;

namespace GptImage.Tests.Orchestration
{
    /// <summary>
    /// A row that keeps failing for a passing reason is tried again, honouring the server's Retry-After, until the
    /// retry time is spent; only then is it a failed row. A fake clock moves with each wait, so nothing sleeps.
    /// </summary>
    public class RetryBudgetTests
    {
        private static GptImageApiException Overloaded() =>
            new GptImageApiException(ErrorIds.ServerError, "The image API answered 503 (server_is_overloaded).") { StatusCode = 503, IsTransient = true, RetryAfter = TimeSpan.FromSeconds(25) };

        private static (BatchSession Session, List<TimeSpan> Waits) Start(FakeImageClient client, TimeSpan retryTimeout)
        {
            var session = new BatchSession(client, new BatchOptions { NoCache = true, RetryTimeout = retryTimeout }, CancellationToken.None);
            var waits = new List<TimeSpan>();
            TimeSpan now = TimeSpan.Zero;
            session.Now = () => now;
            session.DelayAsync = (delay, token) =>
            {
                lock (waits) { waits.Add(delay); now += delay; }
                return Task.CompletedTask;
            };
            return (session, waits);
        }

        [Fact]
        public void A_row_the_server_keeps_refusing_for_a_while_is_tried_again_after_its_Retry_After_and_succeeds()
        {
            int failures = 0;
            var client = new FakeImageClient { OnCall = _ => { if (Interlocked.Increment(ref failures) <= 5) throw Overloaded(); } };
            var sink = new RecordingSink();
            var (session, waits) = Start(client, TimeSpan.FromMinutes(15));
            using (session)
            {
                session.Submit(Jobs.Generate("a lighthouse"), sink);
                session.Complete(sink);
            }

            Assert.Empty(sink.Errors);
            Assert.Single(sink.Results);
            Assert.Equal(6, client.Calls);
            Assert.Equal(Enumerable.Repeat(TimeSpan.FromSeconds(25), 5), waits);
        }

        [Fact]
        public void The_row_fails_once_the_retry_time_is_spent()
        {
            var client = new FakeImageClient { OnCall = _ => throw Overloaded() };
            var sink = new RecordingSink();
            var (session, waits) = Start(client, TimeSpan.FromSeconds(60));
            using (session)
            {
                session.Submit(Jobs.Generate("a lighthouse"), sink);
                session.Complete(sink);
            }

            // 0 s, 25 s and 50 s: a fourth attempt at 75 s would be past the 60 s allowed.
            Assert.Equal(3, client.Calls);
            Assert.Equal(2, waits.Count);
            Assert.Equal(ErrorIds.ServerError, Assert.IsType<GptImageApiException>(Assert.Single(sink.Errors).Error).ErrorId);
        }

        [Theory]
        [InlineData(429, ErrorIds.QuotaExceeded)]
        [InlineData(400, ErrorIds.BadRequest)]
        public void An_empty_wallet_and_a_4xx_fail_at_once(int status, string errorId)
        {
            var client = new FakeImageClient { OnCall = _ => throw new GptImageApiException(errorId, "refused") { StatusCode = status, IsTransient = false } };
            var sink = new RecordingSink();
            var (session, waits) = Start(client, TimeSpan.FromMinutes(15));
            using (session)
            {
                session.Submit(Jobs.Generate("a lighthouse"), sink);
                session.Complete(sink);
            }

            Assert.Equal(1, client.Calls);
            Assert.Empty(waits);
            Assert.Equal(errorId, Assert.IsType<GptImageApiException>(Assert.Single(sink.Errors).Error).ErrorId);
        }

        [Fact]
        public void A_row_waiting_to_go_again_does_not_hold_up_the_rows_after_it()
        {
            // One request slot: the failing row waits (really, 5 s) outside it while the other rows are sent.
            var client = new FakeImageClient
            {
                OnCall = r => { if (r.Prompt == "slow" && Interlocked.Increment(ref _slowFailures) == 1) throw new GptImageApiException(ErrorIds.ServerError, "503") { StatusCode = 503, IsTransient = true, RetryAfter = TimeSpan.FromSeconds(5) }; },
            };
            var sink = new RecordingSink();
            using var session = new BatchSession(client, new BatchOptions { NoCache = true, ThrottleLimit = 1, QueueLimit = 0 }, CancellationToken.None);
            session.Submit(Jobs.Generate("slow"), sink);
            for (int i = 0; i < 5; i++) session.Submit(Jobs.Generate("row " + i), sink);
            session.Complete(sink);

            Assert.Empty(sink.Errors);
            Assert.Equal("slow", sink.Results.Last().Prompt);
        }

        private static int _slowFailures;
    }
}
