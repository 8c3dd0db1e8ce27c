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
    /// module folder, whatever version was asked for. On PowerShell 7 the runtime already has these assemblies,
    /// so the handler is never asked.
    /// </summary>
    internal static class DependencyResolver
    {
        /// <summary>The assemblies shipped next to the module dll (the AssembleModule list in the csproj).</summary>
        public static readonly IReadOnlyList<string> ShippedAssemblies = new[]
        {
            "GptImage.Core",
            "Microsoft.Bcl.AsyncInterfaces",
            "System.Buffers",
            "System.Memory",
            "System.Numerics.Vectors",
            "System.Runtime.CompilerServices.Unsafe",
            "System.Text.Encodings.Web",
            "System.Text.Json",
            "System.Threading.Tasks.Extensions",
        };

        private static readonly HashSet<string> Shipped = new HashSet<string>(ShippedAssemblies, StringComparer.OrdinalIgnoreCase);
        private static readonly string ModuleFolder = Path.GetDirectoryName(typeof(DependencyResolver).Assembly.Location) ?? ".";
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

        /// <summary>The module folder's copy for a shipped name, or null to let the runtime go on looking.</summary>
        internal static string? PathFor(string requestedName, string folder)
        {
            string? simpleName = new AssemblyName(requestedName).Name;
            if (simpleName is null || !Shipped.Contains(simpleName)) return null;
            string path = Path.Combine(folder, simpleName + ".dll");
            return File.Exists(path) ? path : null;
        }

        private static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            string? path = PathFor(args.Name, ModuleFolder);
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
