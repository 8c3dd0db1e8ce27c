using GptImage.Commands;

namespace GptImage.PowerShell.Tests.Helpers
{
    /// <summary>What a piped record is (row, string) and which prompt it gets. Files need a runspace: tests/Rows.Tests.ps1 covers them.</summary>
    public sealed class PipelineRecordTests
    {
        // A hashtable is a row as an Import-Csv row is (a PSCustomObject needs a runspace to be made).
        private static System.Collections.Hashtable Row(params (string Name, object? Value)[] cells)
        {
            var row = new System.Collections.Hashtable(System.StringComparer.OrdinalIgnoreCase);
            foreach (var (name, value) in cells) row[name] = value;
            return row;
        }

        private static string Prompt(RowInputs inputs, PipelineRecord record) =>
            RowRequestBuilder.Prompt(inputs, record, new Dictionary<string, string>());

        [Fact]
        public void A_hashtable_is_a_row_whose_columns_are_per_row_values()
        {
            var record = PipelineRecord.Read(Row(("Prompt", "a mug"), ("Size", " ")));
            Assert.True(record.IsRow);
            Assert.True(record.TryColumn(new[] { "size" }, out string column, out string? size));
            Assert.Equal("Size", column); // as the row spells it
            Assert.Null(size); // a blank cell is "not given"
        }

        [Fact]
        public void A_template_is_filled_from_the_row()
        {
            var record = PipelineRecord.Read(Row(("Product", "mug"), ("Scene", "a kitchen")));
            Assert.Equal("Shot of mug in a kitchen", Prompt(new RowInputs { Template = TemplateSelection.ForLiteral("Shot of {Product} in {Scene}") }, record));
        }

        [Fact]
        public void A_library_template_is_filled_from_the_row_with_its_negative_part_last()
        {
            var record = PipelineRecord.Read(Row(("Product", "mug")));
            var template = TemplateSelection.ForTemplate(GptImage.Templates.TemplateLibrary.BuiltIn.Single(t => t.Name == "product-shot"));
            string prompt = Prompt(new RowInputs { Template = template }, record);
            Assert.StartsWith("A professional e-commerce photograph of mug,", prompt);
            Assert.Contains("Avoid:", prompt);
        }

        [Fact]
        public void A_row_without_a_prompt_column_is_refused_rather_than_sent_as_its_own_text()
        {
            var record = PipelineRecord.Read(Row(("Sku", "MUG-1"), ("Product", "mug")));
            var error = Assert.Throws<GptImageValidationException>(() => Prompt(new RowInputs(), record));
            Assert.Equal(ErrorIds.InvalidPrompt, error.ErrorId);
            Assert.DoesNotContain("@{", error.Message);
        }

        [Fact]
        public void A_Description_column_is_the_prompt_and_a_typed_prompt_wins_over_it()
        {
            var record = PipelineRecord.Read(Row(("Description", "a blue mug")));
            Assert.Equal("a blue mug", Prompt(new RowInputs(), record));
            Assert.Equal("same for all", Prompt(new RowInputs { Prompt = "same for all" }, record));
        }

        [Fact]
        public void A_piped_string_is_the_prompt_except_for_Edit_GptImage_without_typed_paths()
        {
            var record = PipelineRecord.Read("a red fox");
            Assert.Equal("a red fox", Prompt(new RowInputs(), record));
            Assert.Throws<GptImageValidationException>(() => Prompt(new RowInputs { PipedTextIsPath = true }, record));
            Assert.Equal("a red fox", Prompt(new RowInputs { PipedTextIsPath = true, Paths = new[] { "a.png" } }, record));
        }
    }
}
