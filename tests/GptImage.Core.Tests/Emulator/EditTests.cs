using static GptImage.Tests.Emulator.EmulatorHttp;

namespace GptImage.Tests.Emulator
{
    /// <summary>Multipart edits: part types, real formats, the mask rules, image tokens, and the JSON edit form.</summary>
    public sealed class EditTests(EmulatorFixture emulator) : EmulatorTest(emulator)
    {
        private static readonly byte[] Png1024 = TestImages.RgbaPng(1024, 1024);

        private static Part Png(byte[] bytes, string name = "image[]") => new Part(name, bytes, "image/png");

        [Fact]
        public async Task Edit_with_two_images_and_a_mask_succeeds_and_records_every_part()
        {
            using HttpClient http = Emu.CreateHttpClient();
            using HttpResponseMessage response = await EditAsync(http,
                new[] { Png(Png1024), new Part("image[]", TestImages.Jpeg(640, 480), "image/jpeg", "b.jpg"), Png(TestImages.RgbaPng(1024, 1024), "mask") },
                Fields("add a hat", "gpt-image-2", ("size", "1024x1536"), ("quality", "low")));
            using JsonDocument doc = await ReadJsonAsync(response);

            Assert.Equal((1024, 1536), TestImages.PngSize(Image(doc)));
            RecordedRequest record = Emu.Counters.Requests.Single();
            Assert.Equal("edits", record.Endpoint);
            Assert.Equal("add a hat", record.Prompt);
            Assert.StartsWith("multipart/form-data", record.ContentType);
            Assert.Equal(new[] { ("image[0]", "image/png"), ("image[1]", "image/jpeg"), ("mask", "image/png") },
                record.Files.Select(f => (f.Name, f.ContentType!)));
            Assert.Equal("b.jpg", record.Files[1].FileName);
            Assert.Equal(1, Emu.Counters.Edits);
        }

        [Fact]
        public async Task Input_images_are_billed_as_image_tokens()
        {
            using HttpClient http = Emu.CreateHttpClient();
            long one = await ImageTokensAsync(http, Png(Png1024));
            long two = await ImageTokensAsync(http, Png(Png1024), Png(Png1024));
            Assert.True(one > 0, $"one input image gave {one} image tokens");
            Assert.Equal(2 * one, two);
        }

        [Fact]
        public async Task High_input_fidelity_costs_more_image_tokens_on_models_that_take_it()
        {
            using HttpClient http = Emu.CreateHttpClient();
            long low = await ImageTokensAsync(http, "gpt-image-1.5", "low", Png(Png1024));
            long high = await ImageTokensAsync(http, "gpt-image-1.5", "high", Png(Png1024));
            Assert.True(high > low, $"high {high} <= low {low}");
        }

        private Task<long> ImageTokensAsync(HttpClient http, params Part[] parts) => ImageTokensAsync(http, "gpt-image-2", null, parts);

        private static async Task<long> ImageTokensAsync(HttpClient http, string model, string? fidelity, params Part[] parts)
        {
            var fields = Fields("edit", model, ("size", "1024x1024"));
            if (fidelity != null) fields["input_fidelity"] = fidelity;
            using HttpResponseMessage response = await EditAsync(http, parts, fields);
            using JsonDocument doc = await ReadJsonAsync(response);
            return doc.RootElement.GetProperty("usage").GetProperty("input_tokens_details").GetProperty("image_tokens").GetInt64();
        }

