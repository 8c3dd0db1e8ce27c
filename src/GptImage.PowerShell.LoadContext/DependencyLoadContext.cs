using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace GptImage.Loading
{
    /// <summary>
    /// The module's own load context on PowerShell 7. GptImage.Imaging (the pixel code) and SixLabors.ImageSharp
    /// are loaded here from the module's Dependencies folder, so another module that loaded a different ImageSharp
    /// into the session cannot hand the pixel code its copy, and ours cannot break that module. Everything else
    /// comes from the default context: GptImage.Core (so both sides share its types), the runtime's own
    /// assemblies and System.Text.Json, which PowerShell 7.4+ carries in its shared framework (8.0 or newer) where
    /// no module can replace it. The netstandard2.0 facades (System.Memory and the like) are never loaded here:
    /// they would make a second, incompatible Span type.
    /// </summary>
    internal sealed class DependencyLoadContext : AssemblyLoadContext
    {
        /// <summary>The assemblies this context owns; GptImage.Core reaches them only through GptImage.Imaging, found by name.</summary>
        public static readonly HashSet<string> Owned = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "GptImage.Imaging",
            "SixLabors.ImageSharp",
        };

        private readonly string _folder;

        public DependencyLoadContext(string folder) : base("GptImage.PowerShell", isCollectible: false) => _folder = folder;

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            if (assemblyName.Name is null || !Owned.Contains(assemblyName.Name)) return null;
            string path = Path.Combine(_folder, assemblyName.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }

    /// <summary>Called once by the module's initializer on PowerShell 7 (through reflection: the module dll is netstandard2.0).</summary>
    public static class DependencyLoadContextInstaller
    {
        private static readonly object Gate = new object();
        private static DependencyLoadContext? _context;

        /// <summary>
        /// Sends the default context's requests for GptImage.Imaging (which GptImage.Core asks for by name) to the
        /// module's context. Idempotent: a second Import-Module of the same folder changes nothing.
        /// </summary>
        public static void Install(string dependencyFolder)
        {
            lock (Gate)
            {
                if (_context != null) return;
                _context = new DependencyLoadContext(dependencyFolder);
                AssemblyLoadContext.Default.Resolving += ResolveImaging;
            }
        }

        /// <summary>The context's name and the assemblies it holds, for tests and diagnostics.</summary>
        public static string[] LoadedAssemblies()
        {
            var names = new List<string>();
            if (_context != null)
                foreach (Assembly a in _context.Assemblies) names.Add(a.GetName().ToString());
            return names.ToArray();
        }

        private static Assembly? ResolveImaging(AssemblyLoadContext context, AssemblyName name) =>
            string.Equals(name.Name, "GptImage.Imaging", StringComparison.OrdinalIgnoreCase) ? _context!.LoadFromAssemblyName(name) : null;
    }
}
