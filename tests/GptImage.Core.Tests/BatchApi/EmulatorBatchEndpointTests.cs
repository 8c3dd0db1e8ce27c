using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using GptImage.BatchApi;
using Xunit;

namespace GptImage.Tests.BatchApi
{
    /// <summary>The emulator's files and batches endpoints on their own: objects in the spec's shape, a malformed input failing the batch.</summary>
    public sealed class EmulatorBatchEndpointTests
    {
        [Fact]
        public async Task Files_and_batches_are_retrievable_and_listed_in_the_spec_shape()
        {
            await using BatchHarness h = await BatchHarness.StartAsync();
            string input = WriteJsonl(h, "{\"custom_id\":\"a\",\"method\":\"POST\",\"url\":\"/v1/images/generations\",\"body\":{\"model\":\"gpt-image-2\",\"prompt\":\"x\",\"size\":\"1024x1024\",\"quality\":\"low\"}}");
            ApiFile file = await h.Api.UploadFileAsync(input, "batch", "application/jsonl");
            Assert.StartsWith("file-", file.Id);
            Assert.Equal(("batch", "input.jsonl"), (file.Purpose, file.FileName));
            Assert.Equal(new FileInfo(input).Length, file.Bytes);
            BatchInfo created = await h.Api.CreateBatchAsync(file.Id, BatchEndpoints.Generations, null);

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", BatchHarness.Key);
            using (JsonDocument fileObject = JsonDocument.Parse(await http.GetStringAsync(new Uri(h.Server.BaseUrl, "files/" + file.Id))))
            {
                JsonElement f = fileObject.RootElement;
                // OpenAIFile's required properties.
                foreach (string name in new[] { "id", "object", "bytes", "created_at", "filename", "purpose", "status" }) Assert.True(f.TryGetProperty(name, out _), name);
                Assert.Equal("file", f.GetProperty("object").GetString());
            }
            using (JsonDocument list = JsonDocument.Parse(await http.GetStringAsync(new Uri(h.Server.BaseUrl, "batches"))))
            {
                JsonElement batch = Assert.Single(list.RootElement.GetProperty("data").EnumerateArray());
                // Batch's required properties.
                foreach (string name in new[] { "id", "object", "endpoint", "input_file_id", "completion_window", "status", "created_at" }) Assert.True(batch.TryGetProperty(name, out _), name);
                Assert.Equal(created.Id, batch.GetProperty("id").GetString());
                Assert.Equal("batch", batch.GetProperty("object").GetString());
            }
            BatchInfo done = await h.WaitAsync(created.Id);
            Assert.Equal(("completed", 1, 1, 0), (done.Status, done.Total, done.Completed, done.Failed));
            Assert.Null(done.ErrorFileId);
        }

        [Fact]
        public async Task A_malformed_input_file_fails_the_batch_with_the_line_number()
        {
            await using BatchHarness h = await BatchHarness.StartAsync();
            string input = WriteJsonl(h,
                "{\"custom_id\":\"a\",\"method\":\"POST\",\"url\":\"/v1/images/generations\",\"body\":{\"prompt\":\"x\"}}",
                "{\"custom_id\":\"b\",\"method\":\"POST\",\"url\":\"/v1/images/edits\",\"body\":{\"prompt\":\"x\"}}");
            ApiFile file = await h.Api.UploadFileAsync(input, "batch", "application/jsonl");
            BatchInfo created = await h.Api.CreateBatchAsync(file.Id, BatchEndpoints.Generations, null);
            BatchInfo done = await h.WaitAsync(created.Id);
            Assert.Equal("failed", done.Status);
            Assert.Contains("does not match the batch's endpoint", done.Errors);
            Assert.Null(done.OutputFileId);
        }

        [Fact]
        public async Task A_batch_over_a_file_of_another_purpose_is_refused()
        {
            await using BatchHarness h = await BatchHarness.StartAsync();
            string image = h.WriteImage("in.png", 8, 8);
            ApiFile file = await h.Api.UploadFileAsync(image, "vision", "image/png");
            var error = await Assert.ThrowsAsync<GptImageApiException>(() => h.Api.CreateBatchAsync(file.Id, BatchEndpoints.Edits, null));
            Assert.Equal(400, error.StatusCode);
            Assert.Contains("purpose 'batch'", error.Message);
        }

        private static string WriteJsonl(BatchHarness h, params string[] lines)
        {
            string path = Path.Combine(h.Root, "input.jsonl");
            File.WriteAllText(path, string.Join("\n", lines) + "\n");
            return path;
        }
    }
}
