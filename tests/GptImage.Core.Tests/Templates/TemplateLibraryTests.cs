using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using GptImage.Templates;
using GptImage.Tests.Orchestration;
using Xunit;

namespace GptImage.Tests.Templates
{
    public class TemplateLibraryTests
    {
        private static readonly Func<string, string?> NoEnvironment = _ => null;

        private static Dictionary<string, string?> Row(params (string Key, string? Value)[] cells) =>
            cells.ToDictionary(c => c.Key, c => c.Value, StringComparer.OrdinalIgnoreCase);

        [Fact]
        public void Every_kind_of_job_the_library_promises_is_built_in_and_loads()
        {
            var names = TemplateLibrary.BuiltIn.Select(t => t.Name).ToList();
            Assert.Equal(new[] { "product-shot", "lifestyle-scene", "ui-mockup", "game-character", "game-environment", "game-prop", "poster", "social-post", "banner" }, names);
            foreach (ImageTemplate template in TemplateLibrary.BuiltIn)
            {
                Assert.False(string.IsNullOrWhiteSpace(template.Description));
                Assert.NotNull(template.Subject);
                Assert.NotNull(template.Setting);
                Assert.NotNull(template.Style);
                Assert.NotNull(template.Lighting);
                Assert.NotNull(template.Technical);
                Assert.NotNull(template.Negative);
                Assert.Contains(template.Placeholders, p => p.IsRequired);
                Assert.NotNull(template.Defaults.Size);
                Assert.Equal(TemplateLibrary.BuiltInSource, template.Source);
            }
        }

        [Fact]
        public void Filling_uses_the_row_then_the_defaults_and_puts_the_negative_part_in_the_prompt()
        {
            ImageTemplate shot = TemplateLibrary.BuiltIn.Single(t => t.Name == "product-shot");
            string prompt = shot.Fill(Row(("product", "a blue mug"), ("Angle", "")));
            Assert.StartsWith("A professional e-commerce photograph of a blue mug, shown whole", prompt);
            Assert.Contains("On a seamless pure white background", prompt);           // Background's default
            Assert.Contains("three-quarter view slightly above eye level", prompt);   // a blank cell takes the default too
            Assert.EndsWith("Avoid: added text, logos that are not on the product, watermarks, props, hands, people, distorted proportions.", prompt);
            Assert.DoesNotContain("{", prompt);
        }

        [Fact]
        public void A_row_without_a_required_placeholder_is_an_error_naming_it_and_its_purpose()
        {
            ImageTemplate poster = TemplateLibrary.BuiltIn.Single(t => t.Name == "poster");
            var error = Assert.Throws<GptImageValidationException>(() => poster.Fill(Row(("Product", "tea"), ("Tagline", "Now open"))));
            Assert.Equal(ErrorIds.TemplateColumnMissing, error.ErrorId);
            Assert.Contains("{Headline}", error.Message);
            Assert.Contains("the headline, rendered exactly", error.Message);
            Assert.Contains("Product, Tagline", error.Message);
        }

        [Fact]
        public void Defaults_fill_only_what_the_request_leaves_unset()
        {
            var request = new ImageGenerationRequest { Size = "1536x1024" };
            TemplateLibrary.BuiltIn.Single(t => t.Name == "product-shot").Defaults.ApplyTo(request);
            Assert.Equal("1536x1024", request.Size);
            Assert.Equal("high", request.Quality);
            Assert.Equal("opaque", request.Background);
            Assert.Equal("png", request.OutputFormat);
        }

        [Fact]
        public void A_user_folder_adds_templates_and_replaces_a_built_in_of_the_same_name()
        {
            string folder = Jobs.TempDirectory();
            File.WriteAllText(Path.Combine(folder, "house.json"), @"{
                ""Description"": ""Our look"",
                ""Subject"": ""A photo of {Item}"",
                ""Negative"": ""people"",
                ""Placeholders"": { ""Item"": ""the item"" },
                ""Defaults"": { ""Quality"": ""Low"" } }");
            File.WriteAllText(Path.Combine(folder, "banner.json"), @"{ ""Name"": ""banner"", ""Description"": ""Ours"", ""Subject"": ""A banner"" }");
            TemplateLibrary library = TemplateLibrary.Load(new[] { folder }, null, NoEnvironment);

            ImageTemplate house = library.Find("HOUSE")!;
            Assert.Equal(Path.Combine(folder, "house.json"), house.Source);
            Assert.Equal("low", house.Defaults.Quality);
            Assert.Equal("A photo of a lamp. Avoid: people.", house.Fill(Row(("Item", "a lamp"))));
            Assert.Equal("Ours", library.Find("banner")!.Description);
            Assert.Single(library.Templates, t => t.Name == "banner");
            Assert.Empty(library.Problems);
        }

