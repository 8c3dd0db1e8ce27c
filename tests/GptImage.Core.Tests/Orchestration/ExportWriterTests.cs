using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using GptImage.Orchestration;
using Xunit;

namespace GptImage.Tests.Orchestration
{
    public class ExportWriterTests
    {
        private static GptImageResult Image(string sku, string quality, byte[] bytes) => new GptImageResult
        {
            Status = GptImageResult.StatusSucceeded, Prompt = "p " + sku, Model = "gpt-image-2", Quality = quality, Format = "png",
            Bytes = bytes, RowNumber = 1, Created = DateTimeOffset.UtcNow, CostUsd = 0.01m,
            SourceFields = new Dictionary<string, string?> { ["Sku"] = sku },
        };

        [Fact]
        public void Writes_by_layout_and_template_with_a_manifest_that_matches_the_files()
        {
            string dir = Jobs.TempDirectory();
            string manifest = Path.Combine(dir, "manifest.csv");
            var writer = new ExportWriter(new ExportOptions { DestinationPath = dir, FileNameTemplate = "{Sku}", Layout = FileLayout.ByQuality, ManifestPath = manifest });
            var input = Image("A1", "high", FakeImageClient.Png("a"));
            GptImageResult written = writer.Write(input);
            writer.Write(Image("B2", "low", FakeImageClient.Png("b")));
            var failed = new GptImageResult { Status = GptImageResult.StatusFailed, Prompt = "bad", Model = "gpt-image-2", ErrorId = ErrorIds.ModerationBlocked, ErrorMessage = "blocked" };
            writer.Write(failed);
            BatchSummary totals = writer.Complete();

            Assert.Equal(Path.Combine(dir, "high", "A1.png"), written.Path);
            Assert.Null(written.Bytes);
            Assert.NotNull(input.Bytes); // the caller's object is not changed
            Assert.True(File.Exists(Path.Combine(dir, "low", "B2.png")));
            Assert.Equal(2, totals.Succeeded);
            Assert.Equal(1, totals.Failed);
            Assert.Equal(0.02m, totals.ActualCostUsd);

            string[] lines = File.ReadAllLines(manifest);
            Assert.Equal(4, lines.Length); // header and three results; the totals are in the summary side file
            Assert.Contains(lines, l => l.StartsWith("Failed,") && l.Contains(ErrorIds.ModerationBlocked));
            Assert.DoesNotContain(lines, l => l.StartsWith("Total,"));
            Assert.True(File.Exists(Path.Combine(dir, "manifest.summary.json")));
        }

        [Fact]
        public void Refuses_to_clobber_unless_Force_and_copies_results_that_already_have_a_file()
        {
            string source = Jobs.TempDirectory();
            string dest = Jobs.TempDirectory();
            byte[] bytes = FakeImageClient.Png("x");
            string onDisk = Path.Combine(source, "x.png");
            File.WriteAllBytes(onDisk, bytes);
            var fromNew = Image("X", "low", bytes);
            fromNew.Bytes = null;
            fromNew.Path = onDisk;
            fromNew.Sha256 = AtomicFile.Sha256Hex(bytes);
            File.WriteAllText(Path.Combine(dest, "X.png"), "other");

            var writer = new ExportWriter(new ExportOptions { DestinationPath = dest, FileNameTemplate = "{Sku}", NoClobber = true });
            var e = Assert.Throws<GptImageBatchException>(() => writer.Write(fromNew));
            Assert.Equal(ErrorIds.FileExists, e.ErrorId);
            Assert.Equal("other", File.ReadAllText(Path.Combine(dest, "X.png")));

            var forced = new ExportWriter(new ExportOptions { DestinationPath = dest, FileNameTemplate = "{Sku}", Force = true });
            forced.Write(fromNew);
            Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(dest, "X.png")));
            Assert.Throws<GptImageValidationException>(() => new ExportWriter(new ExportOptions { DestinationPath = dest, Force = true, NoClobber = true }));
        }
    }
}
