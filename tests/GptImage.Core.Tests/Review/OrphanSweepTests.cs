using System;
using System.IO;
using System.Threading;
using GptImage.Orchestration;
using GptImage.Tests.Orchestration;
using Xunit;

namespace GptImage.Tests.Review
{
    public class OrphanSweepTests
    {
        [Fact]
        public void A_cache_folder_beside_the_output_folder_with_the_same_prefix_is_swept_too()
        {
            string root = Path.Combine(Path.GetTempPath(), "gptimage-review-" + Guid.NewGuid().ToString("N"));
            string output = Path.Combine(root, "out");
            string cache = Path.Combine(root, "out-cache");   // not under "out", though its path starts with it
            Directory.CreateDirectory(output);
            Directory.CreateDirectory(cache);
            // A temporary file of a writer that no longer runs (no process has this id).
            string orphan = Path.Combine(cache, AtomicFile.TempPrefix + int.MaxValue + "-" + Guid.NewGuid().ToString("N") + ".tmp");
            File.WriteAllText(orphan, "half an image");
            try
            {
                using var session = new BatchSession(new FakeImageClient(), new BatchOptions { OutputDirectory = output, CacheDirectory = cache }, CancellationToken.None);
                Assert.False(File.Exists(orphan), "the orphaned temporary file in the cache folder was left behind");
            }
            finally
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }
}
