using GptImage.Commands;

namespace GptImage.PowerShell.Tests.Helpers
{
    /// <summary>Which prompt a New-GptImage / Measure-GptImageCost record gets.</summary>
    public sealed class PromptInputTests
    {
        private static readonly Dictionary<string, string?> Row = new Dictionary<string, string?>(System.StringComparer.OrdinalIgnoreCase)
        {
            ["Sku"] = "MUG-1", ["Product"] = "mug", ["Scene"] = "a kitchen",
        };

        private sealed class CsvRow { }

        [Fact]
        public void A_template_is_filled_from_the_row()
        {
            string prompt = PromptInput.Resolve(PromptInput.TemplateSet, null, TemplateSelection.ForLiteral("Shot of {Product} in {Scene}"), new CsvRow(), Row, false);
            Assert.Equal("Shot of mug in a kitchen", prompt);
        }

        [Fact]
        public void A_template_column_the_row_lacks_is_named_in_the_error()
        {
            var error = Assert.Throws<GptImageValidationException>(() =>
                PromptInput.Resolve(PromptInput.TemplateSet, null, TemplateSelection.ForLiteral("A {Colour} mug"), new CsvRow(), Row, false));
            Assert.Equal(ErrorIds.TemplateColumnMissing, error.ErrorId);
            Assert.Contains("Colour", error.Message);
        }

        [Fact]
        public void A_library_template_is_filled_from_the_row_and_its_defaults()
        {
            var template = TemplateSelection.ForTemplate(GptImage.Templates.TemplateLibrary.BuiltIn.Single(t => t.Name == "product-shot"));
            string prompt = PromptInput.Resolve(PromptInput.TemplateSet, null, template, new CsvRow(), Row, false);
            Assert.StartsWith("A professional e-commerce photograph of mug,", prompt);
            Assert.Contains("On a seamless pure white background", prompt);
        }

        [Fact]
        public void A_row_without_a_prompt_column_is_refused_rather_than_sent_as_its_own_text()
        {
            var error = Assert.Throws<GptImageValidationException>(() =>
                PromptInput.Resolve(PromptInput.PromptSet, "@{Sku=MUG-1; Product=mug}", null, new CsvRow(), Row, false));
            Assert.Equal(ErrorIds.InvalidPrompt, error.ErrorId);
        }

        [Fact]
        public void A_row_with_a_Description_column_gives_the_bound_prompt()
        {
            var row = new Dictionary<string, string?>(Row) { ["Description"] = "a blue mug" };
            Assert.Equal("a blue mug", PromptInput.Resolve(PromptInput.PromptSet, "a blue mug", null, new CsvRow(), row, false));
        }

        [Fact]
        public void A_prompt_typed_on_the_command_line_serves_rows_without_a_prompt_column()
        {
            Assert.Equal("same for all", PromptInput.Resolve(PromptInput.PromptSet, "same for all", null, new CsvRow(), Row, true));
        }

        [Fact]
        public void A_piped_string_is_the_prompt()
        {
            Assert.Equal("a red fox", PromptInput.Resolve(PromptInput.PromptSet, "a red fox", null, "a red fox", new Dictionary<string, string?>(), false));
        }
    }
}
