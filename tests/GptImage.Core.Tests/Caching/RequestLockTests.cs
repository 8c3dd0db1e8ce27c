using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GptImage.Orchestration;
using GptImage.Tests.Orchestration;
using Xunit;

namespace GptImage.Tests.Caching
{
    /// <summary>The per-request lock files that let runs sharing a cache folder share the work.</summary>
    public class RequestLockTests
    {
        private static (BatchOptions Options, FileResultCache Cache, string Key) Setup(ImageJob job)
        {
            string output = Path.Combine(Jobs.TempDirectory(), "out");
            var options = new BatchOptions { OutputDirectory = output };
            var cache = new FileResultCache(options.EffectiveCacheDirectory!);
            return (options, cache, RequestKey.Compute(job.Request, options.Endpoint));
        }

        [Fact]
        public async Task A_row_another_live_run_is_requesting_waits_for_its_answer_instead_of_paying()
        {
            ImageJob job = Jobs.Generate("a lighthouse");
            var (options, cache, key) = Setup(job);
            var other = new FakeImageClient();
            ImageResult theirs = await other.GenerateAsync(job.Request);

            var client = new FakeImageClient();
            var sink = new RecordingSink();
            using (RequestLock held = RequestLock.TryTake(cache.LockPath(key))!)
            using (var session = new BatchSession(client, options, CancellationToken.None))
            {
                session.Submit(job, sink);
                // The "other run" answers a little later and lets go of its lock.
                await Task.Delay(600);
                await cache.CommitAsync(key, theirs, CancellationToken.None);
                held.Dispose();
                session.Complete(sink);
            }

            Assert.Equal(0, client.Calls);
            GptImageResult result = Assert.Single(sink.Results);
            Assert.Equal(GptImageResult.StatusCached, result.Status);
            Assert.Equal(AtomicFile.Sha256Hex(theirs.Images[0].Bytes), AtomicFile.Sha256Hex(File.ReadAllBytes(result.Path!)));
        }

        [Fact]
        public void The_lock_of_a_process_that_is_gone_is_taken_over()
        {
            ImageJob job = Jobs.Generate("a lighthouse");
            var (options, cache, key) = Setup(job);
            string lockPath = cache.LockPath(key);
            Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
            File.WriteAllText(lockPath, Environment.MachineName + "\n" + DeadProcessId() + "\n");

            var client = new FakeImageClient();
            var sink = new RecordingSink();
            using (var session = new BatchSession(client, options, CancellationToken.None))
            {
                session.Submit(job, sink);
                session.Complete(sink);
            }

            Assert.Equal(1, client.Calls);
            Assert.Equal(GptImageResult.StatusSucceeded, Assert.Single(sink.Results).Status);
            Assert.False(File.Exists(lockPath));
        }

        [Fact]
        public void A_lock_whose_heartbeat_stopped_is_stale_even_from_another_machine()
        {
            string lockPath = Path.Combine(Jobs.TempDirectory(), "k.lock");
            File.WriteAllText(lockPath, "another-machine\n1\n");
            Assert.False(RequestLock.IsStale(lockPath));
            File.SetLastWriteTimeUtc(lockPath, DateTime.UtcNow - RequestLock.StaleAfter - TimeSpan.FromSeconds(1));
            Assert.True(RequestLock.IsStale(lockPath));
        }

        /// <summary>The id of a process that has exited.</summary>
        private static int DeadProcessId()
        {
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true })!;
            process.WaitForExit();
            return process.Id;
        }
    }
}
