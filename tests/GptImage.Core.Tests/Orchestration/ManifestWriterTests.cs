using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using GptImage.Orchestration;
using Xunit;

namespace GptImage.Tests.Orchestration
{
    public class ManifestWriterTests
    {
        private static GptImageResult Row(string prompt, Dictionary<string, string?> fields) => new GptImageResult
        {
            Status = GptImageResult.StatusSucceeded, Prompt = prompt, Model = "gpt-image-2", Size = "1024x1024", Quality = "low",
            Format = "png", RowNumber = 1, Sha256 = "00ff", Path = "/tmp/x.png", CostUsd = 0.0123m,
            Usage = new ImageUsage { InputTokens = 5, OutputTokens = 200, TotalTokens = 205 },
            SourceFields = fields, Created = DateTimeOffset.UtcNow,
        };

        [Fact]
        public void Csv_quotes_fields_orders_rows_and_gives_every_source_column_its_prefix()
        {
            string path = Path.Combine(Jobs.TempDirectory(), "m.csv");
            var writer = new ManifestWriter(path);
            var second = Row("plain", new Dictionary<string, string?> { ["Extra"] = "e", ["Sku"] = "B2", ["Prompt"] = "q" });
            second.RowNumber = 2;
            writer.Write(second); // finished first, written second
            writer.Write(Row("a \"quoted\", comma\nline", new Dictionary<string, string?> { ["Sku"] = "A1", ["Prompt"] = "p" }));
            writer.Commit();

            string text = File.ReadAllText(path);
            Assert.Contains("\"a \"\"quoted\"\", comma\nline\"", text);
            string header = text.Split(new[] { "\r\n" }, StringSplitOptions.None)[0].TrimStart('\uFEFF');
            Assert.EndsWith(",ErrorMessage,Source.Sku,Source.Prompt,Source.Extra", header);
            Assert.True(text.IndexOf(",A1,", StringComparison.Ordinal) < text.IndexOf(",B2,", StringComparison.Ordinal), "rows are ordered by row number");
            Assert.EndsWith(",B2,q,e\r\n", text);
        }

        [Fact]
        public void A_second_run_replaces_the_ledger_and_no_totals_row_is_written()
        {
            string path = Path.Combine(Jobs.TempDirectory(), "m.jsonl");
            foreach (string run in new[] { "one", "two" })
            {
                var writer = new ManifestWriter(path);
                writer.Write(Row(run, new Dictionary<string, string?> { ["Sku"] = "S" }));
                var failed = Row(run, new Dictionary<string, string?> { ["Sku"] = "T" });
                failed.RowNumber = 2;
                failed.Status = GptImageResult.StatusFailed;
                failed.ErrorId = ErrorIds.ModerationBlocked;
                failed.CostUsd = null;
                writer.Write(failed);
                writer.Commit();
            }
            string[] lines = File.ReadAllLines(path);
            Assert.Equal(2, lines.Length);
            using var first = JsonDocument.Parse(lines[0]);
            Assert.Equal("two", first.RootElement.GetProperty("Prompt").GetString());
            Assert.Equal(200, first.RootElement.GetProperty("OutputTokens").GetInt32());
            Assert.Equal(0.0123m, first.RootElement.GetProperty("CostUsd").GetDecimal());
            Assert.Equal("S", first.RootElement.GetProperty("Source").GetProperty("Sku").GetString());
            using var second = JsonDocument.Parse(lines[1]);
            Assert.Equal(ErrorIds.ModerationBlocked, second.RootElement.GetProperty("ErrorId").GetString());

            using var summary = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(path, ".summary.json")));
            Assert.Equal(2, summary.RootElement.GetProperty("Rows").GetInt32());
            Assert.Equal(1, summary.RootElement.GetProperty("Failed").GetInt32());
            Assert.Equal(0.0123m, summary.RootElement.GetProperty("CostUsd").GetDecimal());
            Assert.Equal(1, summary.RootElement.GetProperty("ErrorIds").GetProperty(ErrorIds.ModerationBlocked).GetInt32());
        }

        [Fact]
        public void Key_shaped_text_never_reaches_the_manifest()
        {
            string key = "sk-proj-" + new string('Z', 40);
            string path = Path.Combine(Jobs.TempDirectory(), "m.csv");
            var failed = Row("p", new Dictionary<string, string?> { ["Note"] = "Bearer " + key });
            failed.Status = GptImageResult.StatusFailed;
            failed.ErrorMessage = "Incorrect API key provided: " + key;
            var writer = new ManifestWriter(path);
            writer.Write(failed);
            writer.Commit();
            string text = File.ReadAllText(path);
            Assert.DoesNotContain("ZZZZZZ", text);
            Assert.Contains("sk-***", text);
        }

        [Fact]
        public void Other_extensions_are_refused_by_name()
        {
            var e = Assert.Throws<GptImageValidationException>(() => new ManifestWriter("out.txt"));
            Assert.Contains("-ManifestPath", e.Message);
        }
    }
}
