using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using GptImage.BatchApi;
using GptImage.Orchestration;
using Xunit;

namespace GptImage.Tests.BatchApi
{
    /// <summary>Submit, poll and receive against the emulator's files and batches endpoints.</summary>
    public sealed class BatchRoundTripTests
    {
        [Fact]
        public async Task Rows_map_back_by_custom_id_with_partial_failures_in_the_error_file()
        {
            await using BatchHarness h = await BatchHarness.StartAsync();
            var jobs = new[]
            {
                BatchHarness.Generation(1, "a lighthouse at dusk"),
                BatchHarness.Generation(2, "a forbidden thing"),          // the emulator's moderation word
                BatchHarness.Generation(3, "a red fox"),
            };
            jobs[2].Request.Size = "1536x1024";

            BatchRecord record = Assert.Single(await h.Submitter().SubmitAsync(jobs, h.SubmitOptions()));
            BatchInfo done = await h.WaitAsync(record.BatchId);
            Assert.Equal("completed", done.Status);
            Assert.Equal((3, 2, 1), (done.Total, done.Completed, done.Failed));
            Assert.NotNull(done.ErrorFileId);

            var results = h.Receiver().Receive(record, new BatchReceiveOptions { WorkFolder = h.Work }).ToList();
            Assert.Equal(new[] { 1, 2, 3 }, results.Select(r => r.RowNumber).OrderBy(n => n).ToArray());

            GptImageResult fox = results.Single(r => r.RowNumber == 3);
            Assert.Equal(GptImageResult.StatusSucceeded, fox.Status);
            Assert.Equal("a red fox", fox.Prompt);
            Assert.Equal("SKU-3", fox.SourceFields["Sku"]);
            Assert.Equal("1536x1024", fox.Size);
            ImageInfo info = ImageInspector.Inspect(WriteTemp(h, fox.Bytes!));
            Assert.Equal((1536, 1024), (info.Width, info.Height));
            Assert.Equal(AtomicFile.Sha256Hex(fox.Bytes!), fox.Sha256);
            Assert.NotNull(fox.Usage);
            // Batch price: half of what the same usage costs on a direct call.
            Assert.Equal(CostCalculator.Actual("gpt-image-2", fox.Usage) * PriceTable.BatchDiscount, fox.CostUsd);
            Assert.True(fox.CostUsd > 0);

            GptImageResult blocked = results.Single(r => r.RowNumber == 2);
            Assert.Equal(GptImageResult.StatusFailed, blocked.Status);
            Assert.Equal(ErrorIds.ModerationBlocked, blocked.ErrorId);
            Assert.Null(blocked.Bytes);
            Assert.Equal("SKU-2", blocked.SourceFields["Sku"]);
        }

        [Fact]
        public async Task Uploaded_input_file_is_jsonl_with_purpose_batch_and_spec_shaped_lines()
        {
            await using BatchHarness h = await BatchHarness.StartAsync();
            BatchRecord record = Assert.Single(await h.Submitter().SubmitAsync(new[] { BatchHarness.Generation(4, "one"), BatchHarness.Generation(9, "two") }, h.SubmitOptions()));

            var upload = h.Server.Counters.Requests.Single(r => r.Method == "POST" && r.Path == "/v1/files");
            Assert.StartsWith("multipart/form-data", upload.ContentType);
            var create = h.Server.Counters.Requests.Single(r => r.Method == "POST" && r.Path == "/v1/batches");
            Assert.Equal(200, create.StatusCode);

            string local = Path.Combine(h.Root, "input.jsonl");
            await h.Api.DownloadFileAsync(record.InputFileId, local);
            string[] lines = File.ReadAllLines(local);
            Assert.Equal(2, lines.Length);
            var ids = new List<string>();
            foreach (string line in lines)
            {
                using JsonDocument doc = JsonDocument.Parse(line);
                Assert.Equal(SpecFields.BatchRequestInput, doc.RootElement.EnumerateObject().Select(p => p.Name).ToHashSet());
                Assert.All(doc.RootElement.GetProperty("body").EnumerateObject(), p => Assert.Contains(p.Name, SpecFields.CreateImageRequest));
                ids.Add(doc.RootElement.GetProperty("custom_id").GetString()!);
            }
            Assert.Equal(new[] { "row-000004", "row-000009" }, ids);
            Assert.Equal(new[] { "row-000004", "row-000009" }, record.Rows.Select(r => r.CustomId));

            BatchInfo info = await h.Api.GetBatchAsync(record.BatchId);
            Assert.Equal("/v1/images/generations", info.Endpoint);
            Assert.Equal("24h", info.CompletionWindow);
            Assert.Equal(record.SubmissionId, info.Metadata[BatchSubmitter.MetadataSubmission]);
            Assert.Equal("1/1", info.Metadata[BatchSubmitter.MetadataPart]);
        }

