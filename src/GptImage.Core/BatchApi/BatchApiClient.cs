using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace GptImage.BatchApi
{
    /// <summary>
    /// The files and batches endpoints (POST /files, POST /batches, GET /batches/{id}, POST /batches/{id}/cancel,
    /// GET /files/{id}/content) over <see cref="GptImageClient"/>'s own transport, so endpoint, key, retries,
    /// timeouts, error ids and key redaction are the image calls' ones.
    /// </summary>
    public sealed class BatchApiClient
    {
        /// <summary>Metadata: at most 16 pairs, keys up to 64 characters, values up to 512 (the spec's Metadata).</summary>
        public const int MaxMetadataPairs = 16;

        private readonly GptImageClient _client;

        public BatchApiClient(GptImageClient client)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
        }

        /// <summary>POST /files (multipart: purpose, file). The file is streamed from disk on each attempt.</summary>
        public async Task<ApiFile> UploadFileAsync(string path, string purpose, string contentType, CancellationToken cancellationToken = default)
        {
            string fileName = Wire.EditMultipartBuilder.SafeFileName(Path.GetFileName(path));
            ApiAnswer answer = await _client.SendApiAsync(HttpMethod.Post, "files", () =>
            {
                var form = new MultipartFormDataContent("gptimage-" + Guid.NewGuid().ToString("N"));
                var purposePart = new ByteArrayContent(Encoding.UTF8.GetBytes(purpose));
                purposePart.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"purpose\"" };
                form.Add(purposePart);
                var filePart = new StreamContent(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920), 81920);
                filePart.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileName = "\"" + fileName + "\"" };
                filePart.Headers.ContentType = new MediaTypeHeaderValue(contentType);
                form.Add(filePart);
                return form;
            }, idempotent: true, cancellationToken, NoBatchApi).ConfigureAwait(false);
            return ApiFile.Parse(answer.Body);
        }

        /// <summary>
        /// POST /batches (CreateBatchRequest: input_file_id, endpoint, completion_window 24h, metadata). Not retried
        /// after a fault that may have created it (that could start a second, paid batch); only a rate-limit refusal is.
        /// </summary>
        public async Task<BatchInfo> CreateBatchAsync(string inputFileId, string endpoint, IReadOnlyDictionary<string, string>? metadata,
            CancellationToken cancellationToken = default)
        {
            if (endpoint != BatchEndpoints.Generations && endpoint != BatchEndpoints.Edits)
                throw new GptImageValidationException(ErrorIds.BadRequest, "endpoint", endpoint, $"{BatchEndpoints.Generations} or {BatchEndpoints.Edits}.");
            ValidateMetadata(metadata);
            byte[] body = Json(json =>
            {
                json.WriteString("input_file_id", inputFileId);
                json.WriteString("endpoint", endpoint);
                json.WriteString("completion_window", BatchEndpoints.CompletionWindow);
                if (metadata != null && metadata.Count > 0)
                {
                    json.WriteStartObject("metadata");
                    foreach (var pair in metadata) json.WriteString(pair.Key, pair.Value);
                    json.WriteEndObject();
                }
            });
            ApiAnswer answer = await _client.SendApiAsync(HttpMethod.Post, "batches", () => JsonContent(body), idempotent: false, cancellationToken, NoBatchApi).ConfigureAwait(false);
            return BatchInfo.Parse(answer.Body);
        }

        /// <summary>GET /batches/{id}.</summary>
        public async Task<BatchInfo> GetBatchAsync(string batchId, CancellationToken cancellationToken = default)
        {
            ApiAnswer answer = await _client.SendApiAsync(HttpMethod.Get, "batches/" + Escape(batchId, "Id"), null, idempotent: true, cancellationToken,
                CallErrors.BatchApi(UnknownBatch(batchId))).ConfigureAwait(false);
            return BatchInfo.Parse(answer.Body);
        }

        /// <summary>
        /// POST /batches/{id}/cancel (cancelling twice is harmless, so it is retried like a read). A batch that has
        /// already finished answers 409: GptImage.BatchNotCancellable at once, since no retry can change its state.
        /// </summary>
        public async Task<BatchInfo> CancelBatchAsync(string batchId, CancellationToken cancellationToken = default)
        {
            CallErrors errors = CallErrors.BatchApi(UnknownBatch(batchId)).ConflictIsFinal(BatchErrorIds.NotCancellable,
                $"Batch '{batchId}' has already finished (completed, failed, expired or cancelled), so there is nothing to cancel: "
                + $"Get-GptImageBatchJob -Id {batchId} shows its status and Receive-GptImageBatchJob -Id {batchId} gets what it produced.");
            ApiAnswer answer = await _client.SendApiAsync(HttpMethod.Post, "batches/" + Escape(batchId, "Id") + "/cancel", null, idempotent: true, cancellationToken, errors).ConfigureAwait(false);
            return BatchInfo.Parse(answer.Body);
        }

        /// <summary>GET /files/{id}/content into a local file; returns its size.</summary>
        public Task<long> DownloadFileAsync(string fileId, string destinationPath, CancellationToken cancellationToken = default) =>
            _client.DownloadApiAsync("files/" + Escape(fileId, "FileId") + "/content", destinationPath, cancellationToken, CallErrors.BatchApi(
                $"File '{fileId}' is no longer on the account (deleted, or past its expiry), so this part of the batch cannot be downloaded; submit its rows again."));

        /// <summary>A 404 on a batch: the id is unknown where the call went, which -Model has nothing to do with.</summary>
        private static string UnknownBatch(string batchId) =>
            $"There is no batch '{batchId}' at this endpoint: check -Id (Get-GptImageBatchJob without -Id lists the batches recorded on this machine), "
            + "and that -Endpoint and the API key belong to the account that submitted it.";

        /// <summary>A 404 on /files or /batches: the endpoint has no Batch API.</summary>
        private static readonly CallErrors NoBatchApi = CallErrors.BatchApi(
            "This endpoint has no files or batches API: check -Endpoint (OpenAI's https://api.openai.com/v1, or an Azure OpenAI resource with a batch deployment).");

        /// <summary>The classified error of one failed output line (status and body as the line carried them).</summary>
        internal GptImageApiException ErrorFor(int status, byte[] body, string? requestId) => _client.ErrorFromBody(status, body, requestId);

        /// <summary>Server-provided text with the key and tokens masked (see <see cref="SecretRedactor"/>).</summary>
        internal string? Redact(string? text) => _client.Redact(text);

        internal static void ValidateMetadata(IReadOnlyDictionary<string, string>? metadata)
        {
            if (metadata is null) return;
            if (metadata.Count > MaxMetadataPairs)
                throw new GptImageValidationException(ErrorIds.BadRequest, "Metadata", metadata.Count + " pairs", $"at most {MaxMetadataPairs} key/value pairs (this module uses 3 of them).");
            foreach (var pair in metadata)
            {
                if (string.IsNullOrEmpty(pair.Key) || pair.Key.Length > 64)
                    throw new GptImageValidationException(ErrorIds.BadRequest, "Metadata", pair.Key, "keys of 1 to 64 characters.");
                if (pair.Value is null || pair.Value.Length > 512)
                    throw new GptImageValidationException(ErrorIds.BadRequest, "Metadata", pair.Key, "values of at most 512 characters.");
            }
        }

        private static string Escape(string id, string parameter)
        {
            if (string.IsNullOrWhiteSpace(id))
                throw new GptImageValidationException(ErrorIds.BadRequest, parameter, id, "a non-empty id such as batch_abc123 or file-abc123.");
            return Uri.EscapeDataString(id.Trim());
        }

        private static HttpContent JsonContent(byte[] body)
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            return content;
        }

        private static byte[] Json(Action<Utf8JsonWriter> write)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                write(json);
                json.WriteEndObject();
            }
            return buffer.ToArray();
        }
    }
}