        public static IEnumerable<object[]> BadUploads()
        {
            byte[] png = TestImages.RgbaPng(64, 64);
            yield return new object[] { new[] { new Part("image[]", png, "application/octet-stream") }, "image[0]", "unsupported_file_mimetype", "application/octet-stream" };
            yield return new object[] { new[] { new Part("image[]", png, "image/png"), new Part("image[]", png, "text/plain") }, "image[1]", "unsupported_file_mimetype", "text/plain" };
            yield return new object[] { new[] { new Part("image[]", TestImages.Gif(), "image/png") }, "image[0]", "invalid_image_file", "image[0]" };
            yield return new object[] { new[] { new Part("image[]", TestImages.Bmp(), "image/png") }, "image[0]", "invalid_image_file", "image[0]" };
            yield return new object[] { new[] { new Part("image[]", Encoding.ASCII.GetBytes("not an image at all"), "image/png") }, "image[0]", "invalid_image_file", "image[0]" };
            yield return new object[] { new[] { new Part("image[]", TestImages.Jpeg(64, 64), "image/png") }, "image[0]", "invalid_image_file", "JPEG" };
            yield return new object[] { new[] { new Part("image[]", png, "image/png"), new Part("mask", png, "application/octet-stream") }, "mask", "unsupported_file_mimetype", "application/octet-stream" };
            yield return new object[] { new[] { new Part("image[]", png, "image/png"), new Part("mask", TestImages.Jpeg(64, 64), "image/jpeg") }, "mask", "invalid_mask_image", "PNG" };
            yield return new object[] { new[] { new Part("image[]", png, "image/png"), new Part("mask", TestImages.RgbPng(64, 64), "image/png") }, "mask", "invalid_mask_image", "alpha" };
            yield return new object[] { new[] { new Part("image[]", png, "image/png"), new Part("mask", TestImages.RgbaPng(32, 64), "image/png") }, "mask", "invalid_mask_image", "32x64" };
            byte[] hugeMask = new byte[4 * 1024 * 1024 + 1];
            Array.Copy(png, hugeMask, png.Length);
            yield return new object[] { new[] { new Part("image[]", png, "image/png"), new Part("mask", hugeMask, "image/png") }, "mask", "file_too_large", "4194304" };
            yield return new object[] { Enumerable.Repeat(new Part("image[]", png, "image/png"), 17).ToArray(), "image", "array_above_max_length", "got an array with length 17" };
            yield return new object[] { new Part[0], "image", "missing_required_parameter", "'image'" };
        }

        [Theory]
        [MemberData(nameof(BadUploads))]
        public async Task Bad_uploads_get_400_with_the_parts_param(Part[] parts, string param, string code, string messagePart)
        {
            using HttpClient http = Emu.CreateHttpClient();
            using HttpResponseMessage response = await EditAsync(http, parts, Fields());
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var error = await ReadErrorAsync(response);
            Assert.Equal((param, code), (error.Param, error.Code));
            Assert.Contains(messagePart, error.Message);
        }

        [Fact]
        public async Task Mask_of_another_size_names_both_sizes()
        {
            using HttpClient http = Emu.CreateHttpClient();
            using HttpResponseMessage response = await EditAsync(http, new[] { Png(Png1024), Png(TestImages.RgbaPng(512, 512), "mask") }, Fields());
            var error = await ReadErrorAsync(response);
            Assert.Contains("512x512", error.Message);
            Assert.Contains("1024x1024", error.Message);
        }

        [Fact]
        public async Task Image_sent_as_a_text_field_is_refused_as_invalid_type()
        {
            using HttpClient http = Emu.CreateHttpClient();
            var fields = Fields();
            fields["image[]"] = "a.png";
            using HttpResponseMessage response = await EditAsync(http, new Part[0], fields);
            var error = await ReadErrorAsync(response);
            Assert.Equal(("image[0]", "invalid_type"), (error.Param, error.Code));
        }

