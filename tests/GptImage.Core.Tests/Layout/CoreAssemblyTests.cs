using System.Linq;
using System.Reflection;
using Xunit;

namespace GptImage.Tests.Layout
{
    /// <summary>The layout rules for GptImage.Core: no PowerShell reference, System.Text.Json 8.0 (PowerShell 7.4 loads its own 8.0).</summary>
    public sealed class CoreAssemblyTests
    {
        private static readonly AssemblyName[] References = typeof(GptImageClient).Assembly.GetReferencedAssemblies();

        [Fact]
        public void Core_does_not_reference_System_Management_Automation() =>
            Assert.DoesNotContain(References, a => a.Name == "System.Management.Automation");

        [Fact]
        public void Core_is_netstandard_and_builds_against_System_Text_Json_8()
        {
            Assert.Contains(References, a => a.Name == "netstandard");
            AssemblyName json = Assert.Single(References, a => a.Name == "System.Text.Json");
            Assert.Equal(8, json.Version!.Major);
        }
    }
}
