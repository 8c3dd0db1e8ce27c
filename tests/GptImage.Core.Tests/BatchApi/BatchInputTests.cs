using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using GptImage.BatchApi;
using Xunit;

namespace GptImage.Tests.BatchApi
{
    /// <summary>The JSONL input: line shape against the spec's field lists, and splitting at the limits.</summary>
    public sealed class BatchInputTests : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "gptimage-batch-input-" + Guid.NewGuid().ToString("N"));

        public void Dispose()
        {
            if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        }

        [Fact]
        public void Generation_line_has_the_request_input_fields_and_a_CreateImageRequest_body_without_unset_or_streaming_fields()
        {
            var request = new ImageGenerationRequest { Prompt = "a \"quoted\" fox", Size = "1536x1024", Quality = "high", OutputFormat = "webp", Compression = 80, PartialImages = 2, User = "u1" };
            using JsonDocument line = JsonDocument.Parse(BatchInputLine.Build("row-000007", request, null, null));
            JsonElement root = line.RootElement;

            Assert.Equal(SpecFields.BatchRequestInput, root.EnumerateObject().Select(p => p.Name).ToHashSet());
            Assert.Equal("row-000007", root.GetProperty("custom_id").GetString());
            Assert.Equal("POST", root.GetProperty("method").GetString());
            Assert.Equal("/v1/images/generations", root.GetProperty("url").GetString());
            JsonElement body = root.GetProperty("body");
            var names = body.EnumerateObject().Select(p => p.Name).ToList();
            Assert.All(names, n => Assert.Contains(n, SpecFields.CreateImageRequest));
            Assert.DoesNotContain("stream", names);
            Assert.DoesNotContain("partial_images", names);
            Assert.DoesNotContain("response_format", names);   // GPT image models reject it
            Assert.DoesNotContain("background", names);        // not set, so left out
            Assert.Equal("gpt-image-2", body.GetProperty("model").GetString());
            Assert.Equal("a \"quoted\" fox", body.GetProperty("prompt").GetString());
            Assert.Equal(80, body.GetProperty("output_compression").GetInt32());
            Assert.Equal("webp", body.GetProperty("output_format").GetString());
        }

        [Fact]
        public void Edit_line_uses_the_json_edit_form_with_file_ids_and_keeps_moderation()
        {
            var request = new ImageEditRequest { Prompt = "add a hat", InputFidelity = "high", Moderation = "low", MaskPath = "mask.png" };
            request.Images.Add("a.png");
            request.Images.Add("b.png");
            using JsonDocument line = JsonDocument.Parse(BatchInputLine.Build("row-000001", request, new[] { "file-a", "file-b" }, "file-m"));
            JsonElement root = line.RootElement;

            Assert.Equal("/v1/images/edits", root.GetProperty("url").GetString());
            JsonElement body = root.GetProperty("body");
            Assert.All(body.EnumerateObject().Select(p => p.Name), n => Assert.Contains(n, SpecFields.EditImageBodyJsonParam));
            Assert.Equal(new[] { "file-a", "file-b" }, body.GetProperty("images").EnumerateArray().Select(i => i.GetProperty("file_id").GetString()).ToArray());
            // ImageRefParam: exactly one of image_url or file_id.
            Assert.All(body.GetProperty("images").EnumerateArray(), i => Assert.Single(i.EnumerateObject()));
            Assert.Equal("file-m", body.GetProperty("mask").GetProperty("file_id").GetString());
            Assert.Equal("low", body.GetProperty("moderation").GetString());
            Assert.Equal("high", body.GetProperty("input_fidelity").GetString());
        }

        [Fact]
        public void Writer_starts_a_new_file_at_the_request_limit()
        {
            using (var writer = new BatchInputWriter(_folder, new BatchLimits { MaxRequestsPerFile = 2 }))
            {
                for (int row = 1; row <= 5; row++) writer.Add(BatchInputLine.CustomIdFor(row), BatchEndpoints.Generations, Line(row, "prompt " + row));
                writer.Finish();
                Assert.Equal(new[] { 2, 2, 1 }, writer.Files.Select(f => f.CustomIds.Count).ToArray());
                Assert.Equal(new[] { "row-000005" }, writer.Files[2].CustomIds);
                // The files hold exactly the lines, one per custom_id, in order.
                string[] lines = File.ReadAllLines(writer.Files[1].Path);
                Assert.Equal(new[] { "row-000003", "row-000004" }, lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("custom_id").GetString()).ToArray());
            }
        }

        [Fact]
        public void Writer_starts_a_new_file_before_the_byte_limit_would_be_passed()
        {
            byte[] sample = Line(1, new string('x', 100));
            long limit = (sample.Length + 1) * 3 - 1;   // two lines fit, a third would pass the limit by one byte
            using var writer = new BatchInputWriter(_folder, new BatchLimits { MaxBytesPerFile = limit });
            for (int row = 1; row <= 5; row++) writer.Add(BatchInputLine.CustomIdFor(row), BatchEndpoints.Generations, Line(row, new string('x', 100)));
            writer.Finish();
            Assert.Equal(new[] { 2, 2, 1 }, writer.Files.Select(f => f.CustomIds.Count).ToArray());
            Assert.All(writer.Files, f => Assert.True(new FileInfo(f.Path).Length <= limit));
            Assert.All(writer.Files, f => Assert.Equal(f.Bytes, new FileInfo(f.Path).Length));
        }

        [Fact]
        public void Writer_keeps_generations_and_edits_in_separate_files()
        {
            using var writer = new BatchInputWriter(_folder);
            writer.Add("row-000001", BatchEndpoints.Generations, Line(1, "a"));
            writer.Add("row-000002", BatchEndpoints.Edits, Line(2, "b"));
            writer.Add("row-000003", BatchEndpoints.Generations, Line(3, "c"));
            writer.Finish();
            Assert.Equal(2, writer.Files.Count);
            Assert.Equal(new[] { "row-000001", "row-000003" }, writer.Files.Single(f => f.Endpoint == BatchEndpoints.Generations).CustomIds);
            Assert.Equal(new[] { "row-000002" }, writer.Files.Single(f => f.Endpoint == BatchEndpoints.Edits).CustomIds);
        }

        [Fact]
        public void A_line_larger_than_the_byte_limit_is_refused_naming_the_row()
        {
            using var writer = new BatchInputWriter(_folder, new BatchLimits { MaxBytesPerFile = 50 });
            var error = Assert.Throws<GptImageValidationException>(() => writer.Add("row-000009", BatchEndpoints.Generations, Line(9, new string('y', 200))));
            Assert.Contains("row-000009", error.Message);
            Assert.Contains("50 bytes", error.Message);
        }

        private static byte[] Line(int row, string prompt) =>
            BatchInputLine.Build(BatchInputLine.CustomIdFor(row), new ImageGenerationRequest { Prompt = prompt }, null, null);
    }
}
