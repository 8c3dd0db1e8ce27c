using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using GptImage.Orchestration;
using GptImage.Tests.Orchestration;
using Xunit;

namespace GptImage.Tests.Review
{
    public class CacheCommitFailureTests
    {
        /// <summary>A cache whose disk is full: every lookup misses, every commit throws.</summary>
        private sealed class FullDiskCache : IResultCache
        {
            public int Commits;
            public Task<ImageResult?> TryGetAsync(string key, CancellationToken cancellationToken) => Task.FromResult<ImageResult?>(null);
            public Task CommitAsync(string key, ImageResult result, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref Commits);
                throw new IOException("There is not enough space on the disk.");
            }
        }

        [Fact]
        public void A_paid_response_is_still_delivered_and_counted_when_the_cache_cannot_store_it()
        {
            var client = new FakeImageClient();
            var cache = new FullDiskCache();
            var sink = new RecordingSink();
            string fallback = Path.Combine(Jobs.TempDirectory(), "fallback");
            using var session = new BatchSession(client, new BatchOptions { Cache = cache, FallbackCacheDirectory = fallback }, CancellationToken.None);
            session.Submit(Jobs.Generate("a lighthouse"), sink);
            session.Complete(sink);

            Assert.Equal(1, client.Calls);
            Assert.Equal(1, cache.Commits);
            Assert.Empty(sink.Errors);
            GptImageResult result = Assert.Single(sink.Results);
            Assert.NotNull(result.Bytes);
            Assert.Equal(1, session.Summary.ApiCalls);
            Assert.Equal(1, session.Summary.Succeeded);
            Assert.True(session.Summary.ActualCostUsd > 0m, "the call was paid for, so its cost must count toward -MaxCost");
            Assert.Contains(sink.Warnings, w => w.Contains("not enough space") && w.Contains(fallback));

            // The answer waits in the fallback cache: a rerun with the same (still full) cache does not pay again.
            var rerun = new RecordingSink();
            using var again = new BatchSession(client, new BatchOptions { Cache = cache, FallbackCacheDirectory = fallback }, CancellationToken.None);
            again.Submit(Jobs.Generate("a lighthouse"), rerun);
            again.Complete(rerun);
            Assert.Equal(1, client.Calls);
            Assert.Equal(GptImageResult.StatusCached, Assert.Single(rerun.Results).Status);
        }
    }
}
