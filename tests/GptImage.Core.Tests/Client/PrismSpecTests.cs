using System.Collections.Concurrent;

namespace GptImage.Tests.Client
{
    /// <summary>
    /// Runs only against a prism mock server (GPTIMAGE_PRISM_URL, started by tools/prism-check.sh). Without
    /// the variable the tests are skipped on a developer machine, but fail under CI (CI=true or
    /// GPTIMAGE_REQUIRE_PRISM=1), so that a broken spec check can never pass silently.
    /// </summary>
    public sealed class PrismFactAttribute : FactAttribute
    {
        public const string UrlVariable = "GPTIMAGE_PRISM_URL";

        public PrismFactAttribute()
        {
            if (PrismUrl is null && !IsRequired)
                Skip = UrlVariable + " is not set: run tools/prism-check.sh to check the wire format against OpenAI's spec.";
        }

        public static string? PrismUrl => NonEmpty(Environment.GetEnvironmentVariable(UrlVariable));

        public static bool IsRequired =>
            IsTrue(Environment.GetEnvironmentVariable("CI")) || IsTrue(Environment.GetEnvironmentVariable("GPTIMAGE_REQUIRE_PRISM"));

        private static bool IsTrue(string? value) => value != null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");

        private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
    }

    /// <summary>
    /// The emulator must not be the only judge of the wire format: these tests send the client's real
    /// generation JSON and edit multipart bodies to prism serving OpenAI's openapi.yaml, which answers 422
    /// with the violations for a body that breaks the schema. Each test also checks that prism does reject
    /// a broken body, so a prism that validates nothing cannot make them pass.
    /// </summary>
    [Trait("Category", "Prism")]
    public sealed class PrismSpecTests : IDisposable
    {
        private readonly TempFolder _files = new TempFolder();

        public void Dispose() => _files.Dispose();

        private static Uri PrismBase()
        {
            string url = PrismFactAttribute.PrismUrl
                ?? throw new InvalidOperationException(PrismFactAttribute.UrlVariable + " is not set, and this run requires the spec check (CI). Run the tests through tools/prism-check.sh.");
            return new Uri(url.EndsWith("/", StringComparison.Ordinal) ? url : url + "/");
        }

        private static async Task<PrismVerdict> SendThroughClient(Func<GptImageClient, Task> call)
        {
            var recorder = new PrismRecorder();
            var options = new GptImageClientOptions { Endpoint = PrismBase(), ApiKey = "sk-prism-check", MaxRetries = 0, HttpHandler = recorder, Timeout = TimeSpan.FromSeconds(60) };
            using var client = new GptImageClient(options);
            try
            {
                await call(client);
            }
            catch (GptImageApiException)
            {
                // Prism's own answer (a 422 with the violations) is in the verdict and reported below.
            }
            return Assert.Single(recorder.Verdicts);
        }

        private static void AssertAccepted(PrismVerdict verdict) =>
            Assert.True(verdict.Status == 200, $"prism answered {verdict.Status} to {verdict.Path}: {verdict.Body}");

        [PrismFact]
        public async Task Prism_rejects_a_generation_body_that_breaks_the_schema()
        {
            using var http = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(PrismBase(), "images/generations"))
            {
                Content = new StringContent("{\"model\":\"gpt-image-2\",\"prompt\":\"x\",\"n\":\"two\"}", Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "sk-prism-check");
            using var response = await http.SendAsync(request);
            Assert.Equal(422, (int)response.StatusCode);
        }

        [PrismFact]
        public async Task A_minimal_generation_matches_the_spec() =>
            AssertAccepted(await SendThroughClient(c => c.GenerateAsync(new ImageGenerationRequest { Prompt = "a red fox" })));

        [PrismFact]
        public async Task A_generation_with_every_option_matches_the_spec() =>
            AssertAccepted(await SendThroughClient(c => c.GenerateAsync(new ImageGenerationRequest
            {
                Prompt = "a red fox in snow", Model = "gpt-image-2", Size = "1536x864", Quality = "high", OutputFormat = "jpeg",
                Compression = 70, Background = "opaque", Moderation = "low", Count = 2, User = "user-1234",
            })));

        [PrismFact]
        public async Task A_transparent_webp_generation_matches_the_spec() =>
            AssertAccepted(await SendThroughClient(c => c.GenerateAsync(new ImageGenerationRequest
            {
                Prompt = "a logo", Size = "auto", Quality = "auto", OutputFormat = "webp", Background = "transparent", Compression = 0,
            })));

        [PrismFact]
        public async Task A_dall_e_generation_with_response_format_matches_the_spec() =>
            AssertAccepted(await SendThroughClient(c => c.GenerateAsync(new ImageGenerationRequest { Prompt = "a fox", Model = "dall-e-3", Size = "1792x1024", Quality = "hd" })));

