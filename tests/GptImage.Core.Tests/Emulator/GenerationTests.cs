using GptImage.Tests.Imaging;
using static GptImage.Tests.Emulator.EmulatorHttp;

namespace GptImage.Tests.Emulator
{
    /// <summary>Successful generations: real images of the asked size, the answer's fields, usage and headers.</summary>
    public sealed class GenerationTests(EmulatorFixture emulator) : EmulatorTest(emulator)
    {
        [Theory]
        [InlineData("gpt-image-2", "1024x1024", 1024, 1024)]
        [InlineData("gpt-image-2", "1536x1024", 1536, 1024)]
        [InlineData("gpt-image-2", "1024x1536", 1024, 1536)]
        [InlineData("gpt-image-2", "1536x864", 1536, 864)]
        [InlineData("gpt-image-2", "3840x2160", 3840, 2160)]
        [InlineData("gpt-image-2", "480x1440", 480, 1440)]
        [InlineData("gpt-image-1.5", "auto", 1024, 1024)]
        [InlineData("dall-e-2", "256x256", 256, 256)]
        public async Task Png_answer_has_the_requested_pixel_size(string model, string size, int width, int height)
        {
            using HttpClient http = Emu.CreateHttpClient();
            string extra = model.StartsWith("dall-e", StringComparison.Ordinal) ? ",\"response_format\":\"b64_json\"" : "";
            using HttpResponseMessage response = await GenerateAsync(http, $"{{\"model\":\"{model}\",\"prompt\":\"a lighthouse\",\"size\":\"{size}\"{extra}}}");
            using JsonDocument doc = await ReadJsonAsync(response);

            Assert.Equal((width, height), TestImages.PngSize(Image(doc)));
            if (model.StartsWith("gpt", StringComparison.Ordinal))
            {
                Assert.Equal($"{width}x{height}", doc.RootElement.GetProperty("size").GetString());
                Assert.Equal("png", doc.RootElement.GetProperty("output_format").GetString());
            }
        }

        [Fact]
        public async Task Png_answer_decodes_with_an_independent_decoder()
        {
            using HttpClient http = Emu.CreateHttpClient();
            using HttpResponseMessage response = await GenerateAsync(http, "{\"model\":\"gpt-image-2\",\"prompt\":\"p\",\"size\":\"1536x864\",\"background\":\"transparent\"}");
            using JsonDocument doc = await ReadJsonAsync(response);
            using var files = new TempFolder();
            string file = files.Write("answer.png", Image(doc));
            var decoded = PngjsOracle.Decode(file).Single();
            Assert.Null(decoded.Error);
            Assert.Equal((1536, 864), (decoded.Width, decoded.Height));
            Assert.Equal("transparent", doc.RootElement.GetProperty("background").GetString());
        }

        [Theory]
        [InlineData("jpeg", "1536x864", 1536, 864)]
        [InlineData("jpeg", "1024x1536", 1024, 1536)]
        [InlineData("webp", "2048x1152", 2048, 1152)]
        [InlineData("webp", "1024x1024", 1024, 1024)]
        public async Task Jpeg_and_webp_answers_have_the_requested_size_and_format(string format, string size, int width, int height)
        {
            using HttpClient http = Emu.CreateHttpClient();
            using HttpResponseMessage response = await GenerateAsync(http,
                $"{{\"model\":\"gpt-image-2\",\"prompt\":\"p\",\"size\":\"{size}\",\"output_format\":\"{format}\",\"output_compression\":80}}");
            using JsonDocument doc = await ReadJsonAsync(response);
            byte[] bytes = Image(doc);

            Assert.Equal(format, GptImage.Imaging.ImageFormatDetector.Detect(bytes));
            Assert.Equal((width, height), format == "jpeg" ? TestImages.JpegSize(bytes) : TestImages.WebpLosslessSize(bytes));
            Assert.Equal(format, doc.RootElement.GetProperty("output_format").GetString());
        }

