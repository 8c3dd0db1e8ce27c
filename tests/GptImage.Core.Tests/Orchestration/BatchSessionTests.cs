using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using GptImage.Orchestration;
using Xunit;

namespace GptImage.Tests.Orchestration
{
    public class BatchSessionTests
    {
        [Fact]
        public void Streams_every_row_and_calls_the_sink_only_on_the_submitting_thread()
        {
            var client = new FakeImageClient { Delay = TimeSpan.FromMilliseconds(20) };
            var sink = new RecordingSink();
            using var session = new BatchSession(client, new BatchOptions { ThrottleLimit = 4, NoCache = true, ExpectedTotal = 30 }, CancellationToken.None);
            for (int i = 0; i < 30; i++) session.Submit(Jobs.Generate("a lighthouse " + i), sink);
            session.Complete(sink);

            Assert.Equal(30, sink.Results.Count);
            Assert.Empty(sink.Errors);
            Assert.Equal(new[] { Environment.CurrentManagedThreadId }, sink.Threads.ToArray());
            Assert.All(sink.Results, r => Assert.NotNull(r.Bytes));
            Assert.Equal(Enumerable.Range(1, 30), sink.Results.Select(r => r.RowNumber).OrderBy(n => n));
            Assert.Equal(30, session.Summary.Succeeded);
            Assert.True(client.MaxConcurrency <= 4, $"max concurrency {client.MaxConcurrency}");
        }

        [Fact]
        public void Submit_blocks_at_capacity_so_rows_in_the_session_stay_bounded()
        {
            var client = new FakeImageClient { Delay = TimeSpan.FromMilliseconds(30) };
            var sink = new RecordingSink();
            var options = new BatchOptions { ThrottleLimit = 2, QueueLimit = 1, NoCache = true };
            using var session = new BatchSession(client, options, CancellationToken.None);
            int worst = 0;
            for (int i = 0; i < 20; i++)
            {
                session.Submit(Jobs.Generate("row " + i), sink);
                worst = Math.Max(worst, (i + 1) - sink.Finished);
            }
            session.Complete(sink);
            Assert.True(worst <= 3, $"{worst} rows were accepted but unfinished at once; capacity is 3");
            Assert.Equal(20, sink.Results.Count);
        }

        [Fact]
        public void A_job_the_cmdlet_already_checked_is_not_checked_again_unless_a_template_changes_its_prompt()
        {
            // The session trusts PreflightDone (so Edit-GptImage's mask is decoded once, before -WhatIf); an unfilled
            // -Template prompt is different text, so that job is checked again. A size no model accepts shows which ran.
            var client = new FakeImageClient();
            var sink = new RecordingSink();
            using var session = new BatchSession(client, new BatchOptions { NoCache = true }, CancellationToken.None);
            var trusted = Jobs.Generate("checked by the cmdlet");
            trusted.Request.Size = "1000x1000";
            trusted.PreflightDone = true;
            session.Submit(trusted, sink);
            var templated = Jobs.Generate("ignored");
            templated.Request.Size = "1000x1000";
            templated.PreflightDone = true;
            templated.PromptTemplate = "Shot of {Prompt}";
            session.Submit(templated, sink);
            session.Complete(sink);

            Assert.Equal(1, client.Calls);
            Assert.Equal(ErrorIds.InvalidSize, Assert.IsType<GptImageValidationException>(Assert.Single(sink.Errors).Error).ErrorId);
        }