        [Fact]
        public async Task A_submission_over_the_limit_becomes_several_batches_that_each_map_back()
        {
            await using BatchHarness h = await BatchHarness.StartAsync();
            var jobs = Enumerable.Range(1, 5).Select(i => BatchHarness.Generation(i, "picture " + i)).ToArray();
            var records = await h.Submitter().SubmitAsync(jobs, h.SubmitOptions(new BatchLimits { MaxRequestsPerFile = 2 }));

            Assert.Equal(3, records.Count);
            Assert.Equal(3, h.CountRequests("POST", "/v1/batches"));
            Assert.Single(records.Select(r => r.SubmissionId).Distinct());
            Assert.Equal(new[] { "1/3", "2/3", "3/3" }, records.Select(r => $"{r.Part}/{r.Parts}"));
            Assert.Equal(new[] { 2, 2, 1 }, records.Select(r => r.Rows.Count));

            var results = new List<GptImageResult>();
            foreach (BatchRecord record in records)
            {
                await h.WaitAsync(record.BatchId);
                results.AddRange(h.Receiver().Receive(record, new BatchReceiveOptions { WorkFolder = h.Work }));
            }
            Assert.Equal(Enumerable.Range(1, 5), results.Select(r => r.RowNumber).OrderBy(n => n));
            Assert.All(results, r => Assert.Equal("picture " + r.RowNumber, r.Prompt));
            Assert.All(results, r => Assert.Equal(GptImageResult.StatusSucceeded, r.Status));
        }

        [Fact]
        public async Task Edits_upload_each_distinct_image_once_and_reference_it_by_file_id()
        {
            await using BatchHarness h = await BatchHarness.StartAsync();
            string image = h.WriteImage("product.png", 64, 64);
            string mask = h.WriteImage("mask.png", 64, 64, transparent: true);
            var jobs = Enumerable.Range(1, 2).Select(i =>
            {
                var edit = new ImageEditRequest { Prompt = "add a hat " + i, Size = "1024x1024", Quality = "low", MaskPath = mask };
                edit.Images.Add(image);
                return new ImageJob(edit) { RowNumber = i };
            }).ToArray();

            BatchRecord record = Assert.Single(await h.Submitter().SubmitAsync(jobs, h.SubmitOptions()));
            Assert.Equal(BatchEndpoints.Edits, record.Endpoint);
            // One upload for the image, one for the mask (both rows share them), one for the JSONL.
            Assert.Equal(3, h.CountRequests("POST", "/v1/files"));
            Assert.Equal(2, record.UploadedImageFileIds.Count);

            BatchInfo done = await h.WaitAsync(record.BatchId);
            Assert.Equal((2, 0), (done.Completed, done.Failed));
            var results = h.Receiver().Receive(record, new BatchReceiveOptions { WorkFolder = h.Work }).ToList();
            Assert.Equal(2, results.Count);
            Assert.All(results, r => Assert.Equal(GptImageResult.StatusSucceeded, r.Status));
            Assert.All(results, r => Assert.Equal(image, r.InputImages));
            Assert.All(results, r => Assert.Equal(mask, r.MaskPath));
        }

        [Fact]
        public async Task Receiving_twice_or_from_a_new_session_writes_no_second_copy()
        {
            await using BatchHarness h = await BatchHarness.StartAsync();
            BatchRecord submitted = Assert.Single(await h.Submitter().SubmitAsync(
                new[] { BatchHarness.Generation(1, "one"), BatchHarness.Generation(2, "two") }, h.SubmitOptions()));
            await h.WaitAsync(submitted.BatchId);

            var options = new BatchReceiveOptions { WorkFolder = h.Work, OutputDirectory = h.Output };
            var first = h.Receiver().Receive(submitted, options).ToList();
            Assert.Equal(2, Directory.GetFiles(h.Output).Length);
            DateTime[] writtenAt = first.Select(r => File.GetLastWriteTimeUtc(r.Path!)).ToArray();

            // "Tomorrow": a new store over the same folder finds the record by id alone.
            var tomorrow = new BatchRecordStore(h.Store.Folder);
            BatchRecord reloaded = tomorrow.Load(submitted.BatchId)!;
            Assert.NotNull(reloaded.ReceivedAt);
            Assert.Equal(1, reloaded.ReceiveCount);
            var log = new List<string>();
            var second = new BatchReceiver(h.Client, tomorrow).Receive(reloaded, new BatchReceiveOptions { WorkFolder = h.Work, OutputDirectory = h.Output, Log = log.Add }).ToList();

            Assert.Equal(2, Directory.GetFiles(h.Output).Length);
            Assert.Equal(first.Select(r => r.Path), second.Select(r => r.Path));
            Assert.Equal(first.Select(r => r.Sha256), second.Select(r => r.Sha256));
            Assert.Equal(writtenAt, second.Select(r => File.GetLastWriteTimeUtc(r.Path!)).ToArray());
            Assert.Contains(log, l => l.Contains("received before"));
            Assert.Equal(2, log.Count(l => l.Contains("already there with the same content")));
            Assert.Equal(2, tomorrow.Load(submitted.BatchId)!.ReceiveCount);
        }

