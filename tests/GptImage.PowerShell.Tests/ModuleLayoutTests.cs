using System.Xml.Linq;

namespace GptImage.PowerShell.Tests
{
    /// <summary>The folder a plain `dotnet build` assembles holds exactly what Import-Module needs, and nothing else.</summary>
    public sealed class ModuleLayoutTests(ModuleMetadataFixture fixture) : IClassFixture<ModuleMetadataFixture>
    {
        private readonly ModuleMetadata _module = fixture.Metadata;

        // The manifest, the views, the licence, the module, its core and PowerShell 7's load context, the netstandard2.0
        // closure of System.Text.Json 8 and ImageSharp that Windows PowerShell 5.1 needs, and the Dependencies folder for
        // the pixel code and ImageSharp (README.md, "What is in the module folder", explains each file).
        private static readonly string[] ExpectedFiles =
        {
            "Dependencies",
            "GptImage.Core.dll",
            "GptImage.PowerShell.LoadContext.dll",
            "GptImage.PowerShell.dll",
            "GptImage.PowerShell.format.ps1xml",
            "GptImage.PowerShell.psd1",
            "LICENSE",
            "Microsoft.Bcl.AsyncInterfaces.dll",
            "System.Buffers.dll",
            "System.Memory.dll",
            "System.Numerics.Vectors.dll",
            "System.Runtime.CompilerServices.Unsafe.dll",
            "System.Text.Encoding.CodePages.dll",
            "System.Text.Encodings.Web.dll",
            "System.Text.Json.dll",
            "System.Threading.Tasks.Extensions.dll",
            "en-US",
        };

        // The help Get-Help reads: the cmdlets' MAML (generated from their doc comments) and the about_ topics.
        private static readonly string[] ExpectedHelpFiles =
        {
            "GptImage.PowerShell.dll-Help.xml",
            "about_GptImage.help.txt",
            "about_GptImage_FileNames.help.txt",
            "about_GptImage_Templates.help.txt",
        };

        [Fact]
        public void Module_folder_holds_exactly_the_expected_files()
        {
            var actual = Directory.GetFileSystemEntries(RepositoryPaths.ModuleFolder).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal);
            Assert.Equal(ExpectedFiles, actual);
        }

        [Fact]
        public void Dependencies_holds_the_pixel_code_and_ImageSharp_where_nothing_probes()
        {
            var actual = Directory.GetFileSystemEntries(Path.Combine(RepositoryPaths.ModuleFolder, "Dependencies")).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal);
            Assert.Equal(new[] { "GptImage.Imaging.dll", "SixLabors.ImageSharp.dll" }, actual);
        }

        [Fact]
        public void Shipped_ImageSharp_is_the_2_1_line_under_the_Apache_licence()
        {
            var version = System.Reflection.AssemblyName.GetAssemblyName(Path.Combine(RepositoryPaths.ModuleFolder, "Dependencies", "SixLabors.ImageSharp.dll")).Version!;
            Assert.Equal(2, version.Major);
            string props = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Directory.Packages.props"));
            Assert.Contains("<PackageVersion Include=\"SixLabors.ImageSharp\" Version=\"2.1.13\" />", props);
        }

        [Fact]
        public void Help_folder_holds_exactly_the_expected_files()
        {
            var actual = Directory.GetFileSystemEntries(Path.Combine(RepositoryPaths.ModuleFolder, "en-US")).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal);
            Assert.Equal(ExpectedHelpFiles, actual);
        }

        [Fact]
        public void The_PowerShell_stub_assembly_is_never_shipped()
        {
            Assert.False(File.Exists(Path.Combine(RepositoryPaths.ModuleFolder, "System.Management.Automation.dll")));
        }

        [Fact]
        public void Shipped_System_Text_Json_is_version_8_so_PowerShell_7_4_can_load_the_module()
        {
            var json = _module.Module.GetReferencedAssemblies();
            var core = _module.FindType("GptImage.ModelCatalog")!.Assembly;
            var stj = core.GetReferencedAssemblies().Single(a => a.Name == "System.Text.Json");
            Assert.Equal(8, stj.Version!.Major);
            Assert.DoesNotContain(json, a => a.Name == "System.Text.Json" && a.Version!.Major > 8);
        }

        [Fact]
        public void The_module_installs_its_dependency_resolver_on_import()
        {
            var initializers = _module.Module.GetTypes()
                .Where(t => t.IsPublic && t.GetInterfaces().Any(i => i.FullName == "System.Management.Automation.IModuleAssemblyInitializer"))
                .ToList();
            Assert.Single(initializers);
            Assert.Contains(initializers[0].GetInterfaces(), i => i.FullName == "System.Management.Automation.IModuleAssemblyCleanup");
        }

        [Fact]
        public void Module_files_are_the_ones_in_the_repository()
        {
            foreach (string name in new[] { "GptImage.PowerShell.psd1", "GptImage.PowerShell.format.ps1xml" })
            {
                string source = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "module", name));
                Assert.Equal(source, File.ReadAllText(Path.Combine(RepositoryPaths.ModuleFolder, name)));
            }
        }

        [Fact]
        public void Every_view_in_the_format_file_selects_a_type_the_module_writes()
        {
            var document = XDocument.Load(RepositoryPaths.FormatFile);
            var typeNames = document.Descendants("ViewSelectedBy").Elements("TypeName").Select(e => e.Value.Trim()).ToList();
            Assert.NotEmpty(typeNames);
            foreach (string typeName in typeNames)
                Assert.True(_module.FindType(typeName) != null, $"format view for unknown type {typeName}");
            foreach (string output in new[] { "GptImage.Orchestration.GptImageResult", "GptImage.Commands.GptImageCostEstimate", "GptImage.Commands.GptImageConnection" })
                Assert.Contains(output, typeNames);
        }

        [Fact]
        public void Every_property_a_view_names_exists_on_its_type()
        {
            var document = XDocument.Load(RepositoryPaths.FormatFile);
            foreach (var view in document.Descendants("View"))
            {
                string typeName = view.Element("ViewSelectedBy")!.Element("TypeName")!.Value.Trim();
                Type type = _module.FindType(typeName)!;
                foreach (var property in view.Descendants("PropertyName").Select(p => p.Value.Trim()))
                    Assert.True(type.GetProperty(property) != null, $"{typeName} has no property {property} (format view {view.Element("Name")!.Value})");
            }
        }
    }
}
