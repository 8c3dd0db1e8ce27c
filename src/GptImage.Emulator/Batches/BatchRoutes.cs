using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using GptImage.Emulator.Files;
using GptImage.Emulator.Http;
using GptImage.Emulator.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GptImage.Emulator.Batches
{
    /// <summary>
    /// /v1/files (upload, retrieve, content) and /v1/batches (create, retrieve, cancel, list), with the same
    /// credentials check and request recording as the image routes (endpoint "files" or "batches").
    /// </summary>
    internal static class BatchRoutes
    {
        private static readonly string[] Endpoints = { "/v1/images/generations", "/v1/images/edits" };

        public static void Map(WebApplication app, EmulatorServerState state)
        {
            var processor = new BatchProcessor(state);
            // ASP0016 mistakes the inner handler lambdas (which return the answer to RunAsync) for route delegates.
#pragma warning disable ASP0016
            foreach (string prefix in new[] { "/v1", "/openai/v1" })
            {
                app.MapPost(prefix + "/files", (HttpContext c) => RunAsync(c, state, "files", UploadAsync));
                app.MapGet(prefix + "/files/{id}", (HttpContext c, string id) => RunAsync(c, state, "files", (_, _) => Task.FromResult(FileInfo(state, id))));
                app.MapGet(prefix + "/files/{id}/content", (HttpContext c, string id) => RunAsync(c, state, "files", (_, _) => Task.FromResult(FileContent(state, id))));
                app.MapPost(prefix + "/batches", (HttpContext c) => RunAsync(c, state, "batches", (ctx, st) => CreateAsync(ctx, st, processor)));
                app.MapGet(prefix + "/batches", (HttpContext c) => RunAsync(c, state, "batches", (_, st) => Task.FromResult(Answer.Json(BatchJson.List(st.Batches.All())))));
                app.MapGet(prefix + "/batches/{id}", (HttpContext c, string id) => RunAsync(c, state, "batches", (_, _) => Task.FromResult(Retrieve(state, id))));
                app.MapPost(prefix + "/batches/{id}/cancel", (HttpContext c, string id) => RunAsync(c, state, "batches", (_, _) => Task.FromResult(Cancel(state, id))));
            }
#pragma warning restore ASP0016
        }

        private sealed record Answer(byte[]? Body, string ContentType, ApiError? Error)
        {
            public static Answer Json(byte[] body) => new(body, "application/json", null);
            public static Answer Fail(ApiError error) => new(null, "application/json", error);
        }

        private static async Task RunAsync(HttpContext context, EmulatorServerState state, string endpoint, Func<HttpContext, EmulatorServerState, Task<Answer>> handle)
        {
            var (scheme, key) = Authentication.Read(context.Request);
            RecordedRequest record = RequestRecorder.Start(context, endpoint, null, scheme);
            using IDisposable tracking = state.Counters.Track(record);
            string id = state.Chance.RequestId();
            record.RequestId = id;
            context.Response.Headers["x-request-id"] = id;
            ApiError? authError = Authentication.Check(scheme, key, state.Options);
            Answer answer = authError != null ? Answer.Fail(authError) : await handle(context, state).ConfigureAwait(false);
            if (answer.Error != null)
            {
                await ErrorWriter.WriteAsync(context, answer.Error, state.Options, record).ConfigureAwait(false);
                return;
            }
            record.StatusCode = 200;
            context.Response.StatusCode = 200;
            context.Response.ContentType = answer.ContentType;
            context.Response.ContentLength = answer.Body!.Length;
            await context.Response.Body.WriteAsync(answer.Body, context.RequestAborted).ConfigureAwait(false);
        }

        private static async Task<Answer> UploadAsync(HttpContext context, EmulatorServerState state)
        {
            if (!context.Request.HasFormContentType)
                return Answer.Fail(new ApiError(400, "The files endpoint expects multipart/form-data with 'file' and 'purpose'.", ApiError.InvalidRequest, null, null));
            IFormCollection form;
            try { form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false); }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                return Answer.Fail(new ApiError(400, $"The multipart body could not be read: {e.Message}", ApiError.InvalidRequest, null, null));
            }
            string purpose = form["purpose"].ToString();
            if (purpose.Length == 0) return Answer.Fail(ApiError.MissingParameter("purpose"));
            if (!FileStore.UploadPurposes.Contains(purpose)) return Answer.Fail(ApiError.InvalidValue("purpose", purpose, FileStore.UploadPurposes));
            IFormFile? file = form.Files.GetFile("file");
            if (file is null) return Answer.Fail(ApiError.MissingParameter("file"));
            using var buffer = new MemoryStream();
            await using (Stream s = file.OpenReadStream()) await s.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            if (purpose == "batch" && !file.FileName.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
                return Answer.Fail(ApiError.InvalidValue("file", $"Invalid file format for Batch API. Must be .jsonl, got '{file.FileName}'."));
            StoredFile stored = state.Files.Add(file.FileName, purpose, file.ContentType, buffer.ToArray());
            return Answer.Json(BatchJson.File(stored));
        }

        private static Answer FileInfo(EmulatorServerState state, string id) =>
            state.Files.Get(id) is StoredFile file ? Answer.Json(BatchJson.File(file)) : Answer.Fail(NoSuchFile(id));

        private static Answer FileContent(EmulatorServerState state, string id) =>
            state.Files.Get(id) is StoredFile file ? new Answer(file.Bytes, file.ContentType ?? "application/octet-stream", null) : Answer.Fail(NoSuchFile(id));

        private static async Task<Answer> CreateAsync(HttpContext context, EmulatorServerState state, BatchProcessor processor)
        {
            JsonDocument doc;
            try { doc = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false); }
            catch (JsonException) { return Answer.Fail(new ApiError(400, "We could not parse the JSON body of your request.", ApiError.InvalidRequest, null, null)); }
            using (doc)
            {
                JsonElement root = doc.RootElement;
                foreach (string required in new[] { "input_file_id", "endpoint", "completion_window" })
                    if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(required, out JsonElement v) || v.ValueKind != JsonValueKind.String)
                        return Answer.Fail(ApiError.MissingParameter(required));
                string endpoint = root.GetProperty("endpoint").GetString()!;
                if (!Endpoints.Contains(endpoint)) return Answer.Fail(ApiError.InvalidValue("endpoint", endpoint, Endpoints));
                string window = root.GetProperty("completion_window").GetString()!;
                if (window != "24h") return Answer.Fail(ApiError.InvalidValue("completion_window", window, new[] { "24h" }));
                string inputId = root.GetProperty("input_file_id").GetString()!;
                StoredFile? input = state.Files.Get(inputId);
                if (input is null) return Answer.Fail(NoSuchFile(inputId));
                if (input.Purpose != "batch")
                    return Answer.Fail(ApiError.InvalidValue("input_file_id", $"File {inputId} has purpose '{input.Purpose}'; a batch input must be uploaded with purpose 'batch'."));
                Dictionary<string, string>? metadata = null;
                if (root.TryGetProperty("metadata", out JsonElement m) && m.ValueKind == JsonValueKind.Object)
                {
                    metadata = new Dictionary<string, string>(StringComparer.Ordinal);
                    foreach (JsonProperty p in m.EnumerateObject())
                    {
                        if (p.Value.ValueKind != JsonValueKind.String) return Answer.Fail(ApiError.InvalidType("metadata." + p.Name, "a string", "another type"));
                        metadata[p.Name] = p.Value.GetString()!;
                    }
                    if (metadata.Count > 16) return Answer.Fail(ApiError.InvalidValue("metadata", "Metadata may hold at most 16 key-value pairs."));
                }
                EmulatedBatch batch = state.Batches.Create(endpoint, inputId, metadata);
                byte[] created = BatchJson.Batch(batch);
                processor.Start(batch, input);
                return Answer.Json(created);
            }
        }

        private static Answer Retrieve(EmulatorServerState state, string id) =>
            state.Batches.Get(id) is EmulatedBatch batch ? Answer.Json(BatchJson.Batch(batch)) : Answer.Fail(NoSuchBatch(id));

        private static Answer Cancel(EmulatorServerState state, string id)
        {
            EmulatedBatch? batch = state.Batches.Get(id);
            if (batch is null) return Answer.Fail(NoSuchBatch(id));
            lock (batch.Gate)
            {
                if (batch.Status is "completed" or "failed" or "expired")
                    return Answer.Fail(new ApiError(409, $"Cannot cancel a batch with status '{batch.Status}'.", ApiError.InvalidRequest, null, null));
                if (batch.Status != "cancelled")
                {
                    batch.Status = "cancelling";
                    batch.CancellingAt = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
                }
            }
            batch.Cancel.Cancel();
            return Answer.Json(BatchJson.Batch(batch));
        }

        private static ApiError NoSuchFile(string id) => new(404, $"No such File object: {id}", ApiError.InvalidRequest, "id", null);

        private static ApiError NoSuchBatch(string id) => new(404, $"No batch found with id '{id}'.", ApiError.InvalidRequest, null, null);
    }
}
