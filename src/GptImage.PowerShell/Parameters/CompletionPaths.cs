using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace GptImage.Commands
{
    /// <summary>
    /// The folders a completer reads from what was typed so far: a path parameter's values as full paths in PowerShell's
    /// current folder (Set-Location), which the process's own current directory does not follow.
    /// </summary>
    internal static class CompletionPaths
    {
        /// <summary>The typed values of <paramref name="parameter"/> (one or several), each as a full path; none when not typed.</summary>
        public static IReadOnlyList<string> Typed(IDictionary? fakeBoundParameters, string parameter)
        {
            object? value = fakeBoundParameters?.Contains(parameter) == true ? fakeBoundParameters[parameter] : null;
            if (value is PSObject pso) value = pso.BaseObject;
            IEnumerable<object?> values = value is string one ? new object?[] { one } : value is IEnumerable many ? many.Cast<object?>() : Enumerable.Empty<object?>();
            return values
                .Select(v => (v is PSObject p ? p.BaseObject : v)?.ToString()?.Trim('\'', '"'))
                .Where(text => !string.IsNullOrWhiteSpace(text))
                .Select(text => System.IO.Path.GetFullPath(System.IO.Path.Combine(CurrentFolder(), text!)))
                .ToList();
        }

        /// <summary>
        /// PowerShell's current file system folder, else the process's. A completer runs inside TabExpansion2's pipeline,
        /// where SessionStateProxy refuses every call ("a pipeline is already running"); a nested pipeline on the same
        /// runspace may ask.
        /// </summary>
        private static string CurrentFolder()
        {
            try
            {
                using var shell = System.Management.Automation.PowerShell.Create(RunspaceMode.CurrentRunspace);
                PathInfo? location = shell.AddCommand("Microsoft.PowerShell.Management\\Get-Location").AddParameter("PSProvider", "FileSystem")
                    .Invoke<PathInfo>().FirstOrDefault();
                return location?.ProviderPath ?? Environment.CurrentDirectory;
            }
            catch (Exception e) when (e is PSInvalidOperationException || e is RuntimeException || e is InvalidOperationException)
            {
                return Environment.CurrentDirectory;
            }
        }
    }
}