        [PrismFact]
        public async Task A_multi_image_edit_with_a_mask_matches_the_spec()
        {
            var request = new ImageEditRequest
            {
                Prompt = "put the lotion on the table", Model = "gpt-image-1.5", InputFidelity = "high", Size = "1024x1024",
                Quality = "medium", OutputFormat = "png", Background = "auto", Count = 2, User = "user-1234",
                MaskPath = _files.Png("mask.png", 64, 64, transparent: true),
            };
            request.Images.Add(_files.Png("table.png"));
            request.Images.Add(_files.Write("lotion.jpg", TestImages.Jpeg(8, 8)));
            request.Images.Add(_files.Write("soap.webp", TestImages.Webp(8, 8)));
            AssertAccepted(await SendThroughClient(c => c.EditAsync(request)));
        }

        [PrismFact]
        public async Task A_single_image_edit_matches_the_spec()
        {
            var request = new ImageEditRequest { Prompt = "add a hat" };
            request.Images.Add(_files.Png("one.png"));
            AssertAccepted(await SendThroughClient(c => c.EditAsync(request)));
        }

        [PrismFact]
        public async Task Prism_rejects_an_edit_form_that_breaks_the_schema()
        {
            using var http = new HttpClient();
            using var form = new MultipartFormDataContent();
            form.Add(new StringContent("gpt-image-2"), "\"model\"");
            form.Add(new StringContent("x"), "\"prompt\"");   // no image part: `image` is required
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(PrismBase(), "images/edits")) { Content = form };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "sk-prism-check");
            using var response = await http.SendAsync(request);
            Assert.Equal(422, (int)response.StatusCode);
        }

        [PrismFact]
        public async Task A_first_conversation_turn_with_an_image_a_mask_and_every_tool_option_matches_the_spec()
        {
            var turn = new ConversationTurnRequest
            {
                Prompt = "make the background navy", Model = "gpt-image-1.5", Size = "1024x1536", Quality = "high", OutputFormat = "webp",
                Compression = 80, Background = "opaque", Moderation = "low", InputFidelity = "high", PartialImages = 2,
                MaskPath = _files.Png("mask.png", 64, 64, transparent: true),
            };
            turn.Images.Add(_files.Png("photo.png"));
            turn.Images.Add(_files.Write("logo.jpg", TestImages.Jpeg(8, 8)));
            AssertAccepted(await SendThroughClient(c => c.RespondAsync(turn)));
        }

        [PrismFact]
        public async Task A_later_conversation_turn_matches_the_spec() =>
            AssertAccepted(await SendThroughClient(c => c.RespondAsync(new ConversationTurnRequest
            {
                Prompt = "now add our logo top left", PreviousResponseId = "resp_abc123", ResponsesModel = "gpt-5.4-mini", Quality = "low",
            })));

        [PrismFact]
        public async Task Prism_rejects_a_responses_body_that_breaks_the_schema()
        {
            using var http = new HttpClient();
            // An input_image part without its required detail, and a quality the tool does not have.
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(PrismBase(), "responses"))
            {
                Content = new StringContent("{\"model\":\"gpt-5.4\",\"input\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_image\",\"image_url\":\"data:image/png;base64,iVBORw0KGgo=\"}]}],"
                    + "\"tools\":[{\"type\":\"image_generation\",\"quality\":\"ultra\"}]}", Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "sk-prism-check");
            using var response = await http.SendAsync(request);
            Assert.Equal(422, (int)response.StatusCode);
        }

        private sealed class PrismVerdict
        {
            public int Status { get; init; }
            public string Path { get; init; } = "";
            public string Body { get; init; } = "";
        }

        /// <summary>
        /// Sends the client's real request to prism and records prism's verdict; a 2xx is then replaced by a
        /// decodable images response, because prism's generated example ("b64_json": "string") is not base64.
        /// </summary>
        private sealed class PrismRecorder : DelegatingHandler
        {
            public PrismRecorder() : base(new HttpClientHandler()) { }

            public ConcurrentQueue<PrismVerdict> Verdicts { get; } = new ConcurrentQueue<PrismVerdict>();

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                // Prism judges the body; its mock cannot render an event-stream example (500 NO_COMPLEX_OBJECT_TEXT), so a
                // streamed request (stream=true) is asked for its JSON answer instead. The body sent is the client's own.
                request.Headers.Accept.Clear();
                request.Headers.Accept.Add(new System.Net.Http.Headers.MediaTypeWithQualityHeaderValue("application/json"));
                using HttpResponseMessage prism = await base.SendAsync(request, cancellationToken);
                string body = await prism.Content.ReadAsStringAsync(cancellationToken);
                Verdicts.Enqueue(new PrismVerdict { Status = (int)prism.StatusCode, Path = request.RequestUri!.AbsolutePath, Body = body });
                if (!prism.IsSuccessStatusCode)
                    return new HttpResponseMessage(prism.StatusCode) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(ScriptedHandler.OkJson(), Encoding.UTF8, "application/json") };
            }
        }
    }
}