        [Theory]
        [InlineData("low", "1024x1024", 272)]
        [InlineData("low", "1024x1536", 408)]
        [InlineData("medium", "1536x1024", 1568)]
        [InlineData("high", "1024x1024", 4160)]
        [InlineData("auto", "1024x1536", 1584)]
        public async Task Usage_follows_the_published_output_token_table(string quality, string size, int outputTokensPerImage)
        {
            using HttpClient http = Emu.CreateHttpClient();
            string prompt = new string('x', 41);   // 41 characters: 11 text tokens at ~4 characters each
            using HttpResponseMessage response = await GenerateAsync(http,
                $"{{\"model\":\"gpt-image-1\",\"prompt\":\"{prompt}\",\"size\":\"{size}\",\"quality\":\"{quality}\",\"n\":2}}");
            using JsonDocument doc = await ReadJsonAsync(response);
            JsonElement usage = doc.RootElement.GetProperty("usage");

            Assert.Equal(2 * outputTokensPerImage, usage.GetProperty("output_tokens").GetInt64());
            Assert.Equal(11, usage.GetProperty("input_tokens_details").GetProperty("text_tokens").GetInt64());
            Assert.Equal(0, usage.GetProperty("input_tokens_details").GetProperty("image_tokens").GetInt64());
            Assert.Equal(11, usage.GetProperty("input_tokens").GetInt64());
            Assert.Equal(11 + 2 * outputTokensPerImage, usage.GetProperty("total_tokens").GetInt64());
            Assert.Equal(2, doc.RootElement.GetProperty("data").GetArrayLength());
            Assert.Equal(quality == "auto" ? "medium" : quality, doc.RootElement.GetProperty("quality").GetString());
        }

        [Fact]
        public async Task Flexible_size_scales_output_tokens_by_pixel_count()   // gpt-image-2 low: 200 tokens at 1024x1024 in the price list
        {
            using HttpClient http = Emu.CreateHttpClient();
            using HttpResponseMessage response = await GenerateAsync(http, "{\"model\":\"gpt-image-2\",\"prompt\":\"p\",\"size\":\"2048x2048\",\"quality\":\"low\"}");
            using JsonDocument doc = await ReadJsonAsync(response);
            Assert.Equal(4 * 200, doc.RootElement.GetProperty("usage").GetProperty("output_tokens").GetInt64());
        }

        [Fact]
        public async Task Answers_carry_a_request_id_and_rate_limit_headers_that_count_down()
        {
            using HttpClient http = Emu.CreateHttpClient();
            Emu.Options.RequestsPerMinute = 50;
            using HttpResponseMessage first = await GenerateAsync(http, "{\"model\":\"gpt-image-2\",\"prompt\":\"one\",\"size\":\"64x64\"}");
            using HttpResponseMessage second = await GenerateAsync(http, "{\"model\":\"gpt-image-2\",\"prompt\":\"two\",\"size\":\"64x64\",\"n\":3}");

            Assert.Matches("^req_[0-9a-f]{32}$", Header(first, "x-request-id"));
            Assert.NotEqual(Header(first, "x-request-id"), Header(second, "x-request-id"));
            Assert.Equal("50", Header(second, "x-ratelimit-limit-requests"));
            Assert.Equal("49", Header(first, "x-ratelimit-remaining-requests"));
            Assert.Equal("48", Header(second, "x-ratelimit-remaining-requests"));
            Assert.Matches(@"^(\d+m)?\d+(\.\d+)?s$|^\d+ms$", Header(second, "x-ratelimit-reset-requests"));
            int imagesLimit = int.Parse(Header(second, "x-ratelimit-limit-images"));
            Assert.Equal(imagesLimit - 4, int.Parse(Header(second, "x-ratelimit-remaining-images")));
        }

        [Fact]
        public async Task Dall_e_3_answers_carry_a_revised_prompt_and_no_usage()
        {
            using HttpClient http = Emu.CreateHttpClient();
            using HttpResponseMessage response = await GenerateAsync(http, "{\"model\":\"dall-e-3\",\"prompt\":\"a barn\",\"size\":\"1792x1024\",\"response_format\":\"b64_json\"}");
            using JsonDocument doc = await ReadJsonAsync(response);
            Assert.Contains("a barn", doc.RootElement.GetProperty("data")[0].GetProperty("revised_prompt").GetString());
            Assert.False(doc.RootElement.TryGetProperty("usage", out _));
            Assert.Equal((1792, 1024), TestImages.PngSize(Image(doc)));
        }

