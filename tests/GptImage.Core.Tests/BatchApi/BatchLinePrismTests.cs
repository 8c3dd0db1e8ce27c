using System;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using GptImage.BatchApi;
using GptImage.Tests.Client;
using Xunit;

namespace GptImage.Tests.BatchApi
{
    /// <summary>
    /// The body of each Batch API input line, sent to prism serving OpenAI's openapi.yaml (tools/prism-check.sh) at the
    /// line's own url: CreateImageRequest for generations, EditImageBodyJsonParam (the JSON edit form) for edits.
    /// Prism answers 422 listing the violations for a body that breaks the schema; each endpoint is also shown a
    /// broken body, so a prism that checks nothing cannot make these pass.
    /// </summary>
    [Trait("Category", "Prism")]
    public sealed class BatchLinePrismTests
    {
        [PrismFact]
        public async Task A_generation_line_body_with_every_option_matches_CreateImageRequest()
        {
            var request = new ImageGenerationRequest
            {
                Prompt = "a red fox in snow", Size = "1536x864", Quality = "high", OutputFormat = "jpeg", Compression = 70,
                Background = "opaque", Moderation = "low", Count = 2, User = "user-1234", PartialImages = 2,
            };
            Assert.Equal(200, await SendLineBodyAsync(BatchInputLine.Build("row-000001", request, null, null)));
        }

        [PrismFact]
        public async Task An_edit_line_body_with_file_ids_matches_EditImageBodyJsonParam()
        {
            var request = new ImageEditRequest
            {
                Prompt = "put the lotion on the table", Model = "gpt-image-1.5", InputFidelity = "high", Size = "1024x1024",
                Quality = "medium", OutputFormat = "webp", Compression = 80, Background = "auto", Moderation = "low", Count = 2, User = "user-1234",
                MaskPath = "mask.png",
            };
            request.Images.Add("table.png");
            request.Images.Add("lotion.png");
            Assert.Equal(200, await SendLineBodyAsync(BatchInputLine.Build("row-000002", request, new[] { "file-table", "file-lotion" }, "file-mask")));
        }

        [PrismFact]
        public async Task Prism_rejects_line_bodies_that_break_the_schema()
        {
            // images given as bare strings instead of ImageRefParam objects; n as text.
            Assert.Equal(422, await PostAsync("images/edits", "{\"model\":\"gpt-image-2\",\"prompt\":\"x\",\"images\":[\"file-a\"]}"));
            Assert.Equal(422, await PostAsync("images/generations", "{\"model\":\"gpt-image-2\",\"prompt\":\"x\",\"n\":\"two\"}"));
        }

        /// <summary>Posts the line's body to the line's url (less its /v1 prefix, which is prism's base) and returns the status.</summary>
        private static async Task<int> SendLineBodyAsync(byte[] line)
        {
            using JsonDocument doc = JsonDocument.Parse(line);
            string url = doc.RootElement.GetProperty("url").GetString()!;
            Assert.StartsWith("/v1/", url);
            return await PostAsync(url.Substring("/v1/".Length), doc.RootElement.GetProperty("body").GetRawText());
        }

        private static async Task<int> PostAsync(string path, string json)
        {
            string baseUrl = PrismFactAttribute.PrismUrl
                ?? throw new InvalidOperationException(PrismFactAttribute.UrlVariable + " is not set, and this run requires the spec check (CI). Run the tests through tools/prism-check.sh.");
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(baseUrl.TrimEnd('/') + "/"), path))
            {
                Content = new StringContent(json, Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "sk-prism-check");
            using HttpResponseMessage response = await http.SendAsync(request);
            string body = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode is 200 or 422, $"prism answered {(int)response.StatusCode}: {body}");
            return (int)response.StatusCode;
        }
    }
}
