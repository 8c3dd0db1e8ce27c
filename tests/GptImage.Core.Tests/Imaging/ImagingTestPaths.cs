namespace GptImage.Tests.Imaging
{
    /// <summary>Where the repository, the committed corpus and the node tools are, seen from the test binaries.</summary>
    internal static class ImagingTestPaths
    {
        public static string RepoRoot { get; } = FindRepoRoot();

        /// <summary>The corpus copied next to the test assembly (Corpus/** is CopyToOutputDirectory).</summary>
        public static string Corpus(params string[] parts) =>
            Path.Combine(AppContext.BaseDirectory, "Corpus", Path.Combine(parts));

        private static string FindRepoRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "GptImage.PowerShell.sln"))) return dir.FullName;
            throw new InvalidOperationException("GptImage.PowerShell.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
