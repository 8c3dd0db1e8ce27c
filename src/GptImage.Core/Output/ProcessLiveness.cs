using System;
using System.Diagnostics;

namespace GptImage.Orchestration
{
    /// <summary>Whether the process that wrote a temporary file still runs (its files are then in use, not orphans).</summary>
    internal static class ProcessLiveness
    {
        public static readonly int CurrentProcessId = Process.GetCurrentProcess().Id;

        public static bool IsRunning(int pid)
        {
            if (pid == CurrentProcessId) return true;
            try
            {
                using var process = Process.GetProcessById(pid);
                return !process.HasExited;
            }
            catch (ArgumentException) { return false; }
            catch (InvalidOperationException) { return false; }
        }
    }
}
