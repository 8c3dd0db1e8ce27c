using System.Management.Automation;

namespace GptImage.Commands
{
    /// <summary>Whether the caller will see -Verbose output, so that costly diagnostics are only collected then.</summary>
    internal static class StreamPreferences
    {
        public static bool VerboseEnabled(PSCmdlet cmdlet)
        {
            if (cmdlet.MyInvocation.BoundParameters.TryGetValue("Verbose", out object? bound))
                return bound is SwitchParameter s ? s.IsPresent : bound is bool b && b;
            object? preference = cmdlet.SessionState.PSVariable.GetValue("VerbosePreference");
            return preference is ActionPreference p && p != ActionPreference.SilentlyContinue && p != ActionPreference.Ignore;
        }
    }
}
