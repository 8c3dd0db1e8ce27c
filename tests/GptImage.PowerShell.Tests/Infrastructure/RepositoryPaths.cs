using System.Reflection;

namespace GptImage.PowerShell.Tests.Infrastructure
{
    /// <summary>Where the repository, the assembled module folder and PowerShellStandard's stub assembly are (paths baked in at build).</summary>
    internal static class RepositoryPaths
    {
        public static string Root => Metadata("RepositoryRoot");

        /// <summary>The importable module folder the module project's AssembleModule target fills on every build.</summary>
        public static string ModuleFolder => Path.Combine(Root, "artifacts", "module", "GptImage.PowerShell");

        public static string ModuleAssembly => Path.Combine(ModuleFolder, "GptImage.PowerShell.dll");

        public static string Manifest => Path.Combine(Root, "module", "GptImage.PowerShell.psd1");

        public static string FormatFile => Path.Combine(Root, "module", "GptImage.PowerShell.format.ps1xml");

        public static string PowerShellStandardAssembly => Metadata("PowerShellStandardAssembly");

        private static string Metadata(string key)
        {
            string? value = typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == key)?.Value;
            if (string.IsNullOrEmpty(value)) throw new InvalidOperationException($"Assembly metadata '{key}' is missing from the test project.");
            return value;
        }
    }
}
