using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using GptImage.Emulator.Files;
using GptImage.Emulator.Http;
using GptImage.Emulator.Images;
using GptImage.Emulator.Parsing;
using GptImage.Emulator.Responses;
using GptImage.Emulator.Validation;

namespace GptImage.Emulator.Batches
{
    /// <summary>
    /// Runs a batch in the background: waits <see cref="EmulatorOptions.BatchCompletionDelay"/> (cancellable),
    /// checks every input line (a malformed file fails the whole batch, as the API does), then answers each line
    /// with the same parsing, validation, moderation and rendering as a direct call, writing successes to the
    /// output file and failures (a prompt with the moderation word, a bad parameter) to the error file.
    /// Faults and rate limits of direct calls do not apply: the API runs batches on their own quota.
    /// </summary>
    internal sealed class BatchProcessor
    {
        private readonly EmulatorServerState _state;

        public BatchProcessor(EmulatorServerState state) => _state = state;

        public void Start(EmulatedBatch batch, StoredFile input) => _ = Task.Run(() => RunAsync(batch, input));

        private async Task RunAsync(EmulatedBatch batch, StoredFile input)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(batch.Cancel.Token, _state.Stopping);
            try
            {
                TimeSpan delay = _state.Options.BatchCompletionDelay;
                if (delay > TimeSpan.Zero) await Task.Delay(delay, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Finish(batch, new StringBuilder(), new StringBuilder());
                return;
            }

            List<InputLine>? lines = Check(batch, input);
            if (lines is null) return;
            lock (batch.Gate)
            {
                if (batch.Cancel.IsCancellationRequested) { }
                else { batch.Status = "in_progress"; batch.InProgressAt = Now(); }
                batch.Total = lines.Count;
            }

            var output = new StringBuilder();
            var errors = new StringBuilder();
            foreach (InputLine line in lines)
            {
                if (stop.IsCancellationRequested) break;
                var (status, body) = Answer(batch.Endpoint, line.Body);
                StringBuilder target = status == 200 ? output : errors;
                target.Append(OutputLine(line.CustomId, status, body)).Append('\n');
                lock (batch.Gate)
                {
                    if (status == 200) batch.Completed++; else batch.Failed++;
                }
            }
            Finish(batch, output, errors);
        }

        private void Finish(EmulatedBatch batch, StringBuilder output, StringBuilder errors)
        {
            lock (batch.Gate)
            {
                bool cancelled = batch.Cancel.IsCancellationRequested;
                if (!cancelled) { batch.Status = "finalizing"; batch.FinalizingAt = Now(); }
                if (output.Length > 0) batch.OutputFileId = _state.Files.Add($"batch_{batch.Id}_output.jsonl", "batch_output", "application/jsonl", Encoding.UTF8.GetBytes(output.ToString())).Id;
                if (errors.Length > 0) batch.ErrorFileId = _state.Files.Add($"batch_{batch.Id}_error.jsonl", "batch_output", "application/jsonl", Encoding.UTF8.GetBytes(errors.ToString())).Id;
                if (cancelled) { batch.Status = "cancelled"; batch.CancelledAt = Now(); }
                else { batch.Status = "completed"; batch.CompletedAt = Now(); }
            }
        }

        private sealed record InputLine(string CustomId, string Body);

        /// <summary>Every line must be {"custom_id" (unique), "method": "POST", "url" = the batch's endpoint, "body": {...}}; else the batch fails.</summary>
        private static List<InputLine>? Check(EmulatedBatch batch, StoredFile input)
        {
            var lines = new List<InputLine>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            string[] texts = Encoding.UTF8.GetString(input.Bytes).Split('\n');
            for (int i = 0; i < texts.Length; i++)
            {
                string text = texts[i].TrimEnd('\r');
                if (text.Length == 0) continue;
                string? problem = null;
                try
                {
                    using JsonDocument doc = JsonDocument.Parse(text);
                    JsonElement root = doc.RootElement;
                    string? customId = Text(root, "custom_id");
                    if (customId is null) problem = "Missing custom_id.";
                    else if (!ids.Add(customId)) problem = $"The custom_id '{customId}' is used more than once; each must be unique.";
                    else if (Text(root, "method") != "POST") problem = "The method must be POST.";
                    else if (Text(root, "url") != batch.Endpoint) problem = $"The url '{Text(root, "url")}' does not match the batch's endpoint {batch.Endpoint}.";
                    else if (!root.TryGetProperty("body", out JsonElement body) || body.ValueKind != JsonValueKind.Object) problem = "Missing body object.";
                    else lines.Add(new InputLine(customId, body.GetRawText()));
                }
                catch (JsonException)
                {
                    problem = "This line is not valid JSON.";
                }
                if (problem != null)
                    lock (batch.Gate) batch.Errors.Add(("invalid_request", problem, i + 1));
            }
            if (lines.Count == 0 && batch.Errors.Count == 0)
                lock (batch.Gate) batch.Errors.Add(("empty_file", "The input file has no requests.", null));
            if (batch.Errors.Count == 0) return lines;
            lock (batch.Gate) { batch.Status = "failed"; batch.FailedAt = Now(); }
            return null;
        }

        /// <summary>One request through the direct call's logic: (200, ImagesResponse) or (status, error body).</summary>
        private (int Status, byte[] Body) Answer(string endpoint, string body)
        {
            ImageEndpoint kind = endpoint == "/v1/images/edits" ? ImageEndpoint.Edits : ImageEndpoint.Generations;
            var read = ImageCallReader.ParseJson(body, kind, _state.Files.ImageById);
            if (read.Error != null) return Fail(read.Error);
            var (valid, error) = ImageCallValidator.Validate(read.Call!, _state.Options);
            if (error != null) return Fail(error);
            if (valid!.Stream)
                return Fail(new ApiError(400, "Streaming is not supported in the Batch API: leave out 'stream'.", ApiError.InvalidRequest, "stream", "invalid_value"));
            if (ContentPolicy.Check(valid, azureDeployment: false, _state.Options) is ApiError refusal) return Fail(refusal);
            IReadOnlyList<UploadedImageInfo> inputs = read.Call!.Images.Select(i => ImageHeaderReader.Read(i.Bytes)!).ToArray();
            RenderedImage image = _state.Images.Get(valid.Width, valid.Height, valid.OutputFormat, valid.Transparent);
            byte[] answer = ImagesResponseWriter.Build(valid, image, TokenUsage.For(valid, inputs), DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                _state.ImageUrlBase, _state.Options.IncludeRevisedPrompt);
            return (200, answer);
        }

        private static (int, byte[]) Fail(ApiError error) => (error.Status, ErrorWriter.Serialize(error));

        private string OutputLine(string customId, int status, byte[] body)
        {
            var buffer = new MemoryStream(body.Length + 256);
            using (var json = new Utf8JsonWriter(buffer, JsonOutput.Compact))
            {
                json.WriteStartObject();
                json.WriteString("id", "batch_req_" + Guid.NewGuid().ToString("N"));
                json.WriteString("custom_id", customId);
                json.WriteStartObject("response");
                json.WriteNumber("status_code", status);
                json.WriteString("request_id", _state.Chance.RequestId());
                json.WritePropertyName("body");
                using (JsonDocument doc = JsonDocument.Parse(body)) doc.RootElement.WriteTo(json);
                json.WriteEndObject();
                json.WriteNull("error");
                json.WriteEndObject();
            }
            return Encoding.UTF8.GetString(buffer.ToArray());
        }

        private static string? Text(JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();
    }
}
