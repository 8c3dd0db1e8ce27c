using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using GptImage.Orchestration;
using GptImage.Tests.Infrastructure;
using GptImage.Tests.Orchestration;
using Xunit;

namespace GptImage.Tests.Output
{
    /// <summary>ExportWriter with tiers: the files written (through the ImageSharp engine) and what the manifest says of them.</summary>
    public class TieredExportTests
    {
        private static readonly byte[] Png = TestImages.PngBytes(300, 200);

        private static GptImageResult Image(int row, string quality) => new GptImageResult
        {
            Status = GptImageResult.StatusSucceeded, Prompt = "p", Model = "gpt-image-2", Quality = quality, Format = "png",
            Bytes = Png, Sha256 = AtomicFile.Sha256Hex(Png), RowNumber = row, Created = DateTimeOffset.UtcNow, CostUsd = 0.01m,
            SourceFields = new Dictionary<string, string?> { ["Sku"] = "S" + row },
        };

        private static ExportOptions Options(string dir, string manifest, bool force = false) => new ExportOptions
        {
            DestinationPath = dir, FileNameTemplate = "{Sku}", ManifestPath = manifest, Force = force,
            Tiers = TierRules.Create("Quality", new Hashtable
            {
                ["high"] = new Hashtable { ["Format"] = "png" },
                ["low"] = new Hashtable { ["Format"] = "webp", ["Quality"] = 70, ["ThumbnailWidth"] = 64 },
            }, null),
        };

        private static string Magic(string path)
        {
            byte[] head = File.ReadAllBytes(path).Take(12).ToArray();
            if (head[0] == 0x89 && head[1] == (byte)'P') return "png";
            if (head[0] == 0xFF && head[1] == 0xD8) return "jpeg";
            return System.Text.Encoding.ASCII.GetString(head, 0, 4) == "RIFF" && System.Text.Encoding.ASCII.GetString(head, 8, 4) == "WEBP" ? "webp" : "?";
        }

        [Fact]
        public void Each_tier_gets_its_format_a_png_master_keeps_the_apis_bytes_and_the_manifest_records_both_files()
        {
            string dir = Jobs.TempDirectory();
            string manifest = Path.Combine(dir, "m.csv");
            var writer = new ExportWriter(Options(dir, manifest));
            GptImageResult high = writer.Write(Image(1, "high"));
            GptImageResult low = writer.Write(Image(2, "low"));
            writer.Complete();

            Assert.Equal(Png, File.ReadAllBytes(high.Path!));   // written as it came: same bytes, same SHA-256
            Assert.Equal(AtomicFile.Sha256Hex(Png), high.Sha256);
            Assert.Null(high.ThumbnailPath);
            Assert.Equal(Path.Combine(dir, "S2.webp"), low.Path);
            Assert.Equal("webp", Magic(low.Path!));
            Assert.Equal(("webp", 70, "low"), (low.Format, low.Compression, low.Tier));
            Assert.Equal(Path.Combine(dir, "S2.thumb-64.webp"), low.ThumbnailPath);
            ImageInfo thumbnail = ImageInspector.Inspect(low.ThumbnailPath!);
            Assert.Equal(("webp", 64, 43), (thumbnail.Format, thumbnail.Width, thumbnail.Height));

            var rows = CsvRows(manifest);
            Assert.Equal(2, rows.Count);   // one row per image: CostUsd still sums to the run's cost
            Dictionary<string, string> lowRow = rows.Single(r => r["RowNumber"] == "2");
            Assert.Equal(("low", "webp", "300", "200"), (lowRow["Tier"], lowRow["Format"], lowRow["Width"], lowRow["Height"]));
            Assert.Equal(new FileInfo(low.Path!).Length.ToString(), lowRow["FileBytes"]);
            Assert.Equal(AtomicFile.Sha256Hex(File.ReadAllBytes(low.Path!)), lowRow["Sha256"]);
            Assert.Equal((low.ThumbnailPath, "webp", "64", "43"), (lowRow["Thumbnail.Path"], lowRow["Thumbnail.Format"], lowRow["Thumbnail.Width"], lowRow["Thumbnail.Height"]));
            Assert.Equal(AtomicFile.Sha256Hex(File.ReadAllBytes(low.ThumbnailPath!)), lowRow["Thumbnail.Sha256"]);
            Assert.Equal(new FileInfo(low.ThumbnailPath!).Length.ToString(), lowRow["Thumbnail.FileBytes"]);
            Assert.Equal("", rows.Single(r => r["RowNumber"] == "1")["Thumbnail.Path"]);
        }

        [Fact]
        public void The_jsonl_manifest_gives_the_thumbnail_an_object_of_its_own()
        {
            string dir = Jobs.TempDirectory();
            string manifest = Path.Combine(dir, "m.jsonl");
            var writer = new ExportWriter(Options(dir, manifest));
            writer.Write(Image(1, "low"));
            writer.Complete();
            using var row = JsonDocument.Parse(File.ReadAllLines(manifest)[0]);
            JsonElement thumbnail = row.RootElement.GetProperty("Thumbnail");
            Assert.Equal(64, thumbnail.GetProperty("Width").GetInt32());
            Assert.Equal("webp", thumbnail.GetProperty("Format").GetString());
            Assert.Equal(300, row.RootElement.GetProperty("Width").GetInt32());
            Assert.True(row.RootElement.GetProperty("FileBytes").GetInt64() > 0);
        }

        [Fact]
        public void A_thumbnail_in_the_way_stops_the_row_before_its_master_is_written_unless_Force()
        {
            string dir = Jobs.TempDirectory();
            File.WriteAllText(Path.Combine(dir, "S1.thumb-64.webp"), "someone else's file");
            var writer = new ExportWriter(Options(dir, Path.Combine(dir, "m.csv")));
            var error = Assert.Throws<GptImageBatchException>(() => writer.Write(Image(1, "low")));
            Assert.Equal(ErrorIds.FileExists, error.ErrorId);
            Assert.False(File.Exists(Path.Combine(dir, "S1.webp")));

            GptImageResult forced = new ExportWriter(Options(dir, Path.Combine(dir, "m.csv"), force: true)).Write(Image(1, "low"));
            Assert.Equal("webp", Magic(forced.ThumbnailPath!));
        }

        [Fact]
        public void A_rerun_finds_the_same_files_and_leaves_them()
        {
            string dir = Jobs.TempDirectory();
            GptImageResult first = new ExportWriter(Options(dir, Path.Combine(dir, "m.csv"))).Write(Image(1, "low"));
            DateTime written = File.GetLastWriteTimeUtc(first.Path!);
            GptImageResult again = new ExportWriter(Options(dir, Path.Combine(dir, "m.csv"))).Write(Image(1, "low"));   // encoding is deterministic
            Assert.Equal(first.Sha256, again.Sha256);
            Assert.Equal(written, File.GetLastWriteTimeUtc(again.Path!));
        }

        private static List<Dictionary<string, string>> CsvRows(string path)
        {
            string[] lines = File.ReadAllLines(path);
            string[] header = lines[0].TrimStart('\uFEFF').Split(',');
            // The test rows hold no commas or quotes, so a plain split reads them.
            return lines.Skip(1).Select(l => header.Zip(l.Split(','), (h, v) => (h, v)).ToDictionary(p => p.h, p => p.v)).ToList();
        }
    }
}
