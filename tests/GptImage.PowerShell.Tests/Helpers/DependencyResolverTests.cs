using GptImage.Commands;

namespace GptImage.PowerShell.Tests.Helpers
{
    /// <summary>The Windows PowerShell 5.1 resolver answers exactly for the dependencies the module folder ships.</summary>
    public sealed class DependencyResolverTests
    {
        [Fact]
        public void It_knows_every_dll_of_the_module_folder_but_the_module_itself()
        {
            var shipped = Directory.GetFiles(RepositoryPaths.ModuleFolder, "*.dll", SearchOption.AllDirectories)
                .Select(Path.GetFileNameWithoutExtension)
                .Where(n => n != "GptImage.PowerShell" && n != "GptImage.PowerShell.LoadContext")
                .OrderBy(n => n, System.StringComparer.Ordinal);
            Assert.Equal(shipped, DependencyResolver.ShippedAssemblies.OrderBy(n => n, System.StringComparer.Ordinal));
        }

        [Theory]
        [InlineData("System.Buffers, Version=4.0.2.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51")]
        [InlineData("System.Runtime.CompilerServices.Unsafe, Version=4.0.4.1, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a")]
        [InlineData("System.Text.Json, Version=8.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51")]
        public void Any_version_of_a_shipped_dependency_resolves_to_the_module_folder_copy(string requested)
        {
            string? path = DependencyResolver.PathFor(requested, RepositoryPaths.ModuleFolder);
            Assert.NotNull(path);
            Assert.Equal(RepositoryPaths.ModuleFolder, Path.GetDirectoryName(path));
        }

        [Fact]
        public void The_pixel_code_and_ImageSharp_resolve_from_the_Dependencies_folder()
        {
            string dependencies = Path.Combine(RepositoryPaths.ModuleFolder, "Dependencies");
            foreach (string name in new[] { "GptImage.Imaging, Version=0.1.0.0", "SixLabors.ImageSharp, Version=2.0.0.0, Culture=neutral, PublicKeyToken=d998eea7b14cab13" })
                Assert.Equal(dependencies, Path.GetDirectoryName(DependencyResolver.PathFor(name, RepositoryPaths.ModuleFolder, dependencies)));
        }

        [Theory]
        [InlineData("Newtonsoft.Json, Version=13.0.0.0, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed")]
        [InlineData("System.Management.Automation, Version=3.0.0.0")]
        public void Other_assemblies_are_left_to_the_runtime(string requested)
        {
            Assert.Null(DependencyResolver.PathFor(requested, RepositoryPaths.ModuleFolder));
        }
    }
}