        [Fact]
        public void A_failing_row_is_reported_with_its_job_and_the_batch_goes_on()
        {
            var client = new FakeImageClient();
            var sink = new RecordingSink();
            using var session = new BatchSession(client, new BatchOptions { NoCache = true }, CancellationToken.None);
            session.Submit(Jobs.Generate("fine one"), sink);
            var bad = Jobs.Generate("please fail");
            session.Submit(bad, sink);
            var empty = Jobs.Generate("   ");
            session.Submit(empty, sink);
            session.Submit(Jobs.Generate("fine two"), sink);
            session.Complete(sink);

            Assert.Equal(2, sink.Results.Count);
            Assert.Equal(2, sink.Errors.Count);
            var api = Assert.IsType<GptImageApiException>(sink.Errors.Single(e => e.Job == bad).Error);
            Assert.Equal(ErrorIds.ServerError, api.ErrorId);
            var validation = Assert.IsType<GptImageValidationException>(sink.Errors.Single(e => e.Job == empty).Error);
            Assert.Equal(ErrorIds.InvalidPrompt, validation.ErrorId);
            Assert.Equal(3, client.Calls); // the empty prompt never reached the client
            Assert.Equal(2, session.Summary.Failed);
        }

        [Fact]
        public void Cancel_stops_requests_in_flight_at_once()
        {
            var client = new FakeImageClient { Delay = TimeSpan.FromSeconds(30) };
            var sink = new RecordingSink();
            using var cts = new CancellationTokenSource();
            using var session = new BatchSession(client, new BatchOptions { ThrottleLimit = 3, NoCache = true }, cts.Token);
            for (int i = 0; i < 3; i++) session.Submit(Jobs.Generate("slow " + i), sink);
            var watch = Stopwatch.StartNew();
            cts.Cancel();
            session.Complete(sink);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"Complete took {watch.Elapsed} after cancel");
            Assert.True(session.Summary.Cancelled);
            Assert.Empty(sink.Results);
            Assert.Equal(3, session.Summary.NotRun);
            Assert.Throws<OperationCanceledException>(() => session.Submit(Jobs.Generate("late"), sink));
        }

        [Fact]
        public void Output_directory_gets_each_image_named_by_the_template_and_bytes_are_released()
        {
            string dir = Jobs.TempDirectory();
            var client = new FakeImageClient();
            var sink = new RecordingSink();
            var options = new BatchOptions { OutputDirectory = dir, FileNameTemplate = "{Sku}-{Index}" };
            using (var session = new BatchSession(client, options, CancellationToken.None))
            {
                session.Submit(Jobs.Generate("red mug", sku: "MUG/1", count: 2), sink);
                session.Submit(Jobs.Generate("blue cup", sku: "CUP:2"), sink);
                session.Complete(sink);
            }
            Assert.Equal(3, sink.Results.Count);
            Assert.All(sink.Results, r => { Assert.Null(r.Bytes); Assert.True(File.Exists(r.Path)); });
            var names = sink.Results.Select(r => Path.GetFileName(r.Path!)).OrderBy(n => n).ToArray();
            Assert.Equal(new[] { "CUP_2-0.png", "MUG_1-0.png", "MUG_1-1.png" }, names);
            foreach (var r in sink.Results) Assert.Equal(r.Sha256, AtomicFile.Sha256Hex(File.ReadAllBytes(r.Path!)));
            Assert.Empty(Directory.GetFiles(dir, AtomicFile.TempPrefix + "*", SearchOption.AllDirectories));
        }

        [Fact]
        public void A_rerun_is_served_from_the_cache_without_any_api_call()
        {
            string dir = Jobs.TempDirectory();
            var options = new BatchOptions { OutputDirectory = dir, FileNameTemplate = "{Sku}" };
            var first = new FakeImageClient();
            using (var session = new BatchSession(first, options, CancellationToken.None))
            {
                var sink = new RecordingSink();
                for (int i = 0; i < 5; i++) session.Submit(Jobs.Generate("item " + i, sku: "S" + i), sink);
                session.Complete(sink);
                Assert.Equal(5, first.Calls);
            }
            var second = new FakeImageClient();
            var rerun = new RecordingSink();
            using (var session = new BatchSession(second, options, CancellationToken.None))
            {
                for (int i = 0; i < 5; i++) session.Submit(Jobs.Generate("item " + i, sku: "S" + i), rerun);
                session.Complete(rerun);
                Assert.Equal(5, session.Summary.Cached);
                Assert.Equal(0m, session.Summary.ActualCostUsd);
                Assert.True(session.Summary.SavedCostUsd > 0);
            }
            Assert.Equal(0, second.Calls);
            Assert.Empty(rerun.Errors); // identical files already on disk are not a clobber
            Assert.All(rerun.Results, r => { Assert.Equal(GptImageResult.StatusCached, r.Status); Assert.True(r.FromCache); Assert.Equal(0m, r.CostUsd); });
            Assert.True(Directory.Exists(Path.Combine(dir, ".gptimage-cache")));
        }

