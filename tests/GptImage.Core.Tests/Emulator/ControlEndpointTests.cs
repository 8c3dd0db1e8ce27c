using static GptImage.Tests.Emulator.EmulatorHttp;

namespace GptImage.Tests.Emulator
{
    /// <summary>/_emulator/options, /faults, /reset and /counters: knobs and counters for tests in another process.</summary>
    public sealed class ControlEndpointTests(EmulatorFixture emulator) : EmulatorTest(emulator)
    {
        private const string Body = "{\"model\":\"gpt-image-2\",\"prompt\":\"a kite\",\"size\":\"64x64\"}";

        private Task<HttpResponseMessage> PostControlAsync(HttpClient http, string path, string json) =>
            http.PostAsync(new Uri(Emu.Server.Root, "_emulator/" + path), new StringContent(json, Encoding.UTF8, "application/json"));

        [Fact]
        public async Task Posting_options_turns_knobs_live_and_reports_them()
        {
            using HttpClient http = Emu.CreateHttpClient();
            using HttpResponseMessage set = await PostControlAsync(http, "options", "{\"insufficientQuota\":true,\"requestsPerMinute\":30,\"requiredApiKey\":\"sk-secret-control\"}");
            string reported = await set.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
            using (JsonDocument doc = JsonDocument.Parse(reported))
            {
                Assert.True(doc.RootElement.GetProperty("insufficientQuota").GetBoolean());
                Assert.Equal(30, doc.RootElement.GetProperty("requestsPerMinute").GetInt32());
                Assert.True(doc.RootElement.GetProperty("requiredApiKeySet").GetBoolean());
            }
            Assert.DoesNotContain("sk-secret-control", reported);
            Assert.True(Emu.Options.InsufficientQuota);

            using HttpClient keyed = Emu.CreateHttpClient("sk-secret-control");
            using HttpResponseMessage call = await GenerateAsync(keyed, Body);
            Assert.Equal("insufficient_quota", (await ReadErrorAsync(call)).Code);
        }

        [Theory]
        [InlineData("{\"noSuchKnob\":1}", "noSuchKnob")]
        [InlineData("{\"serverErrorRate\":2}", "ServerErrorRate")]
        [InlineData("{\"insufficientQuota\":\"yes\"}", "insufficientQuota")]
        [InlineData("[1,2]", "JSON object")]
        public async Task Bad_option_updates_are_refused_and_change_nothing(string json, string messagePart)
        {
            using HttpClient http = Emu.CreateHttpClient();
            using HttpResponseMessage response = await PostControlAsync(http, "options", json);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(messagePart, (await ReadErrorAsync(response)).Message);
            Assert.Equal(0, Emu.Options.ServerErrorRate);
            Assert.False(Emu.Options.InsufficientQuota);
        }

        [Fact]
        public async Task Faults_can_be_scripted_over_http()
        {
            using HttpClient http = Emu.CreateHttpClient();
            using (HttpResponseMessage queued = await PostControlAsync(http, "faults", "[\"Overloaded\", {\"kind\":\"RateLimited\",\"retryAfterMs\":3000}, \"Succeed\"]"))
                Assert.Equal(HttpStatusCode.OK, queued.StatusCode);
            var statuses = new int[3];
            for (int i = 0; i < 3; i++)
            {
                using HttpResponseMessage response = await GenerateAsync(http, Body);
                statuses[i] = (int)response.StatusCode;
                if (i == 1) Assert.Equal("3", Header(response, "retry-after"));
            }
            Assert.Equal(new[] { 503, 429, 200 }, statuses);

            using HttpResponseMessage bad = await PostControlAsync(http, "faults", "[\"Meteor\"]");
            Assert.Contains("Meteor", (await ReadErrorAsync(bad)).Message);
        }

        [Fact]
        public async Task Reset_returns_to_the_start_options_and_empties_the_counters()
        {
            using HttpClient http = Emu.CreateHttpClient();
            (await GenerateAsync(http, Body)).Dispose();
            Emu.Options.ServerErrorRate = 1;
            using (HttpResponseMessage reset = await PostControlAsync(http, "reset", ""))
                Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
            Assert.Equal(0, Emu.Options.ServerErrorRate);
            Assert.Equal(0, Emu.Counters.Total);
        }

        [Fact]
        public async Task Counters_list_the_requests_without_keys()
        {
            using HttpClient http = Emu.CreateHttpClient();
            (await GenerateAsync(http, Body)).Dispose();
            string text = await http.GetStringAsync(new Uri(Emu.Server.Root, "_emulator/counters"));
            using JsonDocument doc = JsonDocument.Parse(text);
            JsonElement request = doc.RootElement.GetProperty("requests").EnumerateArray().Single();
            Assert.Equal(("a kite", "gpt-image-2", 200, "Bearer"),
                (request.GetProperty("prompt").GetString(), request.GetProperty("model").GetString(), request.GetProperty("status").GetInt32(), request.GetProperty("auth").GetString()));
            Assert.DoesNotContain(EmulatorFixture.ApiKey, text);
        }

        [Fact]
        public async Task Counters_report_each_image_call_and_reset_empties_them()
        {
            using HttpClient http = Emu.CreateHttpClient();
            var counters = new Uri(Emu.Server.Root, "_emulator/counters");

            using (JsonDocument before = JsonDocument.Parse(await http.GetStringAsync(counters)))
                Assert.Equal(0, before.RootElement.GetProperty("total").GetInt32());

            using (HttpResponseMessage answer = await GenerateAsync(http, Body))
                Assert.Equal(HttpStatusCode.OK, answer.StatusCode);

            using (JsonDocument after = JsonDocument.Parse(await http.GetStringAsync(counters)))
            {
                Assert.Equal(1, after.RootElement.GetProperty("total").GetInt32());
                Assert.Equal(1, after.RootElement.GetProperty("generations").GetInt32());
                Assert.Equal(1, after.RootElement.GetProperty("byStatus").GetProperty("200").GetInt32());
            }
            Assert.Equal(1, Emu.Counters.Total); // reading the counters is not itself counted

            using (HttpResponseMessage reset = await http.PostAsync(new Uri(counters + "/reset"), null))
                Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
            using (JsonDocument cleared = JsonDocument.Parse(await http.GetStringAsync(counters)))
                Assert.Equal(0, cleared.RootElement.GetProperty("total").GetInt32());
        }
    }
}