        [Fact]
        public async Task Gpt_image_answers_have_no_revised_prompt_unless_asked()
        {
            using HttpClient http = Emu.CreateHttpClient();
            using (HttpResponseMessage plain = await GenerateAsync(http, "{\"model\":\"gpt-image-2\",\"prompt\":\"a barn\",\"size\":\"64x64\"}"))
            using (JsonDocument doc = await ReadJsonAsync(plain))
                Assert.False(doc.RootElement.GetProperty("data")[0].TryGetProperty("revised_prompt", out _));
            Emu.Options.IncludeRevisedPrompt = true;
            using (HttpResponseMessage revised = await GenerateAsync(http, "{\"model\":\"gpt-image-2\",\"prompt\":\"a barn\",\"size\":\"64x64\"}"))
            using (JsonDocument doc = await ReadJsonAsync(revised))
                Assert.Contains("a barn", doc.RootElement.GetProperty("data")[0].GetProperty("revised_prompt").GetString());
        }

        [Fact]
        public async Task Dall_e_2_url_answer_points_at_a_served_png()
        {
            using HttpClient http = Emu.CreateHttpClient();
            using HttpResponseMessage response = await GenerateAsync(http, "{\"model\":\"dall-e-2\",\"prompt\":\"a barn\",\"size\":\"512x512\"}");
            using JsonDocument doc = await ReadJsonAsync(response);
            string url = doc.RootElement.GetProperty("data")[0].GetProperty("url").GetString()!;
            Assert.StartsWith(Emu.Server.Root.ToString(), url);
            byte[] png = await http.GetByteArrayAsync(url);
            Assert.Equal((512, 512), TestImages.PngSize(png));
        }

        [Fact]
        public async Task Unknown_model_names_pass_with_generic_checks_only()
        {
            using HttpClient http = Emu.CreateHttpClient();
            using HttpResponseMessage response = await GenerateAsync(http, "{\"model\":\"my-gateway-image-model\",\"prompt\":\"p\",\"size\":\"1000x600\",\"some_new_option\":true}");
            using JsonDocument doc = await ReadJsonAsync(response);
            Assert.Equal((1000, 600), TestImages.PngSize(Image(doc)));
            Assert.Equal("my-gateway-image-model", Emu.Counters.Requests.Single().Model);
        }

        [Fact]
        public async Task Models_list_holds_the_catalog_with_shutdown_dates()
        {
            using HttpClient http = Emu.CreateHttpClient();
            using HttpResponseMessage response = await http.GetAsync("models");
            using JsonDocument doc = await ReadJsonAsync(response);
            Assert.Equal("list", doc.RootElement.GetProperty("object").GetString());
            var models = doc.RootElement.GetProperty("data").EnumerateArray().ToDictionary(m => m.GetProperty("id").GetString()!, m => m);

            Assert.Equal(ModelCatalog.All.Select(m => m.Name).OrderBy(n => n), models.Keys.OrderBy(n => n));
            Assert.Equal(JsonValueKind.Null, models["gpt-image-2"].GetProperty("shutdown_date").ValueKind);
            Assert.Equal("2026-10-23", models["gpt-image-1"].GetProperty("shutdown_date").GetString());
            Assert.Equal("2026-12-01", models["gpt-image-1.5"].GetProperty("shutdown_date").GetString());
            Assert.All(models.Values, m => Assert.Equal("model", m.GetProperty("object").GetString()));
            Assert.Equal(1, Emu.Counters.Models);
        }

        [Fact]
        public async Task Single_model_lookup_and_unknown_model_404()
        {
            using HttpClient http = Emu.CreateHttpClient();
            using (HttpResponseMessage one = await http.GetAsync("models/dall-e-3"))
            using (JsonDocument doc = await ReadJsonAsync(one))
                Assert.Equal("2026-05-12", doc.RootElement.GetProperty("shutdown_date").GetString());
            using HttpResponseMessage missing = await http.GetAsync("models/no-such-model");
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            var error = await ReadErrorAsync(missing);
            Assert.Equal("model_not_found", error.Code);
            Assert.Contains("no-such-model", error.Message);
        }

        [Fact]
        public async Task Unknown_paths_get_OpenAIs_invalid_url_404()
        {
            using HttpClient http = Emu.CreateHttpClient();
            using HttpResponseMessage response = await http.PostAsync("images/variations", new StringContent("{}"));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var error = await ReadErrorAsync(response);
            Assert.Equal("Invalid URL (POST /v1/images/variations)", error.Message);
            Assert.Equal(1, Emu.Counters.CountByStatus(404));
        }
    }
}
