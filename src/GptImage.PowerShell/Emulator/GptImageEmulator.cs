using System;
using System.Diagnostics;

namespace GptImage.Commands
{
    /// <summary>
    /// An emulator Start-GptImageEmulator started: where it listens, its process, and what the session used
    /// before it was pointed at the emulator (restored by Stop-GptImageEmulator).
    /// </summary>
    public sealed class GptImageEmulator
    {
        internal GptImageEmulator(Process process, string baseUrl, SessionPointer previous)
        {
            Process = process;
            BaseUrl = baseUrl;
            ControlUrl = baseUrl.EndsWith("/v1/", StringComparison.Ordinal) ? baseUrl.Substring(0, baseUrl.Length - 3) + "_emulator/" : baseUrl + "_emulator/";
            ProcessId = process.Id;
            Port = new Uri(baseUrl).Port;
            StartedAt = DateTimeOffset.Now;
            Previous = previous;
        }

        /// <summary>The API base URL, http://127.0.0.1:PORT/v1/: what the session's cmdlets now use.</summary>
        public string BaseUrl { get; }

        /// <summary>The control endpoints (counters, options, faults): for example Invoke-RestMethod "$($emulator.ControlUrl)counters".</summary>
        public string ControlUrl { get; }

        public int Port { get; }
        public int ProcessId { get; }
        public DateTimeOffset StartedAt { get; }

        /// <summary>False once it has been stopped or has ended on its own.</summary>
        public bool IsRunning
        {
            get
            {
                try { return !Process.HasExited; }
                catch (InvalidOperationException) { return false; }
            }
        }

        internal Process Process { get; }
        internal SessionPointer Previous { get; }

        public override string ToString() => BaseUrl;
    }
}