        [Theory]
        [InlineData("gpt-image-2", "moderation", "low", "moderation", "unknown_parameter")]
        [InlineData("gpt-image-2", "input_fidelity", "high", "input_fidelity", "invalid_value")]
        [InlineData("gpt-image-1-mini", "input_fidelity", "high", "input_fidelity", "invalid_value")]
        [InlineData("gpt-image-1.5", "input_fidelity", "max", "input_fidelity", "invalid_value")]
        [InlineData("gpt-image-2", "n", "eleven", "n", "invalid_type")]
        [InlineData("gpt-image-2", "response_format", "b64_json", "response_format", "unknown_parameter")]
        [InlineData("dall-e-3", "size", "1024x1024", "model", "invalid_value")]
        public async Task Invalid_edit_fields_get_400(string model, string field, string value, string param, string code)
        {
            using HttpClient http = Emu.CreateHttpClient();
            using HttpResponseMessage response = await EditAsync(http, new[] { Png(TestImages.RgbaPng(64, 64)) }, Fields("p", model, (field, value)));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var error = await ReadErrorAsync(response);
            Assert.Equal((param, code), (error.Param, error.Code));
        }

        [Theory]
        [InlineData(1600, 900, 1536, 1024)]
        [InlineData(900, 1600, 1024, 1536)]
        [InlineData(800, 800, 1024, 1024)]
        public async Task Auto_size_follows_the_first_images_orientation(int inWidth, int inHeight, int outWidth, int outHeight)
        {
            using HttpClient http = Emu.CreateHttpClient();
            using HttpResponseMessage response = await EditAsync(http, new[] { new Part("image[]", TestImages.Webp(inWidth, inHeight), "image/webp", "in.webp") },
                Fields("p", "gpt-image-1.5", ("size", "auto")));
            using JsonDocument doc = await ReadJsonAsync(response);
            Assert.Equal((outWidth, outHeight), TestImages.PngSize(Image(doc)));
        }

        [Fact]
        public async Task Dall_e_2_edits_take_one_square_png()
        {
            using HttpClient http = Emu.CreateHttpClient();
            using (HttpResponseMessage square = await EditAsync(http, new[] { new Part("image", TestImages.RgbaPng(256, 256), "image/png") },
                       Fields("p", "dall-e-2", ("size", "256x256"), ("response_format", "b64_json"))))
                Assert.Equal(HttpStatusCode.OK, square.StatusCode);
            using HttpResponseMessage wide = await EditAsync(http, new[] { new Part("image", TestImages.RgbaPng(256, 128), "image/png") },
                Fields("p", "dall-e-2", ("response_format", "b64_json")));
            Assert.Equal("image", (await ReadErrorAsync(wide)).Param);
        }

        [Fact]
        public async Task Json_edit_form_accepts_data_urls()
        {
            using HttpClient http = Emu.CreateHttpClient();
            string image = "data:image/png;base64," + Convert.ToBase64String(TestImages.RgbaPng(256, 256));
            string body = $"{{\"model\":\"gpt-image-2\",\"prompt\":\"p\",\"size\":\"512x512\",\"images\":[{{\"image_url\":\"{image}\"}}],\"mask\":{{\"image_url\":\"{image}\"}}}}";
            using HttpResponseMessage response = await http.PostAsync("images/edits", new StringContent(body, Encoding.UTF8, "application/json"));
            using JsonDocument doc = await ReadJsonAsync(response);
            Assert.Equal((512, 512), TestImages.PngSize(Image(doc)));
            Assert.True(doc.RootElement.GetProperty("usage").GetProperty("input_tokens_details").GetProperty("image_tokens").GetInt64() > 0);
            Assert.Equal(new[] { "images", "mask", "model", "prompt", "size" }, Emu.Counters.Requests.Single().Fields.OrderBy(f => f, StringComparer.Ordinal));
        }

        [Fact]
        public async Task Json_edit_form_with_file_ids_is_refused_until_the_files_api_exists()
        {
            using HttpClient http = Emu.CreateHttpClient();
            const string body = "{\"model\":\"gpt-image-2\",\"prompt\":\"p\",\"images\":[{\"file_id\":\"file-abc\"}]}";
            using HttpResponseMessage response = await http.PostAsync("images/edits", new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("images[0]", (await ReadErrorAsync(response)).Param);
        }
    }
}
