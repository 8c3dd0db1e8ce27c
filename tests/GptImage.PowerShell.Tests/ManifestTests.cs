namespace GptImage.PowerShell.Tests
{
    /// <summary>The module manifest (GptImage.psd1) agrees with the compiled module: exports, versions, editions.</summary>
    public sealed class ManifestTests(ModuleMetadataFixture fixture) : IClassFixture<ModuleMetadataFixture>
    {
        private readonly ModuleMetadata _module = fixture.Metadata;
        private readonly ManifestText _manifest = new ManifestText(RepositoryPaths.Manifest);

        [Fact]
        public void CmdletsToExport_equals_the_compiled_cmdlets()
        {
            var exported = _manifest.List("CmdletsToExport");
            Assert.NotNull(exported);
            var compiled = _module.CmdletTypes.Select(CmdletDescriber.VerbNoun).OrderBy(n => n);
            Assert.Equal(compiled, exported!.OrderBy(n => n));
        }

        [Theory]
        [InlineData("FunctionsToExport")]
        [InlineData("AliasesToExport")]
        [InlineData("VariablesToExport")]
        public void Nothing_but_cmdlets_is_exported(string key)
        {
            var list = _manifest.List(key);
            Assert.NotNull(list);
            Assert.Empty(list!);
        }

        [Fact]
        public void Runs_on_Windows_PowerShell_5_1_and_PowerShell_7()
        {
            Assert.Equal(new[] { "Desktop", "Core" }, _manifest.List("CompatiblePSEditions"));
            Assert.Equal("5.1", _manifest.Scalar("PowerShellVersion"));
        }

        [Fact]
        public void Root_module_and_format_file_are_in_the_module_folder()
        {
            Assert.Equal("GptImage.PowerShell.dll", _manifest.Scalar("RootModule"));
            Assert.Equal(new[] { "GptImage.PowerShell.format.ps1xml" }, _manifest.List("FormatsToProcess"));
            Assert.True(System.IO.File.Exists(System.IO.Path.Combine(RepositoryPaths.ModuleFolder, "GptImage.PowerShell.format.ps1xml")));
        }

        [Fact]
        public void ModuleVersion_matches_the_assembly_version()
        {
            var version = _module.Module.GetName().Version!;
            Assert.Equal($"{version.Major}.{version.Minor}.{version.Build}", _manifest.Scalar("ModuleVersion"));
        }

        [Fact]
        public void Manifest_has_a_guid()
        {
            Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", _manifest.Scalar("GUID"));
        }
    }
}
