using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using GptImage.Emulator;
using GptImage.Streaming;
using Xunit;

namespace GptImage.Tests.Streaming
{
    /// <summary>PartialImages over server-sent events against the emulator: the same final result as the JSON path.</summary>
    public sealed class StreamingTests
    {
        [Fact]
        public async Task Streamed_generation_reports_partials_and_ends_with_the_non_streaming_image()
        {
            await using EmulatorServer server = await EmulatorServer.StartAsync();
            var partials = new ConcurrentQueue<PartialImage>();
            using var client = Client(server, partials);

            var plain = new ImageGenerationRequest { Prompt = "a lighthouse", Size = "1024x1024", Quality = "low" };
            var streamed = new ImageGenerationRequest { Prompt = "a lighthouse", Size = "1024x1024", Quality = "low", PartialImages = 2 };
            ImageResult expected = await client.GenerateAsync(plain);
            ImageResult actual = await client.GenerateAsync(streamed);

            Assert.Equal(new[] { 0, 1 }, partials.Select(p => p.PartialImageIndex).ToArray());
            Assert.All(partials, p => Assert.Same(streamed, p.Request));
            Assert.All(partials, p => Assert.Equal("image_generation.partial_image", p.EventType));
            Assert.All(partials, p => Assert.Equal("png", p.Format));
            Assert.All(partials, p => Assert.NotEqual(expected.Images[0].Bytes, p.Bytes));   // partials are earlier renderings

            Assert.Equal(expected.Images.Single().Bytes, actual.Images.Single().Bytes);
            Assert.Equal((expected.Size, expected.Quality, expected.Background, expected.OutputFormat),
                (actual.Size, actual.Quality, actual.Background, actual.OutputFormat));
            Assert.Equal(expected.Usage!.InputTokens, actual.Usage!.InputTokens);
            // Each partial image is billed as extra output tokens (100 each in OpenAI's pricing note, as the emulator does).
            Assert.Equal(expected.Usage.OutputTokens + 2 * 100, actual.Usage.OutputTokens);
            Assert.NotNull(actual.RequestId);

            var recorded = server.Counters.Requests.Last();
            Assert.True(recorded.Stream);
            Assert.Contains("partial_images", recorded.Fields);
        }

        [Fact]
        public async Task Streamed_edit_uses_the_edit_event_types()
        {
            await using EmulatorServer server = await EmulatorServer.StartAsync();
            var partials = new ConcurrentQueue<PartialImage>();
            using var client = Client(server, partials);
            string folder = Path.Combine(Path.GetTempPath(), "gptimage-stream-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                string image = Path.Combine(folder, "in.png");
                File.WriteAllBytes(image, Infrastructure.TestImages.PngBytes(32, 32));
                var edit = new ImageEditRequest { Prompt = "add a hat", Size = "1024x1024", Quality = "low", PartialImages = 1 };
                edit.Images.Add(image);
                ImageResult result = await client.EditAsync(edit);

                PartialImage partial = Assert.Single(partials);
                Assert.Equal("image_edit.partial_image", partial.EventType);
                Assert.Single(result.Images);
                Assert.Equal("png", result.Images[0].Format);
                Assert.True(result.Usage!.ImageTokens > 0);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        [Fact]
        public async Task Zero_partial_images_still_streams_and_gives_the_same_image()
        {
            await using EmulatorServer server = await EmulatorServer.StartAsync();
            var partials = new ConcurrentQueue<PartialImage>();
            using var client = Client(server, partials);
            ImageResult expected = await client.GenerateAsync(new ImageGenerationRequest { Prompt = "x", Size = "1024x1024", Quality = "low" });
            ImageResult actual = await client.GenerateAsync(new ImageGenerationRequest { Prompt = "x", Size = "1024x1024", Quality = "low", PartialImages = 0 });
            Assert.Empty(partials);
            Assert.Equal(expected.Images[0].Bytes, actual.Images[0].Bytes);
            Assert.True(server.Counters.Requests.Last().Stream);
        }

        [Fact]
        public async Task A_throwing_partial_image_callback_does_not_lose_the_paid_result()
        {
            await using EmulatorServer server = await EmulatorServer.StartAsync();
            var log = new ConcurrentQueue<string>();
            using var client = new GptImageClient(new GptImageClientOptions
            {
                Endpoint = server.BaseUrl, ApiKey = "sk-test", Organization = "", Project = "", Log = log.Enqueue,
                OnPartialImage = _ => throw new InvalidOperationException("callback broke"),
            });
            ImageResult result = await client.GenerateAsync(new ImageGenerationRequest { Prompt = "x", Size = "1024x1024", Quality = "low", PartialImages = 2 });
            Assert.Single(result.Images);
            Assert.Equal(1, server.Counters.Total);   // no retry, no second payment
            Assert.Equal(2, log.Count(l => l.Contains("OnPartialImage callback failed: callback broke")));
        }

        [Fact]
        public void Partial_images_are_saved_by_row_and_index_under_the_partial_folder()
        {
            string folder = Path.Combine(Path.GetTempPath(), "gptimage-partial-" + Guid.NewGuid().ToString("N"));
            try
            {
                byte[] png = Infrastructure.TestImages.PngBytes(3, 3);
                string path = PartialImageFiles.Save(folder, 12, new PartialImage { PartialImageIndex = 1, Bytes = png, Format = "png" });
                Assert.Equal(Path.Combine(folder, "partial", "row-000012-partial-1.png"), path);
                Assert.Equal(png, File.ReadAllBytes(path));
            }
            finally
            {
                if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            }
        }

        [Fact]
        public void An_error_event_inside_the_stream_is_reported_not_taken_for_an_image()
        {
            var assembler = new ImageStreamAssembler(new ImageGenerationRequest { Prompt = "p" }, null);
            Assert.Throws<StreamErrorException>(() => assembler.Add(new ServerSentEvent("error",
                "{\"type\":\"error\",\"error\":{\"code\":\"moderation_blocked\",\"message\":\"refused\",\"type\":\"image_generation_user_error\"}}")));
        }

        [Fact]
        public void A_stream_without_a_completed_event_is_a_cut_short_answer()
        {
            var assembler = new ImageStreamAssembler(new ImageGenerationRequest { Prompt = "p" }, null);
            string png = Convert.ToBase64String(Infrastructure.TestImages.PngBytes(4, 4));
            assembler.Add(new ServerSentEvent("image_generation.partial_image", "{\"type\":\"image_generation.partial_image\",\"b64_json\":\"" + png + "\",\"partial_image_index\":0}"));
            var error = Assert.Throws<GptImage.Wire.InvalidResponseException>(() => assembler.ToResult(null, null, 1));
            Assert.Contains("1 partial image", error.Message);
        }

        private static GptImageClient Client(EmulatorServer server, ConcurrentQueue<PartialImage> partials) =>
            new GptImageClient(new GptImageClientOptions { Endpoint = server.BaseUrl, ApiKey = "sk-test", Organization = "", Project = "", OnPartialImage = partials.Enqueue });
    }
}