        [Fact]
        public void Every_result_carries_the_actual_cost_of_its_usage()
        {
            var client = new FakeImageClient();
            var sink = new RecordingSink();
            using var session = new BatchSession(client, new BatchOptions { NoCache = true }, CancellationToken.None);
            session.Submit(Jobs.Generate("one image"), sink);
            session.Submit(Jobs.Generate("two images", count: 2), sink);
            session.Complete(sink);

            // The fake reports 10 text tokens in and 1056 out per image; the price list turns usage into USD.
            decimal single = CostCalculator.Actual("gpt-image-2", new ImageUsage { InputTokens = 10, TextTokens = 10, OutputTokens = 1056 })!.Value;
            decimal pair = CostCalculator.Actual("gpt-image-2", new ImageUsage { InputTokens = 10, TextTokens = 10, OutputTokens = 2112 })!.Value;
            Assert.Equal(3, sink.Results.Count);
            Assert.All(sink.Results, r => Assert.NotNull(r.Usage));
            Assert.Equal(single, sink.Results.Single(r => r.Prompt == "one image").CostUsd);
            Assert.All(sink.Results.Where(r => r.Prompt == "two images"), r => Assert.Equal(pair / 2, r.CostUsd));
            Assert.Equal(single + pair, session.Summary.ActualCostUsd);
        }

        [Fact]
        public void CacheDirectory_moves_the_cache_out_of_the_output_folder_and_a_rerun_uses_it()
        {
            string output = Jobs.TempDirectory(), cache = Jobs.TempDirectory();
            var options = new BatchOptions { OutputDirectory = output, CacheDirectory = cache, FileNameTemplate = "{Sku}" };
            using (var session = new BatchSession(new FakeImageClient(), options, CancellationToken.None))
            {
                var sink = new RecordingSink();
                session.Submit(Jobs.Generate("moved cache", sku: "M1"), sink);
                session.Complete(sink);
            }
            Assert.False(Directory.Exists(Path.Combine(output, ".gptimage-cache")));
            Assert.NotEmpty(Directory.GetFiles(cache, "*.json", SearchOption.AllDirectories));

            var second = new FakeImageClient();
            var rerun = new RecordingSink();
            using (var session = new BatchSession(second, options, CancellationToken.None))
            {
                session.Submit(Jobs.Generate("moved cache", sku: "M1"), rerun);
                session.Complete(rerun);
            }
            Assert.Equal(0, second.Calls);
            Assert.Equal(GptImageResult.StatusCached, Assert.Single(rerun.Results).Status);
        }

        [Fact]
        public void Identical_rows_within_one_run_are_requested_once()
        {
            var client = new FakeImageClient { Delay = TimeSpan.FromMilliseconds(100) };
            var sink = new RecordingSink();
            using var session = new BatchSession(client, new BatchOptions { ThrottleLimit = 4 }, CancellationToken.None);
            for (int i = 0; i < 4; i++) session.Submit(Jobs.Generate("the same prompt"), sink);
            session.Complete(sink);
            Assert.Equal(1, client.Calls);
            Assert.Equal(4, sink.Results.Count);
            Assert.Equal(1, sink.Results.Count(r => r.Status == GptImageResult.StatusSucceeded));
            Assert.Equal(3, sink.Results.Count(r => r.Status == GptImageResult.StatusCached));
            Assert.Single(sink.Results.Select(r => r.Sha256).Distinct());
        }