        [Fact]
        public async Task A_cancelled_batch_reports_every_row_not_run()
        {
            await using BatchHarness h = await BatchHarness.StartAsync(o => o.BatchCompletionDelay = TimeSpan.FromHours(1));
            BatchRecord record = Assert.Single(await h.Submitter().SubmitAsync(
                new[] { BatchHarness.Generation(1, "one"), BatchHarness.Generation(2, "two") }, h.SubmitOptions()));

            var notYet = Assert.Throws<GptImageBatchException>(() => h.Receiver().Receive(record, new BatchReceiveOptions { WorkFolder = h.Work }));
            Assert.Equal(BatchErrorIds.NotFinished, notYet.ErrorId);

            BatchInfo cancelling = await h.Api.CancelBatchAsync(record.BatchId);
            Assert.Contains(cancelling.Status, new[] { "cancelling", "cancelled" });
            BatchInfo cancelled = await h.WaitAsync(record.BatchId);
            Assert.Equal("cancelled", cancelled.Status);

            var results = h.Receiver().Receive(record, new BatchReceiveOptions { WorkFolder = h.Work }).ToList();
            Assert.Equal(2, results.Count);
            Assert.All(results, r => Assert.Equal(GptImageResult.StatusNotRun, r.Status));
            Assert.All(results, r => Assert.Equal(BatchErrorIds.NotRun, r.ErrorId));
            Assert.Equal(0, h.Server.Counters.Generations);
        }

        [Fact]
        public async Task The_recorded_estimate_is_the_Batch_API_price_half_the_direct_one()
        {
            await using BatchHarness h = await BatchHarness.StartAsync();
            var jobs = new[] { BatchHarness.Generation(1, "a lighthouse"), BatchHarness.Generation(2, "a red fox") };
            jobs[1].Request.Quality = "high";
            jobs[1].Request.Size = "1536x1024";
            BatchRecord record = Assert.Single(await h.Submitter().SubmitAsync(jobs, h.SubmitOptions()));

            decimal direct = jobs.Sum(j => CostEstimator.Estimate(j.Request).Usd);
            Assert.True(direct > 0);
            Assert.Equal(0.5m, PriceTable.BatchDiscount);
            Assert.Equal(direct * 0.5m, record.EstimatedCostUsd);
            Assert.Equal(CostEstimator.Estimate(jobs[1].Request, batchApi: true).Usd, record.Rows[1].EstimatedCostUsd);
            Assert.Contains("Batch API price", CostEstimator.Estimate(jobs[1].Request, batchApi: true).Basis);
        }

        [Fact]
        public async Task A_wrong_row_stops_the_submission_before_anything_is_uploaded()
        {
            await using BatchHarness h = await BatchHarness.StartAsync();
            var bad = BatchHarness.Generation(2, "fine");
            bad.Request.Size = "1000x1000";
            var error = Assert.Throws<GptImageValidationException>(() =>
                h.Submitter().SubmitAsync(new[] { BatchHarness.Generation(1, "ok"), bad }, h.SubmitOptions()).GetAwaiter().GetResult());
            Assert.Equal(ErrorIds.InvalidSize, error.ErrorId);
            Assert.Equal(0, h.Server.Counters.Total);
        }

