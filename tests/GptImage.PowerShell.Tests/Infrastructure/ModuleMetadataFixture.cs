namespace GptImage.PowerShell.Tests.Infrastructure
{
    /// <summary>One metadata view of the built module per test class.</summary>
    public sealed class ModuleMetadataFixture : IDisposable
    {
        public ModuleMetadata Metadata { get; } = new ModuleMetadata();

        public void Dispose() => Metadata.Dispose();
    }
}