        [Theory]
        [InlineData(@"{ ""Description"": ""d"", ""Subject"": ""s"", ""Lightning"": ""x"" }", "Lightning", "not a template field")]
        [InlineData(@"{ ""Description"": ""d"" }", "Subject", "is missing")]
        [InlineData(@"{ ""Subject"": ""s"" }", "Description", "is missing")]
        [InlineData(@"{ ""Description"": ""d"", ""Subject"": ""a {Thing}"" }", "Subject", "{Thing}, which Placeholders does not declare")]
        [InlineData(@"{ ""Description"": ""d"", ""Subject"": ""a {Thing"", ""Placeholders"": { ""Thing"": ""t"" } }", "Subject", "not closed")]
        [InlineData(@"{ ""Description"": ""d"", ""Subject"": ""s"", ""Placeholders"": { ""Thing"": ""t"" } }", "Placeholders.Thing", "no part of the prompt uses it")]
        [InlineData(@"{ ""Description"": ""d"", ""Subject"": ""{T}"", ""Placeholders"": { ""T"": { ""Default"": ""x"" } } }", "Placeholders.T.Description", "is missing")]
        [InlineData(@"{ ""Description"": ""d"", ""Subject"": ""s"", ""Defaults"": { ""Quality"": ""ultra"" } }", "Defaults.Quality", "allowed: low, medium, high, auto")]
        [InlineData(@"{ ""Description"": ""d"", ""Subject"": ""s"", ""Defaults"": { ""Size"": ""big"" } }", "Defaults.Size", "WIDTHxHEIGHT")]
        [InlineData(@"{ ""Description"": ""d"", ""Subject"": ""s"", ""Defaults"": { ""Model"": ""x"" } }", "Defaults.Model", "not a template field")]
        [InlineData(@"{ ""Name"": ""has space"", ""Description"": ""d"", ""Subject"": ""s"" }", "Name", "starts with a letter")]
        [InlineData(@"{ ""Description"": ""d"", ""Subject"": [""s""] }", "Subject", "must be text")]
        public void A_broken_file_is_a_problem_naming_the_file_and_the_field_and_the_rest_still_load(string json, string field, string says)
        {
            string folder = Jobs.TempDirectory();
            string file = Path.Combine(folder, "broken.json");
            File.WriteAllText(file, json);
            File.WriteAllText(Path.Combine(folder, "good.json"), @"{ ""Description"": ""d"", ""Subject"": ""s"" }");
            TemplateLibrary library = TemplateLibrary.Load(new[] { folder }, null, NoEnvironment);

            GptImageTemplateException problem = Assert.Single(library.Problems);
            Assert.Equal(file, problem.FilePath);
            Assert.Equal(field, problem.Field);
            Assert.Contains(file, problem.Message);
            Assert.Contains("'" + field + "'", problem.Message);
            Assert.Contains(says, problem.Message);
            Assert.NotNull(library.Find("good"));
            Assert.Null(library.Find("broken"));
        }

        [Fact]
        public void Json_that_does_not_parse_names_the_file_and_the_line()
        {
            string folder = Jobs.TempDirectory();
            File.WriteAllText(Path.Combine(folder, "bad.json"), "{\n \"Description\": \"d\",\n \"Subject\" \"s\" }");
            GptImageTemplateException problem = Assert.Single(TemplateLibrary.Load(new[] { folder }, null, NoEnvironment).Problems);
            Assert.Contains("bad.json", problem.Message);
            Assert.Contains("line 3", problem.Message);
        }

        [Fact]
        public void The_environment_variable_names_the_default_folders_and_a_missing_named_folder_is_a_problem()
        {
            string folder = Jobs.TempDirectory();
            File.WriteAllText(Path.Combine(folder, "mine.json"), @"{ ""Description"": ""d"", ""Subject"": ""s"" }");
            string missing = Path.Combine(folder, "nope");
            TemplateLibrary library = TemplateLibrary.Load(new[] { missing }, null, name => name == TemplateLibrary.EnvironmentVariable ? folder : null);
            Assert.NotNull(library.Find("mine"));
            Assert.Equal(missing, Assert.Single(library.Problems).FilePath);
        }

        [Theory]
        [InlineData("product-shot", true)]
        [InlineData("house_style.v2", true)]
        [InlineData("Product shot of {Product}", false)]
        [InlineData("{Prompt}", false)]
        public void Names_and_literal_templates_are_told_apart(string text, bool isName) =>
            Assert.Equal(isName, TemplateLibrary.LooksLikeName(text));
    }
}