        [Fact]
        public async Task The_record_holds_no_key_and_errors_redact_it()
        {
            await using BatchHarness h = await BatchHarness.StartAsync();
            BatchRecord record = Assert.Single(await h.Submitter().SubmitAsync(new[] { BatchHarness.Generation(1, "one") }, h.SubmitOptions()));
            string text = File.ReadAllText(h.Store.PathFor(record.BatchId));
            Assert.DoesNotContain(BatchHarness.Key, text);
            Assert.Contains(record.BatchId, text);

            // A wrong key: the emulator echoes it in its 401 message, the client must not.
            using var wrong = new GptImageClient(new GptImageClientOptions { Endpoint = h.Server.BaseUrl, ApiKey = "sk-proj-FAKE_WRONGKEY9876543210zyxwvuSECRET", MaxRetries = 0 });
            var failure = await Assert.ThrowsAsync<GptImageApiException>(() => new BatchApiClient(wrong).GetBatchAsync(record.BatchId));
            Assert.Equal(ErrorIds.Unauthorized, failure.ErrorId);
            Assert.DoesNotContain("WRONGKEY9876543210", failure.ToString());
        }

        [Fact]
        public async Task Creating_a_batch_is_not_retried_after_a_fault_that_may_have_created_it()
        {
            await using BatchHarness h = await BatchHarness.StartAsync();
            using var flaky = new GptImageClient(new GptImageClientOptions
            {
                Endpoint = h.Server.BaseUrl, ApiKey = BatchHarness.Key, MaxRetries = 3,
                HttpHandler = new FailBatchCreate(new System.Net.Http.SocketsHttpHandler(), failingCall: 1),
            });
            var error = await Assert.ThrowsAsync<GptImageApiException>(() =>
                new BatchSubmitter(flaky, h.Store).SubmitAsync(new[] { BatchHarness.Generation(1, "one") }, h.SubmitOptions()));
            Assert.Equal(ErrorIds.ServerError, error.ErrorId);
            Assert.Equal(0, h.CountRequests("POST", "/v1/batches"));   // the handler answered 500 itself, once, and no retry reached the server
            Assert.Empty(h.Store.List());
        }

        [Fact]
        public async Task When_a_later_part_fails_the_parts_already_created_stay_recorded_under_the_submission()
        {
            await using BatchHarness h = await BatchHarness.StartAsync();
            using var flaky = new GptImageClient(new GptImageClientOptions
            {
                Endpoint = h.Server.BaseUrl, ApiKey = BatchHarness.Key, MaxRetries = 3,
                HttpHandler = new FailBatchCreate(new System.Net.Http.SocketsHttpHandler(), failingCall: 2),
            });
            BatchSubmitOptions options = h.SubmitOptions(new BatchLimits { MaxRequestsPerFile = 2 });
            var jobs = Enumerable.Range(1, 3).Select(i => BatchHarness.Generation(i, "p" + i)).ToArray();
            await Assert.ThrowsAsync<GptImageApiException>(() => new BatchSubmitter(flaky, h.Store).SubmitAsync(jobs, options));

            BatchRecord first = Assert.Single(h.Store.List());
            Assert.Equal(options.SubmissionId, first.SubmissionId);
            Assert.Equal((1, 2), (first.Part, first.Parts));
            Assert.Equal(new[] { 1, 2 }, first.Rows.Select(r => r.RowNumber));
            Assert.Equal(1, h.CountRequests("POST", "/v1/batches"));
        }

        /// <summary>Answers the n-th POST /batches with 500 without passing it on; everything else goes through.</summary>
        private sealed class FailBatchCreate : System.Net.Http.DelegatingHandler
        {
            private readonly int _failingCall;
            private int _calls;
            public FailBatchCreate(System.Net.Http.HttpMessageHandler inner, int failingCall) : base(inner) => _failingCall = failingCall;

            protected override Task<System.Net.Http.HttpResponseMessage> SendAsync(System.Net.Http.HttpRequestMessage request, System.Threading.CancellationToken cancellationToken)
            {
                if (request.Method == System.Net.Http.HttpMethod.Post && request.RequestUri!.AbsolutePath.EndsWith("/batches", StringComparison.Ordinal)
                    && System.Threading.Interlocked.Increment(ref _calls) == _failingCall)
                    return Task.FromResult(new System.Net.Http.HttpResponseMessage(System.Net.HttpStatusCode.InternalServerError)
                    {
                        Content = new System.Net.Http.StringContent("{\"error\":{\"message\":\"boom\",\"type\":\"server_error\",\"code\":\"server_error\"}}"),
                    });
                return base.SendAsync(request, cancellationToken);
            }
        }

        private static string WriteTemp(BatchHarness h, byte[] bytes)
        {
            string path = Path.Combine(h.Root, Guid.NewGuid().ToString("N") + ".png");
            File.WriteAllBytes(path, bytes);
            return path;
        }
    }
}