        [Fact]
        public void NoCache_requests_identical_rows_again()
        {
            var client = new FakeImageClient();
            var sink = new RecordingSink();
            using var session = new BatchSession(client, new BatchOptions { NoCache = true }, CancellationToken.None);
            for (int i = 0; i < 3; i++) session.Submit(Jobs.Generate("again"), sink);
            session.Complete(sink);
            Assert.Equal(3, client.Calls);
        }

        [Fact]
        public void MaxCost_stops_new_requests_and_reports_the_rows_not_run()
        {
            // The fake reports the tokens the estimator expects for gpt-image-2 low 1024x1024, so actual = estimate.
            var client = new FakeImageClient { Delay = TimeSpan.FromMilliseconds(1), OutputTokensPerImage = 200 };
            var sink = new RecordingSink();
            decimal one = CostEstimator.Estimate(Jobs.Generate("x").Request).Usd;
            var options = new BatchOptions { ThrottleLimit = 1, NoCache = true, MaxCost = one * 3.5m };
            using var session = new BatchSession(client, options, CancellationToken.None);
            for (int i = 0; i < 10; i++) session.Submit(Jobs.Generate("x" + i), sink);
            session.Complete(sink);

            Assert.True(client.Calls >= 1 && client.Calls <= 3, $"{client.Calls} calls");
            Assert.Equal(10 - client.Calls, session.Summary.NotRun);
            Assert.True(session.Summary.CostLimitReached);
            Assert.True(session.Summary.ActualCostUsd <= options.MaxCost);
            var notRun = sink.Errors.Select(e => Assert.IsType<GptImageBatchException>(e.Error)).ToList();
            Assert.Equal(10 - client.Calls, notRun.Count);
            Assert.All(sink.Results, r => Assert.Equal(one, r.EstimatedCostUsd));
            Assert.All(notRun, e => Assert.Equal(ErrorIds.CostLimitReached, e.ErrorId));
        }

        [Fact]
        public void A_template_row_without_the_column_is_an_error_that_names_it()
        {
            var client = new FakeImageClient();
            var sink = new RecordingSink();
            using var session = new BatchSession(client, new BatchOptions { NoCache = true }, CancellationToken.None);
            var good = Jobs.Generate("ignored", sku: "A1");
            good.PromptTemplate = "Product shot of {Sku} on {{white}}";
            var bad = Jobs.Generate("ignored");
            bad.PromptTemplate = "Product shot of {Sku}";
            session.Submit(good, sink);
            session.Submit(bad, sink);
            session.Complete(sink);

            Assert.Equal("Product shot of A1 on {white}", Assert.Single(sink.Results).Prompt);
            var error = Assert.IsType<GptImageValidationException>(Assert.Single(sink.Errors).Error);
            Assert.Equal(ErrorIds.TemplateColumnMissing, error.ErrorId);
            Assert.Contains("'Sku'", error.Message);
            Assert.Equal(1, client.Calls);
        }

