using System;
using System.IO;

namespace GptImage.Orchestration
{
    /// <summary>
    /// Where a paid answer goes when the run's own cache cannot store it (a full disk, a folder that became
    /// unwritable): a folder in the user's local application data (or the temporary folder), on another path
    /// than the output, which every run looks in before it pays, so a rerun finds the answer there.
    /// </summary>
    public static class FallbackCacheLocation
    {
        /// <summary>The environment variable that moves the fallback cache (a shared machine, a test run).</summary>
        public const string EnvironmentVariable = "GPTIMAGE_FALLBACK_CACHE";

        /// <summary>
        /// $env:GPTIMAGE_FALLBACK_CACHE when set; else &lt;LocalApplicationData&gt;/GptImage.PowerShell/fallback-cache,
        /// or &lt;temp&gt;/GptImage.PowerShell-fallback-cache where there is no such folder.
        /// </summary>
        public static string Default
        {
            get
            {
                string? chosen = Environment.GetEnvironmentVariable(EnvironmentVariable);
                if (!string.IsNullOrWhiteSpace(chosen)) return chosen!.Trim();
                string appData = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
                return string.IsNullOrEmpty(appData)
                    ? Path.Combine(Path.GetTempPath(), "GptImage.PowerShell-fallback-cache")
                    : Path.Combine(appData, "GptImage.PowerShell", "fallback-cache");
            }
        }
    }
}
