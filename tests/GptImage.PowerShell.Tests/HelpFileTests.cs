using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace GptImage.PowerShell.Tests
{
    /// <summary>
    /// The MAML help the build writes (en-US/GptImage.PowerShell.dll-Help.xml) matches the compiled cmdlets: every
    /// cmdlet has an entry, every visible parameter is documented with a description, and no documented parameter is
    /// stale. Each cmdlet's HelpUri points at its own section of the README.
    /// </summary>
    public sealed class HelpFileTests(ModuleMetadataFixture fixture) : IClassFixture<ModuleMetadataFixture>
    {
        private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
        private const string Sma = "System.Management.Automation.";

        private readonly ModuleMetadata _module = fixture.Metadata;

        private static string HelpFile => Path.Combine(RepositoryPaths.ModuleFolder, "en-US", "GptImage.PowerShell.dll-Help.xml");

        private static Dictionary<string, XElement> HelpByCmdlet() =>
            XDocument.Load(HelpFile).Root!.Elements(Command + "command")
                .ToDictionary(c => c.Element(Command + "details")!.Element(Command + "name")!.Value, StringComparer.OrdinalIgnoreCase);

        [Fact]
        public void Every_cmdlet_has_help_and_no_help_is_for_a_cmdlet_that_is_gone()
        {
            var cmdlets = _module.CmdletTypes.Select(CmdletDescriber.VerbNoun).OrderBy(n => n, StringComparer.Ordinal);
            Assert.Equal(cmdlets, HelpByCmdlet().Keys.OrderBy(n => n, StringComparer.Ordinal));
        }

        [Fact]
        public void Help_documents_exactly_the_parameters_each_cmdlet_has()
        {
            var help = HelpByCmdlet();
            var problems = new List<string>();
            foreach (Type cmdlet in _module.CmdletTypes)
            {
                string name = CmdletDescriber.VerbNoun(cmdlet);
                var expected = VisibleParameters(cmdlet);
                if (SupportsShouldProcess(cmdlet)) expected.UnionWith(new[] { "WhatIf", "Confirm" });
                var documented = help[name].Element(Command + "parameters")!.Elements(Command + "parameter")
                    .ToDictionary(p => p.Element(Maml + "name")!.Value, p => p, StringComparer.OrdinalIgnoreCase);
                foreach (string missing in expected.Where(p => !documented.ContainsKey(p))) problems.Add($"{name} -{missing} is not in the help");
                foreach (string stale in documented.Keys.Where(p => !expected.Contains(p))) problems.Add($"{name} help documents -{stale}, which the cmdlet does not have");
                foreach (var (parameter, element) in documented)
                    if (string.IsNullOrWhiteSpace(element.Element(Maml + "description")?.Value)) problems.Add($"{name} -{parameter} has no description");
            }
            Assert.Empty(problems);
        }

        [Fact]
        public void Every_parameter_set_has_a_syntax_line()
        {
            var help = HelpByCmdlet();
            foreach (Type cmdlet in _module.CmdletTypes)
            {
                var sets = ParameterAttributes(cmdlet).Select(a => Named(a, "ParameterSetName") as string ?? "__AllParameterSets").Distinct().ToList();
                int expected = sets.Count(s => s != "__AllParameterSets");
                int lines = help[CmdletDescriber.VerbNoun(cmdlet)].Element(Command + "syntax")!.Elements(Command + "syntaxItem").Count();
                Assert.True(lines == Math.Max(1, expected), $"{CmdletDescriber.VerbNoun(cmdlet)}: {lines} syntax lines for {expected} parameter sets");
            }
        }

        [Fact]
        public void Every_cmdlet_has_a_HelpUri_to_its_README_section()
        {
            string readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
            var anchors = Regex.Matches(readme, @"(?m)^#{1,6} (.+?)\s*$").Select(m => GitHubAnchor(m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);
            foreach (Type cmdlet in _module.CmdletTypes)
            {
                var attribute = cmdlet.GetCustomAttributesData().Single(a => a.AttributeType.FullName == ModuleMetadata.CmdletAttribute);
                string? uri = Named(attribute, "HelpUri") as string;
                string name = CmdletDescriber.VerbNoun(cmdlet);
                Assert.False(string.IsNullOrEmpty(uri), $"{name} has no HelpUri");
                Assert.StartsWith("https://github.com/gptimage-powershell/GptImage.PowerShell/blob/main/README.md#", uri);
                string anchor = uri!.Substring(uri.IndexOf('#') + 1);
                Assert.Equal(name.ToLowerInvariant(), anchor);
                Assert.Contains(anchor, anchors);
            }
        }

        /// <summary>GitHub's anchor of a heading: lower case, punctuation other than '-' and '_' dropped, spaces to dashes.</summary>
        private static string GitHubAnchor(string heading) =>
            Regex.Replace(heading.Trim().ToLowerInvariant(), @"[^\p{L}\p{Nd}\s_-]", string.Empty).Replace(' ', '-');

        private static HashSet<string> VisibleParameters(Type cmdlet)
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (PropertyInfo property in cmdlet.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var attributes = property.GetCustomAttributesData().Where(a => a.AttributeType.FullName == Sma + "ParameterAttribute").ToList();
                if (attributes.Count == 0 || attributes.All(a => Named(a, "DontShow") is true)) continue;
                names.Add(property.Name);
            }
            return names;
        }

        private static IEnumerable<CustomAttributeData> ParameterAttributes(Type cmdlet) =>
            cmdlet.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .SelectMany(p => p.GetCustomAttributesData())
                .Where(a => a.AttributeType.FullName == Sma + "ParameterAttribute");

        private static bool SupportsShouldProcess(Type cmdlet) =>
            Named(cmdlet.GetCustomAttributesData().Single(a => a.AttributeType.FullName == ModuleMetadata.CmdletAttribute), "SupportsShouldProcess") is true;

        private static object? Named(CustomAttributeData attribute, string name) =>
            attribute.NamedArguments.Where(a => a.MemberName == name).Select(a => a.TypedValue.Value).FirstOrDefault();
    }
}