        [Fact]
        public void Piped_input_shows_done_of_submitted_and_a_rate_then_a_total_and_time_left_once_the_input_ends()
        {
            // Two rows finish, two are held until the progress shows the total: no timing decides what is asserted.
            using var held = new ManualResetEventSlim(false);
            var client = new FakeImageClient { OnCall = r => { if (r.Prompt.StartsWith("held")) held.Wait(TimeSpan.FromSeconds(60)); } };
            var sink = new ProgressSink(p => { if (p.Total.HasValue) held.Set(); });
            using var session = new BatchSession(client, new BatchOptions { ThrottleLimit = 4, NoCache = true }, CancellationToken.None);
            session.Submit(Jobs.Generate("quick 1"), sink);
            session.Submit(Jobs.Generate("quick 2"), sink);
            session.Submit(Jobs.Generate("held 1"), sink);
            session.Submit(Jobs.Generate("held 2"), sink);
            Assert.True(SpinWait.SpinUntil(() => { session.Pump(sink); return sink.Inner.Results.Count == 2; }, TimeSpan.FromSeconds(60)));

            BatchProgress running = sink.Inner.Progress.Last();
            Assert.Null(running.Total);
            Assert.Equal(-1, running.PercentComplete);
            Assert.Equal((2, 4), (running.Done, running.Submitted));
            Assert.True(running.RowsPerMinute > 0);
            Assert.StartsWith("2 done of 4 submitted so far", running.Status);
            Assert.Contains("rows/min", running.Status);

            session.Complete(sink);

            // The first snapshot after the input ended already has the total and an estimate for the rows left.
            BatchProgress ended = sink.Inner.Progress.First(p => p.Total.HasValue);
            Assert.Equal((2, 4, 50), (ended.Done, ended.Total!.Value, ended.PercentComplete));
            Assert.True(ended.Remaining.HasValue);
            Assert.StartsWith("2 of 4", ended.Status);
            // The host shows the time left from SecondsRemaining; the status text must not say it a second time.
            Assert.DoesNotContain("left", ended.Status);
            Assert.Equal((4, 100), (sink.Inner.Progress.Last().Done, sink.Inner.Progress.Last().PercentComplete));
        }

        private sealed class ProgressSink : IJobSink
        {
            private readonly Action<BatchProgress> _onProgress;
            public ProgressSink(Action<BatchProgress> onProgress) => _onProgress = onProgress;
            public RecordingSink Inner { get; } = new RecordingSink();
            public void OnResult(GptImageResult result) => Inner.OnResult(result);
            public void OnError(ImageJob job, Exception error) => Inner.OnError(job, error);
            public void OnProgress(BatchProgress progress) { Inner.OnProgress(progress); _onProgress(progress); }
            public void OnVerbose(string message) => Inner.OnVerbose(message);
            public void OnWarning(string message) => Inner.OnWarning(message);
        }

        [Fact]
        public void Progress_counts_to_the_expected_total_with_an_estimate_of_time_left()
        {
            var sink = new RecordingSink();
            // One row in flight and two queued: the fourth Submit must wait for a row to end (its _done counts before
            // its slot frees) and then pumps, so a snapshot part-way through exists whatever the timing. With the
            // default limits all eight rows are taken at once and may all end before the first pump.
            using var session = new BatchSession(new FakeImageClient(), new BatchOptions { NoCache = true, ExpectedTotal = 8, ThrottleLimit = 1 }, CancellationToken.None);
            for (int i = 0; i < 8; i++) session.Submit(Jobs.Generate("p" + i), sink);
            session.Complete(sink);
            BatchProgress last = sink.Progress.Last();
            Assert.Equal(8, last.Done);
            Assert.Equal(100, last.PercentComplete);
            Assert.Contains(sink.Progress, p => p.Done > 0 && p.Done < 8 ? p.Remaining.HasValue : false);
            Assert.Contains(sink.Verbose, v => v.Contains("8 succeeded"));
        }

        [Fact]
        public void An_existing_file_with_other_content_is_never_overwritten_without_Force()
        {
            string dir = Jobs.TempDirectory();
            string existing = Path.Combine(dir, "A1.png");
            File.WriteAllText(existing, "precious");
            var sink = new RecordingSink();
            using (var session = new BatchSession(new FakeImageClient(), new BatchOptions { OutputDirectory = dir, FileNameTemplate = "{Sku}" }, CancellationToken.None))
            {
                session.Submit(Jobs.Generate("mug", sku: "A1"), sink);
                session.Complete(sink);
            }
            var error = Assert.IsType<GptImageBatchException>(Assert.Single(sink.Errors).Error);
            Assert.Equal(ErrorIds.FileExists, error.ErrorId);
            Assert.Equal("precious", File.ReadAllText(existing));

            var forced = new RecordingSink();
            using (var session = new BatchSession(new FakeImageClient(), new BatchOptions { OutputDirectory = dir, FileNameTemplate = "{Sku}", Force = true }, CancellationToken.None))
            {
                session.Submit(Jobs.Generate("mug", sku: "A1"), forced);
                session.Complete(forced);
            }
            Assert.Empty(forced.Errors);
            Assert.Equal(Assert.Single(forced.Results).Sha256, AtomicFile.Sha256Hex(File.ReadAllBytes(existing)));
        }

