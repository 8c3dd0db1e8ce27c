using static GptImage.Tests.Emulator.EmulatorHttp;

namespace GptImage.Tests.Emulator
{
    /// <summary>stream=true: server-sent partial_image events, then completed events with usage.</summary>
    public sealed class StreamingTests(EmulatorFixture emulator) : EmulatorTest(emulator)
    {
        private static async Task<List<(string Event, JsonElement Data)>> ReadEventsAsync(HttpResponseMessage response)
        {
            Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
            var events = new List<(string, JsonElement)>();
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            string? name = null;
            string? line;
            while ((line = await reader.ReadLineAsync()) != null)
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal)) name = line.Substring(7);
                else if (line.StartsWith("data: ", StringComparison.Ordinal))
                    events.Add((name!, JsonDocument.Parse(line.Substring(6)).RootElement.Clone()));
            }
            return events;
        }

        [Fact]
        public async Task Generation_streams_partials_then_the_final_image()
        {
            using HttpClient http = Emu.CreateHttpClient();
            using HttpResponseMessage response = await GenerateAsync(http,
                "{\"model\":\"gpt-image-2\",\"prompt\":\"p\",\"size\":\"256x256\",\"quality\":\"low\",\"stream\":true,\"partial_images\":2}");
            var events = await ReadEventsAsync(response);

            Assert.Equal(new[] { "image_generation.partial_image", "image_generation.partial_image", "image_generation.completed" }, events.Select(e => e.Event));
            Assert.All(events, e => Assert.Equal(e.Event, e.Data.GetProperty("type").GetString()));
            Assert.Equal(new[] { 0, 1 }, events.Take(2).Select(e => e.Data.GetProperty("partial_image_index").GetInt32()));
            Assert.All(events, e => Assert.Equal((256, 256), TestImages.PngSize(Convert.FromBase64String(e.Data.GetProperty("b64_json").GetString()!))));
            JsonElement completed = events[2].Data;
            Assert.Equal("256x256", completed.GetProperty("size").GetString());
            long perImage = (long)Math.Ceiling(200 * (256.0 * 256 / (1024 * 1024)));   // gpt-image-2 low: 200 tokens at 1024x1024, by pixel area
            Assert.Equal(perImage + 2 * 100, completed.GetProperty("usage").GetProperty("output_tokens").GetInt64());

            // The final image equals what the non-streaming path returns for the same request.
            using HttpResponseMessage plain = await GenerateAsync(http, "{\"model\":\"gpt-image-2\",\"prompt\":\"p\",\"size\":\"256x256\",\"quality\":\"low\"}");
            using JsonDocument doc = await ReadJsonAsync(plain);
            Assert.Equal(doc.RootElement.GetProperty("data")[0].GetProperty("b64_json").GetString(), completed.GetProperty("b64_json").GetString());
            Assert.True(Emu.Counters.Requests[0].Stream);
        }

        [Fact]
        public async Task Edit_streams_image_edit_events()
        {
            using HttpClient http = Emu.CreateHttpClient();
            using HttpResponseMessage response = await EditAsync(http, new[] { new Part("image[]", TestImages.RgbaPng(64, 64), "image/png") },
                Fields("p", "gpt-image-2", ("stream", "true"), ("partial_images", "1"), ("size", "128x128")));
            var events = await ReadEventsAsync(response);
            Assert.Equal(new[] { "image_edit.partial_image", "image_edit.completed" }, events.Select(e => e.Event));
        }

        [Fact]
        public async Task Truncated_stream_ends_after_the_partials_without_a_completed_event()
        {
            Emu.Options.EnqueueFaults(GptImage.Emulator.EmulatorFault.Truncate);
            using HttpClient http = Emu.CreateHttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, "images/generations")
            {
                Content = new StringContent("{\"model\":\"gpt-image-2\",\"prompt\":\"p\",\"size\":\"64x64\",\"stream\":true,\"partial_images\":2}",
                    System.Text.Encoding.UTF8, "application/json"),
            };
            using HttpResponseMessage response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            var names = new List<string>();
            Exception? failure = await Record.ExceptionAsync(async () =>
            {
                using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
                string? line;
                while ((line = await reader.ReadLineAsync()) != null)
                    if (line.StartsWith("event: ", StringComparison.Ordinal)) names.Add(line.Substring(7));
            });
            Assert.NotNull(failure);
            Assert.Equal(new[] { "image_generation.partial_image", "image_generation.partial_image" }, names);
            Assert.Equal(1, Emu.Counters.Truncated);
        }

        [Fact]
        public async Task Stream_without_partials_sends_only_the_completed_event()
        {
            using HttpClient http = Emu.CreateHttpClient();
            using HttpResponseMessage response = await GenerateAsync(http, "{\"model\":\"gpt-image-2\",\"prompt\":\"p\",\"size\":\"64x64\",\"stream\":true}");
            var events = await ReadEventsAsync(response);
            Assert.Equal("image_generation.completed", events.Single().Event);
        }
    }
}
