using System.Management.Automation;

namespace GptImage.Commands
{
    /// <summary>
    /// Run by Import-Module and Remove-Module: installs and removes the dependency resolver for Windows PowerShell 5.1,
    /// and on removal forgets this runspace's Connect-GptImage defaults. The assembly stays loaded after Remove-Module
    /// (.NET cannot unload it), so without that a module imported again would still send the old key to the old endpoint.
    /// </summary>
    public sealed class ModuleLoader : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        public void OnImport() => DependencyResolver.Register();

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            ConnectionStore.Clear();
            DependencyResolver.Unregister();
        }
    }
}
