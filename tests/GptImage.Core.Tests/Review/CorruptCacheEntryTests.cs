using System;
using System.IO;
using System.Threading;
using GptImage.Orchestration;
using Xunit;

namespace GptImage.Tests.Review
{
    public class CorruptCacheEntryTests
    {
        private const string Key = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

        [Theory]
        [InlineData("{\"version\":1,\"model\":\"gpt-image-2\",\"created\":null,\"attempts\":1,\"images\":[]}")]
        [InlineData("{\"version\":1,\"model\":\"gpt-image-2\",\"created\":\"2026-11-21T00:00:00Z\",\"attempts\":1,\"images\":[{\"index\":0,\"file\":null,\"format\":\"png\",\"sha256\":\"00\"}]}")]
        [InlineData("{\"version\":1,\"model\":\"gpt-image-2\",\"created\":\"2026-11-21T00:00:00Z\",\"attempts\":1,\"images\":[{\"index\":0,\"file\":\"a\\u0000b.png\",\"format\":\"png\",\"sha256\":\"00\"}]}")]
        public async System.Threading.Tasks.Task A_damaged_metadata_file_is_a_miss_not_an_error(string metadata)
        {
            string dir = Path.Combine(Path.GetTempPath(), "gptimage-review-" + Guid.NewGuid().ToString("N"));
            try
            {
                var cache = new FileResultCache(dir);
                Directory.CreateDirectory(Path.Combine(dir, Key.Substring(0, 2)));
                File.WriteAllText(Path.Combine(dir, Key.Substring(0, 2), Key + ".json"), metadata);

                ImageResult? hit = await cache.TryGetAsync(Key, CancellationToken.None);

                Assert.Null(hit);
            }
            finally
            {
                if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
            }
        }
    }
}
