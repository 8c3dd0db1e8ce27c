using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using GptImage.Orchestration;
using GptImage.Wire;

namespace GptImage.BatchApi
{
    /// <summary>
    /// Receives a finished batch: downloads its output and error files (to disk, never whole into memory), maps
    /// each line back to its row by custom_id, and yields the same <see cref="GptImageResult"/> objects a direct
    /// New-GptImage/Edit-GptImage run gives: one per image, Failed with the API's error id for rows in the error
    /// file, NotRun for rows a cancelled or expired batch never reached. Results are produced lazily on the
    /// caller's thread, one line at a time. Receiving again re-reads the files; images already on disk with the
    /// same content are not rewritten.
    /// </summary>
    public sealed class BatchReceiver
    {
        private readonly BatchApiClient _api;
        private readonly BatchRecordStore _store;

        public BatchReceiver(GptImageClient client, BatchRecordStore store)
        {
            _api = new BatchApiClient(client ?? throw new ArgumentNullException(nameof(client)));
            _store = store ?? throw new ArgumentNullException(nameof(store));
        }

        /// <summary>
        /// Refreshes the batch's status; throws GptImageBatchException (GptImage.BatchNotFinished) while it still runs.
        /// Then yields the results; the record is marked received once every line was read.
        /// </summary>
        public IEnumerable<GptImageResult> Receive(BatchRecord record, BatchReceiveOptions? options = null, CancellationToken cancellationToken = default)
        {
            if (record is null) throw new ArgumentNullException(nameof(record));
            options ??= new BatchReceiveOptions();
            if (options.OutputDirectory != null) FileNamer.ValidateTemplate(options.FileNameTemplate);
            BatchInfo info = _api.GetBatchAsync(record.BatchId, cancellationToken).GetAwaiter().GetResult();
            record.Update(info);
            _store.Save(record);
            if (!info.IsFinished)
                throw new GptImageBatchException(BatchErrorIds.NotFinished,
                    $"Batch {record.BatchId} is {info.Status} ({info.Completed + info.Failed} of {info.Total} requests done); wait with Get-GptImageBatchJob -Id {record.BatchId} -Wait, then receive it.");
            return ReceiveLines(record, info, options, cancellationToken);
        }

        private IEnumerable<GptImageResult> ReceiveLines(BatchRecord record, BatchInfo info, BatchReceiveOptions options, CancellationToken cancellationToken)
        {
            string work = Path.Combine(options.WorkFolder ?? Path.GetTempPath(), "gptimage-receive-" + Guid.NewGuid().ToString("N").Substring(0, 12));
            Directory.CreateDirectory(work);
            var rows = record.Rows.ToDictionary(r => r.CustomId, StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            if (record.ReceivedAt is DateTimeOffset before)
                options.Log?.Invoke($"Batch {record.BatchId} was received before ({before:u}); files with the same content are left as they are.");
            try
            {
                foreach (string? fileId in new[] { info.OutputFileId, info.ErrorFileId })
                {
                    if (string.IsNullOrEmpty(fileId)) continue;
                    string local = Path.Combine(work, fileId + ".jsonl");
                    long size = _api.DownloadFileAsync(fileId!, local, cancellationToken).GetAwaiter().GetResult();
                    options.Log?.Invoke($"Downloaded {fileId} ({size} bytes) of batch {record.BatchId}.");
                    using var reader = new StreamReader(local, Encoding.UTF8);
                    string? text;
                    while ((text = reader.ReadLine()) != null)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        if (text.Length == 0) continue;
                        BatchOutputLine line = BatchOutputLine.Parse(text, _api.Redact);
                        if (line.CustomId is null || !rows.TryGetValue(line.CustomId, out BatchRecordRow? row))
                        {
                            options.Log?.Invoke($"Skipped an output line with custom_id '{line.CustomId}': no such row in the record of {record.BatchId}.");
                            continue;
                        }
                        if (!seen.Add(line.CustomId)) continue;
                        foreach (GptImageResult result in ResultsFor(row, line, options)) yield return result;
                    }
                }
                foreach (BatchRecordRow row in record.Rows)
                {
                    if (seen.Contains(row.CustomId)) continue;
                    yield return GptImageResult.ForFailure(BatchRows.ToJob(row), GptImageResult.StatusNotRun, BatchErrorIds.NotRun,
                        $"Row {row.RowNumber} ({row.CustomId}) has no result: batch {record.BatchId} ended {info.Status}"
                        + (info.Errors != null ? $" ({info.Errors})." : "."));
                }
                record.ReceivedAt = DateTimeOffset.UtcNow;
                record.ReceiveCount++;
                _store.Save(record);
            }
            finally
            {
                try { Directory.Delete(work, recursive: true); }
                catch (IOException) { /* a temp folder left behind is harmless */ }
                catch (UnauthorizedAccessException) { }
            }
        }

        private IEnumerable<GptImageResult> ResultsFor(BatchRecordRow row, BatchOutputLine line, BatchReceiveOptions options)
        {
            ImageJob job = BatchRows.ToJob(row);
            if (!line.Succeeded)
            {
                Exception error = line.Body != null
                    ? _api.ErrorFor(line.StatusCode, line.Body, line.RequestId)
                    : new GptImageBatchException(BatchErrorIds.RequestFailed, $"The batch could not run row {row.RowNumber}: {line.ErrorCode ?? "error"}: {line.ErrorMessage ?? "no message"}");
                GptImageResult failed = GptImageResult.ForFailure(job, GptImageResult.StatusFailed, ErrorIdOf(error), error.Message);
                failed.RequestId = line.RequestId;
                return new[] { failed };
            }

            ImageResult response;
            try
            {
                response = ImagesResponseParser.Parse(line.Body!, row.Model, line.RequestId, null, 1);
            }
            catch (InvalidResponseException e)
            {
                return new[] { GptImageResult.ForFailure(job, GptImageResult.StatusFailed, ErrorIds.InvalidResponse, e.Message) };
            }
            decimal? cost = CostCalculator.Actual(row.Model, response.Usage, batchApi: true);
            int images = Math.Max(1, response.Images.Count);
            var results = new List<GptImageResult>(images);
            foreach (GeneratedImage image in response.Images)
            {
                GptImageResult result = GptImageResult.ForImage(job, response, image);
                result.CostUsd = cost / images;
                result.EstimatedCostUsd = row.EstimatedCostUsd / images;
                result.Attempts = 1;
                if (options.OutputDirectory != null)
                {
                    try
                    {
                        WriteOutcome outcome = ImageFileWriter.Write(result, options.OutputDirectory, options.FileNameTemplate, options.Layout, options.Force);
                        if (outcome == WriteOutcome.AlreadyPresent) options.Log?.Invoke($"{result.Path} is already there with the same content; left as it is.");
                    }
                    catch (Exception e) when (e is GptImageBatchException || e is GptImageValidationException || e is IOException || e is UnauthorizedAccessException)
                    {
                        result.Bytes = null;
                        result.Status = GptImageResult.StatusFailed;
                        result.ErrorId = ErrorIdOf(e);
                        result.ErrorMessage = e.Message;
                    }
                }
                results.Add(result);
            }
            return results;
        }

        private static string ErrorIdOf(Exception e) => e switch
        {
            GptImageApiException a => a.ErrorId,
            GptImageBatchException b => b.ErrorId,
            GptImageValidationException v => v.ErrorId,
            _ => ErrorIds.WriteFailed,
        };
    }
}
