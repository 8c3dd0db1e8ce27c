using System.Management.Automation;

namespace GptImage.Commands
{
    /// <summary>Run by Import-Module and Remove-Module: installs and removes the dependency resolver for Windows PowerShell 5.1.</summary>
    public sealed class ModuleLoader : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        public void OnImport() => DependencyResolver.Register();

        public void OnRemove(PSModuleInfo psModuleInfo) => DependencyResolver.Unregister();
    }
}
