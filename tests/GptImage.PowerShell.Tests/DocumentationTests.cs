using System.Reflection;
using System.Text.RegularExpressions;

namespace GptImage.PowerShell.Tests
{
    /// <summary>
    /// The examples in README.md and docs/batch-api.md, and the Pester tests and build.ps1 (which no engine runs here),
    /// use the cmdlets exactly as built: every -Parameter they type exists.
    /// </summary>
    public sealed class DocumentationTests(ModuleMetadataFixture fixture) : IClassFixture<ModuleMetadataFixture>
    {
        private static readonly HashSet<string> CommonParameters = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ErrorVariable", "WarningVariable",
            "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm", "ProgressAction",
        };

        private readonly ModuleMetadata _module = fixture.Metadata;

        [Theory]
        [InlineData("README.md", 60)]
        [InlineData("docs/batch-api.md", 20)]
        [InlineData("tests/Generation.Tests.ps1", 40)]
        [InlineData("tests/Edit.Tests.ps1", 30)]
        [InlineData("tests/BatchApi.Tests.ps1", 40)]
        [InlineData("build.ps1", 3)]
        public void Every_parameter_in_the_examples_exists_on_its_cmdlet(string document, int minimumUses)
        {
            var parameters = _module.CmdletTypes.ToDictionary(CmdletDescriber.VerbNoun, ParameterNames, StringComparer.OrdinalIgnoreCase);
            var problems = new List<string>();
            int checkedUses = 0;
            foreach (string command in ExampleCommands(Path.Combine(RepositoryPaths.Root, document)))
            {
                // Quoted text may hold dashes ('x -y'); only the command's own tokens count.
                string bare = Regex.Replace(command, @"'[^']*'|""[^""]*""", "''");
                // Sub-expressions and script blocks belong to other commands (Read-Host -AsSecureString, ...).
                for (string previous = string.Empty; previous != bare;)
                {
                    previous = bare;
                    bare = Regex.Replace(bare, @"\([^()]*\)|\{[^{}]*\}", "x");
                }
                foreach (string segment in bare.Split('|'))
                {
                    Match cmdlet = Regex.Match(segment, @"\b(" + string.Join("|", parameters.Keys.Select(Regex.Escape)) + @")\b");
                    if (!cmdlet.Success) continue;
                    string rest = segment.Substring(cmdlet.Index + cmdlet.Length);
                    foreach (Match parameter in Regex.Matches(rest, @"(?<=\s)-([A-Za-z]+)\b"))
                    {
                        string name = parameter.Groups[1].Value;
                        checkedUses++;
                        if (!CommonParameters.Contains(name) && !parameters[cmdlet.Value].Contains(name))
                            problems.Add($"{cmdlet.Value} has no -{name}: {command.Trim()}");
                    }
                }
            }
            Assert.True(checkedUses >= minimumUses, $"only {checkedUses} parameter uses found in {document}: is the example format still recognised?");
            Assert.Empty(problems);
        }

        [Fact]
        public void Every_cmdlet_has_a_section()
        {
            string text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
            foreach (Type cmdlet in _module.CmdletTypes)
                Assert.Matches(@"(?m)^#{2,4} " + Regex.Escape(CmdletDescriber.VerbNoun(cmdlet)) + @"\r?$", text);
        }

        private static HashSet<string> ParameterNames(Type cmdlet)
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (PropertyInfo property in cmdlet.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var attributes = property.GetCustomAttributesData();
                if (!attributes.Any(a => a.AttributeType.FullName == "System.Management.Automation.ParameterAttribute")) continue;
                names.Add(property.Name);
                foreach (var alias in attributes.Where(a => a.AttributeType.FullName == "System.Management.Automation.AliasAttribute"))
                    foreach (var value in (System.Collections.ObjectModel.ReadOnlyCollection<CustomAttributeTypedArgument>)alias.ConstructorArguments[0].Value!)
                        names.Add((string)value.Value!);
            }
            return names;
        }

        /// <summary>
        /// The code lines of the markdown (indented or fenced), or every line of a .ps1 file, with backtick and pipe
        /// line continuations joined.
        /// </summary>
        private static IEnumerable<string> ExampleCommands(string markdown)
        {
            string pending = string.Empty;
            bool fenced = markdown.EndsWith(".ps1", StringComparison.OrdinalIgnoreCase);
            foreach (string line in File.ReadLines(markdown))
            {
                if (line.TrimStart().StartsWith("```", StringComparison.Ordinal)) { fenced = !fenced; pending = string.Empty; continue; }
                if (!fenced && !line.StartsWith("    ", StringComparison.Ordinal)) { pending = string.Empty; continue; }
                string code = Regex.Replace(line, @"\s#\s.*$", string.Empty);
                if (code.TrimEnd().EndsWith('`')) { pending += code.TrimEnd().TrimEnd('`') + " "; continue; }
                if (code.TrimEnd().EndsWith('|')) { pending += code + " "; continue; }
                yield return pending + code;
                pending = string.Empty;
            }
        }
    }
}
