using System.Reflection;
using System.Runtime.InteropServices;

namespace GptImage.PowerShell.Tests.Infrastructure
{
    /// <summary>
    /// The built module read as metadata only: nothing in it runs, so PowerShellStandard's stub engine never
    /// executes a cmdlet and attribute values come from CustomAttributeData (the stub's attributes, if
    /// instantiated, would report empty values).
    /// </summary>
    public sealed class ModuleMetadata : IDisposable
    {
        public const string CmdletAttribute = "System.Management.Automation.CmdletAttribute";

        private readonly MetadataLoadContext _context;

        public ModuleMetadata()
        {
            if (!File.Exists(RepositoryPaths.ModuleAssembly))
                throw new FileNotFoundException("Build the module first (dotnet build): the module folder has no GptImage.PowerShell.dll.", RepositoryPaths.ModuleAssembly);
            var paths = new List<string>(Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll"));
            // The module's own files win over the runtime's copies of System.Text.Json and friends (same names).
            var moduleDlls = Directory.GetFiles(RepositoryPaths.ModuleFolder, "*.dll");
            var moduleNames = new HashSet<string>(moduleDlls.Select(Path.GetFileName)!, StringComparer.OrdinalIgnoreCase);
            paths.RemoveAll(p => moduleNames.Contains(Path.GetFileName(p)));
            paths.AddRange(moduleDlls);
            paths.Add(RepositoryPaths.PowerShellStandardAssembly);
            _context = new MetadataLoadContext(new PathAssemblyResolver(paths), coreAssemblyName: "System.Private.CoreLib");
            Module = _context.LoadFromAssemblyPath(RepositoryPaths.ModuleAssembly);
        }

        public Assembly Module { get; }

        /// <summary>Every type carrying [Cmdlet].</summary>
        public IReadOnlyList<Type> CmdletTypes =>
            Module.GetTypes().Where(t => t.GetCustomAttributesData().Any(a => a.AttributeType.FullName == CmdletAttribute)).ToList();

        public Type? FindType(string fullName)
        {
            Type? own = Module.GetType(fullName);
            if (own != null) return own;
            foreach (var name in Module.GetReferencedAssemblies())
            {
                Type? t = _context.LoadFromAssemblyName(name).GetType(fullName);
                if (t != null) return t;
            }
            return null;
        }

        public void Dispose() => _context.Dispose();
    }
}
