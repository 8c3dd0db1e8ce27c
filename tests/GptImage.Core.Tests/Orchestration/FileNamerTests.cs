using System;
using System.Collections.Generic;
using GptImage.Orchestration;
using Xunit;

namespace GptImage.Tests.Orchestration
{
    public class FileNamerTests
    {
        private static GptImageResult Result(string format = "png", Dictionary<string, string?>? fields = null) => new GptImageResult
        {
            Index = 2, RowNumber = 7, Model = "gpt-image-2", Quality = "high", Size = "1536x1024", Format = format,
            Sha256 = "abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789",
            Created = new DateTimeOffset(2026, 11, 21, 23, 0, 0, TimeSpan.Zero),
            SourceFields = fields ?? new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase) { ["Sku"] = "A-100", ["Index"] = "column wins not" },
        };

        [Theory]
        [InlineData("{Sku}-{Index}", "A-100-2.png")]
        [InlineData("{sku}_{row:D4}", "A-100_0007.png")]
        [InlineData("{Model}/{Quality}/{Size}", "gpt-image-2_high_1536x1024.png")]
        [InlineData("{Hash}", "abcdef012345.png")]
        [InlineData("{Date}-{Format}", "2026-11-21-png.png")]
        [InlineData("{{literal}}-{Sku}.png", "{literal}-A-100.png")]
        public void Fills_result_fields_and_source_columns(string template, string expected)
        {
            Assert.Equal(expected, FileNamer.Name(template, Result()));
        }

        [Fact]
        public void The_extension_follows_the_image_format()
        {
            Assert.Equal("A-100.jpg", FileNamer.Name("{Sku}", Result("jpeg")));
            Assert.Equal("A-100.webp", FileNamer.Name("{Sku}", Result("webp")));
        }

        [Theory]
        [InlineData("a<b>c:d\"e/f\\g|h?i*j", "a_b_c_d_e_f_g_h_i_j")]
        [InlineData("CON", "_CON")]
        [InlineData("com1.txt", "_com1.txt")]
        [InlineData("trailing. . ", "trailing")]
        [InlineData("..", "_")]
        [InlineData("tab\there", "tab_here")]
        public void Sanitizes_for_Windows_Linux_and_macOS(string input, string expected)
        {
            Assert.Equal(expected, FileNamer.Sanitize(input));
        }

        [Fact]
        public void A_value_cannot_climb_out_of_the_folder()
        {
            var fields = new Dictionary<string, string?> { ["Sku"] = "../../etc/passwd" };
            string name = FileNamer.Name("{Sku}", Result(fields: fields));
            Assert.DoesNotContain("/", name);
            Assert.DoesNotContain("\\", name);
        }

        [Fact]
        public void An_unknown_placeholder_names_itself()
        {
            var e = Assert.Throws<GptImageValidationException>(() => FileNamer.Name("{Colour}", Result()));
            Assert.Equal(ErrorIds.TemplateColumnMissing, e.ErrorId);
            Assert.Contains("'Colour'", e.Message);
        }

        [Theory]
        [InlineData("{Sku")]
        [InlineData("Sku}")]
        [InlineData("{}")]
        public void Unbalanced_braces_are_rejected(string template)
        {
            var e = Assert.Throws<GptImageValidationException>(() => FileNamer.ValidateTemplate(template));
            Assert.Equal(ErrorIds.InvalidTemplate, e.ErrorId);
            Assert.Contains("-FileName", e.Message);
        }

        [Fact]
        public void Layouts_choose_the_folder()
        {
            Assert.Equal("", FileNamer.Folder(FileLayout.Flat, Result()));
            Assert.Equal("high", FileNamer.Folder(FileLayout.ByQuality, Result()));
            Assert.Equal("gpt-image-2", FileNamer.Folder(FileLayout.ByModel, Result()));
            Assert.Equal("2026-11-21", FileNamer.Folder(FileLayout.ByDate, Result()));
        }
    }

    public class PromptTemplateTests
    {
        private static readonly Dictionary<string, string?> Row = new Dictionary<string, string?> { ["Product"] = "a teapot", ["Scene"] = "a kitchen", ["Empty"] = null };

        [Fact]
        public void Fills_columns_ignoring_case()
        {
            Assert.Equal("Product shot of a teapot in a kitchen", PromptTemplate.Fill("Product shot of {product} in {SCENE}", Row));
        }

        [Fact]
        public void Doubled_braces_are_literal_and_null_values_empty()
        {
            Assert.Equal("{json} a teapot []", PromptTemplate.Fill("{{json}} {Product} [{Empty}]", Row));
        }

        [Fact]
        public void A_missing_column_names_the_column_and_the_columns_present()
        {
            var e = Assert.Throws<GptImageValidationException>(() => PromptTemplate.Fill("{Product} by {Brand}", Row));
            Assert.Equal(ErrorIds.TemplateColumnMissing, e.ErrorId);
            Assert.Contains("'Brand'", e.Message);
            Assert.Contains("Product, Scene", e.Message);
            Assert.StartsWith("-Template", e.Message);
        }

        [Fact]
        public void Columns_lists_the_placeholders()
        {
            Assert.Equal(new[] { "Product", "Scene" }, PromptTemplate.Columns("{Product} in {Scene} {{x}}"));
        }
    }
}
