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
    public class CacheTests
    {
        private static ImageGenerationRequest Request() => new ImageGenerationRequest
        {
            Prompt = "a red fox", Model = "gpt-image-2", Size = "1024x1024", Quality = "low", OutputFormat = "png",
            Compression = null, Background = "auto", Moderation = "auto", Count = 1, User = "u1",
        };

        [Fact]
        public void The_key_is_stable_and_changes_with_every_parameter_and_the_endpoint()
        {
            string baseKey = RequestKey.Compute(Request(), "https://api.openai.com/v1");
            Assert.Equal(64, baseKey.Length);
            Assert.Equal(baseKey, RequestKey.Compute(Request(), "https://API.openai.com/v1/"));
            var variants = new Action<ImageGenerationRequest>[]
            {
                r => r.Prompt = "a red fox.", r => r.Model = "gpt-image-1.5", r => r.Size = "1536x1024", r => r.Quality = "high",
                r => r.OutputFormat = "webp", r => r.Compression = 50, r => r.Background = "opaque", r => r.Moderation = "low",
                r => r.Count = 2, r => r.User = "u2", r => r.PartialImages = 1,
            };
            var keys = variants.Select(change => { var r = Request(); change(r); return RequestKey.Compute(r, "https://api.openai.com/v1"); }).ToList();
            keys.Add(RequestKey.Compute(Request(), "https://example.openai.azure.com/openai/v1"));
            Assert.DoesNotContain(baseKey, keys);
            Assert.Equal(keys.Count, keys.Distinct().Count());
        }

        [Fact]
        public void Edit_keys_follow_the_content_of_the_images_and_the_mask()
        {
            string dir = Jobs.TempDirectory();
            string image = Path.Combine(dir, "in.png"), mask = Path.Combine(dir, "mask.png");
            File.WriteAllBytes(image, FakeImageClient.Png("image"));
            File.WriteAllBytes(mask, FakeImageClient.Png("mask"));
            ImageEditRequest Edit() { var e = new ImageEditRequest { Prompt = "p", MaskPath = mask }; e.Images.Add(image); return e; }
            string first = RequestKey.Compute(Edit(), null);
            Assert.Equal(first, RequestKey.Compute(Edit(), null));
            File.WriteAllBytes(mask, FakeImageClient.Png("mask2"));
            string second = RequestKey.Compute(Edit(), null);
            Assert.NotEqual(first, second);
            File.WriteAllBytes(image, FakeImageClient.Png("image2"));
            Assert.NotEqual(second, RequestKey.Compute(Edit(), null));
            Assert.NotEqual(RequestKey.Compute(new ImageGenerationRequest { Prompt = "p" }, null), RequestKey.Compute(Edit(), null));
        }

        [Fact]
        public async Task Commit_then_read_round_trips_and_a_damaged_entry_is_a_miss()
        {
            var cache = new FileResultCache(Jobs.TempDirectory());
            string key = RequestKey.Compute(Request(), null);
            Assert.Null(await cache.TryGetAsync(key, CancellationToken.None));
            var result = new ImageResult
            {
                Model = "gpt-image-2", Created = DateTimeOffset.UtcNow, Size = "1024x1024", Quality = "low", RequestId = "req_1", Attempts = 2,
                Usage = new ImageUsage { InputTokens = 3, OutputTokens = 200, TotalTokens = 203, TextTokens = 3, OutputImageTokens = 200 },
                Images = new[] { new GeneratedImage { Index = 0, Bytes = FakeImageClient.Png("a"), RevisedPrompt = "rev" }, new GeneratedImage { Index = 1, Bytes = FakeImageClient.Png("b") } },
            };
            await cache.CommitAsync(key, result, CancellationToken.None);
            ImageResult? back = await cache.TryGetAsync(key, CancellationToken.None);
            Assert.NotNull(back);
            Assert.Equal(2, back!.Images.Count);
            Assert.Equal(result.Images[1].Bytes, back.Images[1].Bytes);
            Assert.Equal("rev", back.Images[0].RevisedPrompt);
            Assert.Equal(200, back.Usage!.OutputTokens);
            Assert.Equal(200, back.Usage.OutputImageTokens);
            Assert.Equal("req_1", back.RequestId);

            string imageFile = Directory.GetFiles(cache.Directory, key + ".1.png", SearchOption.AllDirectories).Single();
            File.WriteAllBytes(imageFile, new byte[] { 1, 2 });
            Assert.Null(await cache.TryGetAsync(key, CancellationToken.None));
            Assert.Empty(Directory.GetFiles(cache.Directory, AtomicFile.TempPrefix + "*", SearchOption.AllDirectories));
        }
    }
}
