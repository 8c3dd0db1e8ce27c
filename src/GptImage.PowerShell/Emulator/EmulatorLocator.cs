using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;

namespace GptImage.Commands
{
    /// <summary>
    /// Finds the emulator's program: $env:GPTIMAGE_EMULATOR (an executable or a .dll), else the .NET tool
    /// `gptimage-emulator` on PATH, else in the folder `dotnet tool install --global` uses (~/.dotnet/tools),
    /// which is not on PATH in many CI images. The module never carries the emulator itself.
    /// </summary>
    internal static class EmulatorLocator
    {
        public const string EnvironmentVariable = "GPTIMAGE_EMULATOR";
        public const string ToolCommand = "gptimage-emulator";
        public const string InstallAdvice =
            "Install the emulator's .NET tool package (it needs the .NET 10 runtime): " +
            "dotnet tool install --global GptImage.Emulator --add-source <folder holding GptImage.Emulator.<version>.nupkg>; " +
            "or set $env:" + EnvironmentVariable + " to the emulator's program or GptImage.Emulator.dll.";

        /// <summary>The program to start and the arguments that come before the emulator's own flags.</summary>
        public static (string FileName, IReadOnlyList<string> Prefix)? Find()
        {
            string? configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(configured)) return Launch(configured!);

            string executable = ToolCommand + (IsWindows ? ".exe" : string.Empty);
            foreach (string folder in SearchFolders())
            {
                string candidate = Path.Combine(folder, executable);
                if (File.Exists(candidate)) return Launch(candidate);
            }
            return null;
        }

        /// <summary>A .dll runs under `dotnet` in the same process (no launcher child left behind when it is stopped).</summary>
        private static (string, IReadOnlyList<string>) Launch(string path) =>
            path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
                ? ("dotnet", new[] { Path.GetFullPath(path) })
                : (Path.GetFullPath(path), Array.Empty<string>());

        private static IEnumerable<string> SearchFolders()
        {
            string path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
            foreach (string folder in path.Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries))
                yield return folder.Trim('"');
            string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            if (!string.IsNullOrEmpty(home)) yield return Path.Combine(home, ".dotnet", "tools");
        }

        private static bool IsWindows => RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
    }
}
