using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace GptImage.Commands
{
    /// <summary>
    /// Windows PowerShell 5.1 (.NET Framework) has no binding redirects for a module, and the netstandard2.0
    /// closure of System.Text.Json references older versions of its own dependencies than the ones shipped
    /// (System.Buffers 4.0.2.0 against the shipped 4.0.3.0; System.Runtime.CompilerServices.Unsafe 4.0.4.1
    /// against 6.0.0.0). Without help those loads fail. This resolver answers such requests with the file in the
    /// module folder (or its Dependencies folder, where the pixel code and ImageSharp are kept), whatever version was
    /// asked for. On PowerShell 7 the module's own load context does this instead (see <see cref="ModuleLoader"/>).
    /// </summary>
    internal static class DependencyResolver
    {
        /// <summary>The assemblies shipped with the module dll, in its folder or Dependencies/ (the AssembleModule list in the csproj).</summary>
        public static readonly IReadOnlyList<string> ShippedAssemblies = new[]
        {
            "GptImage.Core",
            "GptImage.Imaging",
            "Microsoft.Bcl.AsyncInterfaces",
            "SixLabors.ImageSharp",
            "System.Buffers",
            "System.Memory",
            "System.Numerics.Vectors",
            "System.Runtime.CompilerServices.Unsafe",
            "System.Text.Encoding.CodePages",
            "System.Text.Encodings.Web",
            "System.Text.Json",
            "System.Threading.Tasks.Extensions",
        };

        private static readonly HashSet<string> Shipped = new HashSet<string>(ShippedAssemblies, StringComparer.OrdinalIgnoreCase);
        private static readonly string[] Folders = { ModuleLoader.ModuleFolder, ModuleLoader.DependencyFolder };
        private static int _registered;

        public static void Register()
        {
            if (System.Threading.Interlocked.Exchange(ref _registered, 1) == 0)
                AppDomain.CurrentDomain.AssemblyResolve += Resolve;
        }

        public static void Unregister()
        {
            if (System.Threading.Interlocked.Exchange(ref _registered, 0) == 1)
                AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
        }

        /// <summary>The first folder's copy for a shipped name, or null to let the runtime go on looking.</summary>
        internal static string? PathFor(string requestedName, params string[] folders)
        {
            string? simpleName = new AssemblyName(requestedName).Name;
            if (simpleName is null || !Shipped.Contains(simpleName)) return null;
            return folders.Select(folder => Path.Combine(folder, simpleName + ".dll")).FirstOrDefault(File.Exists);
        }

        private static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            string? path = PathFor(args.Name, Folders);
            if (path is null) return null;
            string simpleName = Path.GetFileNameWithoutExtension(path);
            // Once loaded, every later request (any version) gets the same assembly.
            Assembly? loaded = AppDomain.CurrentDomain.GetAssemblies()
                .FirstOrDefault(a => string.Equals(a.GetName().Name, simpleName, StringComparison.OrdinalIgnoreCase)
                    && string.Equals(a.Location, path, StringComparison.OrdinalIgnoreCase));
            return loaded ?? Assembly.LoadFrom(path);
        }
    }
}