        [Fact]
        public void Manifest_gets_a_row_per_image_and_per_failure_and_the_totals_go_to_its_summary()
        {
            string dir = Jobs.TempDirectory();
            string manifest = Path.Combine(dir, "manifest.csv");
            var sink = new RecordingSink();
            using (var session = new BatchSession(new FakeImageClient(), new BatchOptions { OutputDirectory = dir, ManifestPath = manifest, NoCache = true }, CancellationToken.None))
            {
                session.Submit(Jobs.Generate("one", sku: "A"), sink);
                session.Submit(Jobs.Generate("two fail", sku: "B"), sink);
                session.Complete(sink);
            }
            string[] lines = File.ReadAllLines(manifest);
            Assert.Equal(3, lines.Length); // header and 2 rows: no totals row to be summed with them
            Assert.StartsWith("Status,RowNumber,Index,Prompt", lines[0].TrimStart('\uFEFF'));
            Assert.StartsWith("Succeeded,1,", lines[1]);
            Assert.Contains(sink.Results[0].Path!, lines[1]);
            Assert.StartsWith("Failed,2,", lines[2]);
            Assert.Contains(ErrorIds.ServerError, lines[2]);
            Assert.Contains("\"Failed\": 1", File.ReadAllText(Path.Combine(dir, "manifest.summary.json")));
        }
    }
}

namespace GptImage.Tests.Orchestration
{
    public class EditPreflightTests
    {
        [Fact]
        public void A_mask_of_another_size_is_the_rows_MaskMismatch_before_any_upload()
        {
            string dir = Jobs.TempDirectory();
            string image = System.IO.Path.Combine(dir, "photo.png"), mask = System.IO.Path.Combine(dir, "mask.png"), goodMask = System.IO.Path.Combine(dir, "good.png");
            var transparent = new byte[64 * 64 * 4];
            System.IO.File.WriteAllBytes(image, GptImage.Imaging.PngEncoder.EncodeRgba(64, 64, transparent));
            System.IO.File.WriteAllBytes(goodMask, GptImage.Imaging.PngEncoder.EncodeRgba(64, 64, transparent));
            System.IO.File.WriteAllBytes(mask, GptImage.Imaging.PngEncoder.EncodeRgba(32, 32, new byte[32 * 32 * 4]));
            ImageJob Edit(string m) { var r = new ImageEditRequest { Prompt = "add a hat", MaskPath = m }; r.Images.Add(image); return new ImageJob(r); }

            var client = new FakeImageClient();
            var sink = new RecordingSink();
            using (var session = new BatchSession(client, new BatchOptions { NoCache = true }, System.Threading.CancellationToken.None))
            {
                var bad = Edit(mask);
                session.Submit(bad, sink);
                session.Submit(Edit(goodMask), sink);
                session.Complete(sink);
                var error = Assert.IsType<GptImageValidationException>(Assert.Single(sink.Errors).Error);
                Assert.Equal(ErrorIds.MaskMismatch, error.ErrorId);
                Assert.Contains("-MaskPath", error.Message);
                Assert.Same(bad, sink.Errors[0].Job);
            }
            Assert.Equal(1, client.Calls);
            Assert.Single(sink.Results);
            Assert.Equal(image, sink.Results[0].InputImages);
        }
    }
}
