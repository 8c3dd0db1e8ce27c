using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace GptImage.Commands
{
    /// <summary>
    /// Run by Import-Module and Remove-Module. The pixel code and ImageSharp live in the module's Dependencies
    /// folder, where nothing finds them by probing; this hands them out before any cmdlet needs them. PowerShell 7:
    /// they load into the module's own AssemblyLoadContext (GptImage.PowerShell.LoadContext.dll), apart from any
    /// other ImageSharp in the session. Windows PowerShell 5.1 (one AppDomain, no load contexts): an AssemblyResolve
    /// handler answers with the module's files, which also stands in for the binding redirects a module cannot have.
    /// On removal it also forgets this runspace's Connect-GptImage defaults: the assembly stays loaded after Remove-Module
    /// (.NET cannot unload it), so without that a module imported again would still send the old key to the old endpoint.
    /// </summary>
    public sealed class ModuleLoader : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        internal const string DependencyFolderName = "Dependencies";
        internal const string LoadContextAssemblyName = "GptImage.PowerShell.LoadContext";

        internal static string ModuleFolder { get; } = Path.GetDirectoryName(typeof(ModuleLoader).Assembly.Location) ?? ".";

        internal static string DependencyFolder { get; } = Path.Combine(ModuleFolder, DependencyFolderName);

        /// <summary>True on .NET (PowerShell 7), false on .NET Framework (Windows PowerShell 5.1).</summary>
        internal static bool HasLoadContexts { get; } = Type.GetType("System.Runtime.Loader.AssemblyLoadContext, System.Runtime.Loader", throwOnError: false) != null;

        public void OnImport()
        {
            if (HasLoadContexts)
                InstallLoadContext();
            else
                DependencyResolver.Register();
        }

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            ConnectionStore.Clear();
            DependencyResolver.Unregister();
        }

        private static void InstallLoadContext()
        {
            Assembly loader = Assembly.LoadFrom(Path.Combine(ModuleFolder, LoadContextAssemblyName + ".dll"));
            Type installer = loader.GetType("GptImage.Loading.DependencyLoadContextInstaller", throwOnError: true)!;
            installer.GetMethod("Install", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, new object[] { DependencyFolder });
        }
    }
}
