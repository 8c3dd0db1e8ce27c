using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GptImage.Imaging;
using GptImage.Orchestration;
using GptImage.Validation;

namespace GptImage.BatchApi
{
    /// <summary>
    /// Submits rows to the Batch API: checks every row first (nothing is uploaded when one is wrong), uploads
    /// the input images of edits (purpose vision; identical files once), writes the JSONL input split at the
    /// limits, uploads each input file (purpose batch), creates one batch per file and records each batch
    /// locally the moment it exists, so a later session can receive it.
    /// </summary>
    public sealed class BatchSubmitter
    {
        public const string MetadataCreatedBy = "created_by";
        public const string MetadataSubmission = "gptimage_submission";
        public const string MetadataPart = "gptimage_part";

        private readonly GptImageClient _client;
        private readonly BatchApiClient _api;
        private readonly BatchRecordStore _store;

        public BatchSubmitter(GptImageClient client, BatchRecordStore store)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
            _api = new BatchApiClient(client);
            _store = store ?? throw new ArgumentNullException(nameof(store));
        }

        /// <summary>Submits the rows; returns the record of each batch created (several when the input had to be split).</summary>
        public async Task<IReadOnlyList<BatchRecord>> SubmitAsync(IReadOnlyList<ImageJob> jobs, BatchSubmitOptions? options = null, CancellationToken cancellationToken = default)
        {
            if (jobs is null) throw new ArgumentNullException(nameof(jobs));
            options ??= new BatchSubmitOptions();
            if (jobs.Count == 0) throw new GptImageValidationException(ErrorIds.InvalidPrompt, "InputObject", "no rows", "at least one row to submit.");
            Validate(jobs, options);
            var extra = new Dictionary<string, string>(StringComparer.Ordinal) { [MetadataCreatedBy] = "", [MetadataSubmission] = "", [MetadataPart] = "" };
            if (options.Metadata != null) foreach (var pair in options.Metadata) extra[pair.Key] = pair.Value;
            BatchApiClient.ValidateMetadata(extra);   // before anything is uploaded

            string submission = string.IsNullOrWhiteSpace(options.SubmissionId) ? BatchSubmitOptions.NewSubmissionId() : options.SubmissionId.Trim();
            string work = Path.Combine(options.WorkFolder ?? Path.GetTempPath(), "gptimage-" + submission);
            try
            {
                var rows = new Dictionary<string, (ImageJob Job, BatchRecordRow Row)>(StringComparer.Ordinal);
                var uploadedImages = new Dictionary<string, string>(StringComparer.Ordinal);   // sha256 -> file id
                List<BatchInputFile> files;
                using (var writer = new BatchInputWriter(work, options.Limits))
                {
                    foreach (ImageJob job in jobs)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        string customId = BatchInputLine.CustomIdFor(job.RowNumber);
                        List<string>? imageIds = null;
                        string? maskId = null;
                        if (job.Request is ImageEditRequest edit)
                        {
                            imageIds = new List<string>();
                            // The same preparation as a multipart edit: metadata removed, resized to fit (UploadPreparer).
                            (IReadOnlyList<byte[]> images, byte[]? preparedMask) = Imaging.Uploads.UploadPreparer.PrepareAll(edit);
                            for (int i = 0; i < edit.Images.Count; i++)
                                imageIds.Add(await UploadImageAsync(edit.Images[i], images[i], uploadedImages, work, options, cancellationToken).ConfigureAwait(false));
                            ImageInput? mask = EditInputRules.EffectiveMask(edit);
                            if (mask != null && preparedMask != null) maskId = await UploadImageAsync(mask, preparedMask, uploadedImages, work, options, cancellationToken).ConfigureAwait(false);
                        }
                        writer.Add(customId, BatchEndpoints.For(job.Request), BatchInputLine.Build(customId, job.Request, imageIds, maskId));
                        rows[customId] = (job, RowFor(customId, job));
                    }
                    writer.Finish();
                    files = writer.Files.ToList();
                }

                var records = new List<BatchRecord>();
                for (int i = 0; i < files.Count; i++)
                {
                    BatchInputFile file = files[i];
                    ApiFile input = await _api.UploadFileAsync(file.Path, BatchEndpoints.BatchPurpose, "application/jsonl", cancellationToken).ConfigureAwait(false);
                    options.Log?.Invoke($"Uploaded batch input {i + 1} of {files.Count}: {file.CustomIds.Count} requests, {file.Bytes} bytes, file {input.Id}.");
                    var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
                    {
                        [MetadataCreatedBy] = "GptImage.PowerShell",
                        [MetadataSubmission] = submission,
                        [MetadataPart] = (i + 1).ToString(CultureInfo.InvariantCulture) + "/" + files.Count.ToString(CultureInfo.InvariantCulture),
                    };
                    if (options.Metadata != null) foreach (var pair in options.Metadata) metadata[pair.Key] = pair.Value;

                    cancellationToken.ThrowIfCancellationRequested();
                    BatchInfo batch = await _api.CreateBatchAsync(input.Id, file.Endpoint, metadata, CancellationToken.None).ConfigureAwait(false);
                    var record = new BatchRecord
                    {
                        BatchId = batch.Id,
                        SubmissionId = submission,
                        Part = i + 1,
                        Parts = files.Count,
                        Endpoint = file.Endpoint,
                        ApiBase = _client.ApiUrl(string.Empty).GetLeftPart(UriPartial.Path),
                        InputFileId = input.Id,
                        UploadedImageFileIds = file.Endpoint == BatchEndpoints.Edits ? uploadedImages.Values.Distinct().ToList() : new List<string>(),
                        SubmittedAt = batch.CreatedAt ?? DateTimeOffset.UtcNow,
                        Rows = file.CustomIds.Select(id => rows[id].Row).ToList(),
                    };
                    record.EstimatedCostUsd = record.Rows.Sum(r => r.EstimatedCostUsd ?? 0m);
                    record.Update(batch);
                    // Recorded the moment it exists: a crash after this line still leaves a batch that can be received.
                    _store.Save(record);
                    options.Log?.Invoke($"Created batch {batch.Id} ({file.Endpoint}, {record.Rows.Count} rows, status {batch.Status}); record {_store.PathFor(batch.Id)}.");
                    records.Add(record);
                }
                return records;
            }
            finally
            {
                TryDelete(work);
            }
        }

        private static void Validate(IReadOnlyList<ImageJob> jobs, BatchSubmitOptions options)
        {
            DateTime today = options.Today ?? DateTime.UtcNow;
            var seen = new HashSet<int>();
            foreach (ImageJob job in jobs)
            {
                if (!seen.Add(job.RowNumber))
                    throw new GptImageValidationException(ErrorIds.BadRequest, "RowNumber", job.RowNumber, "a different row number for every row (it becomes the row's custom_id).");
                if (job.Request.PartialImages.HasValue)
                    throw new GptImageValidationException(ErrorIds.InvalidPartialImages, "PartialImages", job.Request.PartialImages, "none: batches do not stream.");
                Preflight.Check(job.Request, today);
            }
        }

        private async Task<string> UploadImageAsync(ImageInput image, byte[] bytes, Dictionary<string, string> uploaded, string work, BatchSubmitOptions options, CancellationToken cancellationToken)
        {
            string sha = AtomicFile.Sha256Hex(bytes);
            if (uploaded.TryGetValue(sha, out string? known)) return known;
            string path = WriteUploadFile(image, bytes, work);
            string format = ImageFormatDetector.Detect(bytes)
                ?? throw new GptImageValidationException(ErrorIds.InvalidImage, "Path", image.ToString(), "a PNG, JPEG or WebP file.");
            ApiFile file = await _api.UploadFileAsync(path, BatchEndpoints.ImagePurpose, ImageFormatDetector.MimeType(format), cancellationToken).ConfigureAwait(false);
            options.Log?.Invoke($"Uploaded input image {image} as {file.Id}.");
            uploaded[sha] = file.Id;
            return file.Id;
        }

        /// <summary>The prepared bytes as a file in the work folder (the upload streams a file).</summary>
        private static string WriteUploadFile(ImageInput image, byte[] bytes, string work)
        {
            Directory.CreateDirectory(work);
            string path = Path.Combine(work, "upload-" + Guid.NewGuid().ToString("N") + "-" + Wire.EditMultipartBuilder.SafeFileName(image.FileName));
            File.WriteAllBytes(path, bytes);
            return path;
        }

        private static BatchRecordRow RowFor(string customId, ImageJob job)
        {
            ImageGenerationRequest r = job.Request;
            var row = new BatchRecordRow
            {
                CustomId = customId,
                RowNumber = job.RowNumber,
                Prompt = r.Prompt,
                Model = r.Model,
                Size = r.Size,
                Quality = r.Quality,
                OutputFormat = r.OutputFormat,
                Compression = r.Compression,
                Background = r.Background,
                Moderation = r.Moderation,
                Count = r.Count,
                User = r.User,
                EstimatedCostUsd = CostEstimator.Estimate(r, batchApi: true) is { IsKnownModel: true } estimate ? estimate.Usd : (decimal?)null,
            };
            foreach (var field in job.SourceFields) row.SourceFields[field.Key] = field.Value;
            if (r is ImageEditRequest edit)
            {
                row.InputFidelity = edit.InputFidelity;
                row.InputImages = edit.Images.Select(i => i.ToString()).ToList();
                row.MaskPath = edit.MaskPath ?? edit.Mask?.ToString();
            }
            return row;
        }

        private static void TryDelete(string folder)
        {
            try { if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); }
            catch (IOException) { /* a temp folder left behind is harmless */ }
            catch (UnauthorizedAccessException) { }
        }
    }
}
