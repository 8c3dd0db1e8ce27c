using static GptImage.Tests.Emulator.EmulatorHttp;

namespace GptImage.Tests.Emulator
{
    /// <summary>The counters tests use to assert how many calls a scenario made.</summary>
    public sealed class CounterTests(EmulatorFixture emulator) : EmulatorTest(emulator)
    {
        [Fact]
        public async Task Counters_split_by_endpoint_status_and_error_code()
        {
            using HttpClient http = Emu.CreateHttpClient();
            (await GenerateAsync(http, "{\"model\":\"gpt-image-2\",\"prompt\":\"ok\",\"size\":\"64x64\"}")).Dispose();
            (await GenerateAsync(http, "{\"model\":\"gpt-image-2\",\"prompt\":\"bad\",\"n\":99}")).Dispose();
            (await EditAsync(http, new[] { new Part("image[]", TestImages.RgbaPng(64, 64), "image/png") }, Fields())).Dispose();
            (await http.GetAsync("models")).Dispose();

            Assert.Equal(4, Emu.Counters.Total);
            Assert.Equal(2, Emu.Counters.Generations);
            Assert.Equal(1, Emu.Counters.Edits);
            Assert.Equal(1, Emu.Counters.Models);
            Assert.Equal(3, Emu.Counters.CountByStatus(200));
            Assert.Equal(1, Emu.Counters.CountByStatus(400));
            Assert.Equal(1, Emu.Counters.CountByErrorCode("integer_above_max_value"));
            Assert.Equal(2, Emu.Counters.Succeeded);

            Emu.Counters.Reset();
            Assert.Equal(0, Emu.Counters.Total);
            Assert.Empty(Emu.Counters.Requests);
        }

        [Fact]
        public async Task Recorded_request_holds_what_was_sent_and_only_the_fields_sent()
        {
            using HttpClient http = Emu.CreateHttpClient();
            http.DefaultRequestHeaders.Add("OpenAI-Project", "proj_123");
            const string body = "{\"model\":\"gpt-image-2\",\"prompt\":\"a red fox\",\"size\":\"64x64\",\"n\":2}";
            using HttpResponseMessage response = await GenerateAsync(http, body);
            RecordedRequest r = Emu.Counters.Requests.Single();

            Assert.Equal(("POST", "/v1/images/generations", 200), (r.Method, r.Path, r.StatusCode));
            Assert.Equal(("a red fox", "gpt-image-2", 2), (r.Prompt, r.Model, r.Count));
            Assert.StartsWith("application/json", r.ContentType);
            Assert.Equal(new[] { "model", "n", "prompt", "size" }, r.Fields.OrderBy(f => f, StringComparer.Ordinal));
            Assert.Equal(body, r.JsonBody);
            Assert.Equal("proj_123", r.Headers["OpenAI-Project"]);
            Assert.Equal(AuthScheme.Bearer, r.Auth);
            Assert.Equal(Header(response, "x-request-id"), r.RequestId);
            Assert.False(r.Headers.ContainsKey("Authorization"));
            Assert.InRange(r.Time, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow);
        }

        [Fact]
        public async Task Max_in_flight_shows_how_many_calls_overlapped()
        {
            Emu.Options.MinLatency = Emu.Options.MaxLatency = TimeSpan.FromSeconds(2);
            using HttpClient http = Emu.CreateHttpClient();
            var calls = Enumerable.Range(0, 4).Select(_ => GenerateAsync(http, "{\"model\":\"gpt-image-2\",\"prompt\":\"p\",\"size\":\"64x64\"}")).ToArray();
            foreach (HttpResponseMessage response in await Task.WhenAll(calls))
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                response.Dispose();
            }
            Assert.InRange(Emu.Counters.MaxInFlight, 2, 4);
            Assert.Equal(0, Emu.Counters.InFlight);
        }
    }
}
