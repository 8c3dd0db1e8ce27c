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
        public void Csv_quotes_fields_writes_the_header_once_and_keeps_columns_when_appending()
        {
            string path = Path.Combine(Jobs.TempDirectory(), "m.csv");
            new ManifestWriter(path).Write(Row("a \"quoted\", comma\nline", new Dictionary<string, string?> { ["Sku"] = "A1", ["Prompt"] = "p" }));
            // A second writer (a later run) with the columns in another order and one extra column.
            new ManifestWriter(path).Write(Row("plain", new Dictionary<string, string?> { ["Extra"] = "e", ["Sku"] = "B2", ["Prompt"] = "q" }));

            string text = File.ReadAllText(path);
            Assert.Single(AllIndexes(text, "Status,RowNumber"));
            Assert.Contains("\"a \"\"quoted\"\", comma\nline\"", text);
            string header = text.Split(new[] { "\r\n" }, StringSplitOptions.None)[0].TrimStart('\uFEFF');
            var columns = header.Split(',');
            Assert.Equal("Source.Sku", columns[columns.Length - 2]);
            Assert.Equal("Source.Prompt", columns[columns.Length - 1]);
            Assert.DoesNotContain("Extra", header);
            Assert.EndsWith(",B2,q\r\n", text);
        }

        [Fact]
        public void A_row_cut_short_by_a_crash_is_dropped_before_appending()
        {
            string path = Path.Combine(Jobs.TempDirectory(), "m.jsonl");
            new ManifestWriter(path).Write(Row("one", new Dictionary<string, string?>()));
            File.AppendAllText(path, "{\"Status\":\"Succ");
            new ManifestWriter(path).Write(Row("two", new Dictionary<string, string?> { ["Sku"] = "S" }));
            string[] lines = File.ReadAllLines(path);
            Assert.Equal(2, lines.Length);
            foreach (string line in lines) JsonDocument.Parse(line).Dispose();
            using var doc = JsonDocument.Parse(lines[1]);
            Assert.Equal("two", doc.RootElement.GetProperty("Prompt").GetString());
            Assert.Equal(200, doc.RootElement.GetProperty("OutputTokens").GetInt32());
            Assert.Equal(0.0123m, doc.RootElement.GetProperty("CostUsd").GetDecimal());
            Assert.Equal("S", doc.RootElement.GetProperty("Source").GetProperty("Sku").GetString());
        }

        [Fact]
        public void Key_shaped_text_never_reaches_the_manifest()
        {
            string key = "sk-proj-" + new string('Z', 40);
            string path = Path.Combine(Jobs.TempDirectory(), "m.csv");
            var failed = Row("p", new Dictionary<string, string?> { ["Note"] = "Bearer " + key });
            failed.Status = GptImageResult.StatusFailed;
            failed.ErrorMessage = "Incorrect API key provided: " + key;
            new ManifestWriter(path).Write(failed);
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

        private static IEnumerable<int> AllIndexes(string text, string value)
        {
            for (int i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal)) yield return i;
        }
    }
}
