using GptImage.BatchApi;
using GptImage.Tests.Client;
using static GptImage.Tests.Client.ScriptedHandler;

namespace GptImage.Tests.BatchApi
{
    /// <summary>The files and batches calls give ids and advice that fit them, not the image calls' ones.</summary>
    public sealed class BatchCallErrorTests
    {
        [Fact]
        public async Task Cancelling_a_finished_batch_is_refused_once_and_never_retried()
        {
            var handler = new ScriptedHandler(Error(409, null, "Cannot cancel a batch with status 'completed'."), Error(409, null, "again"));
            using var h = TestClients.Create(handler);
            var e = await Assert.ThrowsAsync<GptImageApiException>(() => new BatchApiClient(h.Client).CancelBatchAsync("batch_done"));

            Assert.Equal(1, handler.Calls);
            Assert.Equal(BatchErrorIds.NotCancellable, e.ErrorId);
            Assert.False(e.IsTransient);
            Assert.Contains("already finished", e.Advice);
            Assert.Empty(h.Delays);
        }

        [Fact]
        public async Task An_image_call_still_retries_a_409()
        {
            var handler = new ScriptedHandler(Error(409, null, "conflict"), Ok());
            using var h = TestClients.Create(handler);
            ImageResult result = await h.Client.GenerateAsync(TestClients.Generation());
            Assert.Equal(2, result.Attempts);
        }

        [Fact]
        public async Task An_unknown_batch_id_advises_checking_the_id_not_the_model()
        {
            var handler = new ScriptedHandler(Error(404, null, "No batch found with id 'batch_nope'."));
            using var h = TestClients.Create(handler);
            var e = await Assert.ThrowsAsync<GptImageApiException>(() => new BatchApiClient(h.Client).GetBatchAsync("batch_nope"));

            Assert.Equal(ErrorIds.NotFound, e.ErrorId);
            Assert.Contains("-Id", e.Advice);
            Assert.DoesNotContain("-Model", e.Advice);
            Assert.Contains("-Id", e.Message);
        }

        [Fact]
        public async Task A_rate_limit_on_a_batch_call_advises_waiting_not_a_parameter_the_batch_cmdlets_lack()
        {
            var handler = new ScriptedHandler(Error(429, "rate_limit_exceeded", "slow down", "requests"));
            using var h = TestClients.Create(handler, change: o => o.MaxRetries = 0);
            var e = await Assert.ThrowsAsync<GptImageApiException>(() => new BatchApiClient(h.Client).GetBatchAsync("batch_1"));

            Assert.Equal(ErrorIds.RateLimited, e.ErrorId);
            Assert.DoesNotContain("-ThrottleLimit", e.Advice);
            Assert.Contains("wait", e.Advice);
        }
    }
}
