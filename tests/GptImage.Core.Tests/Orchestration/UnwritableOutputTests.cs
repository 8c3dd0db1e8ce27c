using System;
using System.IO;
using System.Linq;
using System.Threading;
using GptImage.Orchestration;
using Xunit;

namespace GptImage.Tests.Orchestration
{
    /// <summary>
    /// Paid answers are never lost to a folder that cannot be written: the folders are tried before the first
    /// request, and an answer whose file cannot be written later stays in a cache (the fallback one when the
    /// run's own cache cannot store it either), so the rerun writes it without paying again.
    /// </summary>
    public class UnwritableOutputTests
    {
        [Fact]
        public void An_output_folder_that_is_a_file_fails_before_any_request()
        {
            string root = Jobs.TempDirectory();
            string output = Path.Combine(root, "out");
            File.WriteAllText(output, "not a folder");
            var client = new FakeImageClient();

            var error = Assert.Throws<GptImageBatchException>(() => new BatchSession(client, new BatchOptions { OutputDirectory = output }, CancellationToken.None));

            Assert.Equal(ErrorIds.WriteFailed, error.ErrorId);
            Assert.Contains("-OutputDirectory", error.Message);
            Assert.Contains(output, error.Message);
            Assert.Equal(0, client.Calls);
        }

        [Fact]
        public void An_output_folder_under_a_file_fails_before_any_request()
        {
            string root = Jobs.TempDirectory();
            File.WriteAllText(Path.Combine(root, "file"), "x");
            string output = Path.Combine(root, "file", "out");

            var error = Assert.Throws<GptImageBatchException>(() => new BatchSession(new FakeImageClient(), new BatchOptions { OutputDirectory = output }, CancellationToken.None));

            Assert.Equal(ErrorIds.WriteFailed, error.ErrorId);
        }

        [Fact]
        public void A_cache_folder_that_cannot_be_written_fails_before_any_request()
        {
            string root = Jobs.TempDirectory();
            string cache = Path.Combine(root, "cache");
            File.WriteAllText(cache, "x");

            var error = Assert.Throws<GptImageBatchException>(() =>
                new BatchSession(new FakeImageClient(), new BatchOptions { OutputDirectory = Path.Combine(root, "out"), CacheDirectory = cache }, CancellationToken.None));

            Assert.Equal(ErrorIds.WriteFailed, error.ErrorId);
            Assert.Contains("-CacheDirectory", error.Message);
        }

        [Fact]
        public void Answers_whose_folder_breaks_mid_run_are_kept_in_the_fallback_cache_and_the_rerun_pays_nothing()
        {
            string root = Jobs.TempDirectory();
            string output = Path.Combine(root, "out");
            string fallback = Path.Combine(root, "fallback");
            var options = new BatchOptions { OutputDirectory = output, FileNameTemplate = "{Sku}", FallbackCacheDirectory = fallback };
            var client = new FakeImageClient();
            var sink = new RecordingSink();
            using (var session = new BatchSession(client, options, CancellationToken.None))
            {
                // After the folder check passed and before the first request: the output folder (and its cache) becomes a file.
                Directory.Delete(output, recursive: true);
                File.WriteAllText(output, "in the way");
                for (int i = 0; i < 5; i++) session.Submit(Jobs.Generate("a lighthouse " + i, sku: "S" + i), sink);
                session.Complete(sink);
            }

            Assert.Equal(5, client.Calls);
            Assert.Empty(sink.Results);
            Assert.Equal(5, sink.Errors.Count);
            foreach (var (_, error) in sink.Errors)
            {
                var failed = Assert.IsType<GptImageBatchException>(error);
                Assert.Equal(ErrorIds.WriteFailed, failed.ErrorId);
                Assert.Contains(fallback, failed.Message);
            }
            Assert.Contains(sink.Warnings, w => w.Contains(fallback));

            // The user moves the file away and reruns: every image comes from the fallback cache, none is paid again.
            File.Delete(output);
            var rerun = new RecordingSink();
            using (var session = new BatchSession(client, options, CancellationToken.None))
            {
                for (int i = 0; i < 5; i++) session.Submit(Jobs.Generate("a lighthouse " + i, sku: "S" + i), rerun);
                session.Complete(rerun);
            }
            Assert.Equal(5, client.Calls);
            Assert.Empty(rerun.Errors);
            Assert.Equal(5, rerun.Results.Count(r => r.Status == GptImageResult.StatusCached));
            Assert.All(rerun.Results, r => Assert.Equal(r.Sha256, AtomicFile.Sha256Hex(File.ReadAllBytes(r.Path!))));
            // Moved home: the fallback keeps no copy once the run's own cache holds the answers.
            Assert.Empty(Directory.Exists(fallback) ? Directory.GetFiles(fallback, "*.json", SearchOption.AllDirectories) : new string[0]);
        }

        [Fact]
        public void Rows_of_one_run_never_overwrite_each_other_even_with_Force()
        {
            string output = Path.Combine(Jobs.TempDirectory(), "out");
            var client = new FakeImageClient();
            var sink = new RecordingSink();
            using (var session = new BatchSession(client, new BatchOptions { OutputDirectory = output, FileNameTemplate = "{Sku}", Force = true, ThrottleLimit = 1 }, CancellationToken.None))
            {
                for (int i = 0; i < 3; i++) session.Submit(Jobs.Generate("shirt " + i, sku: "DUP"), sink);
                session.Complete(sink);
            }

            GptImageResult written = Assert.Single(sink.Results);
            Assert.Equal(written.Sha256, AtomicFile.Sha256Hex(File.ReadAllBytes(written.Path!)));
            Assert.Equal(2, sink.Errors.Count);
            Assert.All(sink.Errors, e =>
            {
                var duplicate = Assert.IsType<GptImageBatchException>(e.Error);
                Assert.Equal(ErrorIds.DuplicateFileName, duplicate.ErrorId);
                Assert.Contains($"row {written.RowNumber} ", duplicate.Message);
            });
        }

        [Fact]
        public void Identical_rows_may_share_a_name_because_they_are_one_image()
        {
            string output = Path.Combine(Jobs.TempDirectory(), "out");
            var sink = new RecordingSink();
            using (var session = new BatchSession(new FakeImageClient(), new BatchOptions { OutputDirectory = output, FileNameTemplate = "{Sku}" }, CancellationToken.None))
            {
                for (int i = 0; i < 3; i++) session.Submit(Jobs.Generate("the same shirt", sku: "DUP"), sink);
                session.Complete(sink);
            }
            Assert.Empty(sink.Errors);
            Assert.Equal(3, sink.Results.Count);
            Assert.Single(sink.Results.Select(r => r.Path).Distinct());
        }
    }
}
