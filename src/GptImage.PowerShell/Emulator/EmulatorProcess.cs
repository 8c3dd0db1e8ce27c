using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace GptImage.Commands
{
    /// <summary>
    /// Starts the emulator as one child process (never through `dotnet run`, whose real server would outlive a
    /// stopped launcher), waits for its "Listening on" line, and stops it. Every emulator still running when the
    /// PowerShell process exits is stopped then, so a test run that never reached its AfterAll leaves none behind.
    /// </summary>
    internal static class EmulatorProcess
    {
        private static readonly Regex ListeningLine = new Regex(@"Listening on (http://\S+)", RegexOptions.CultureInvariant);
        private static readonly List<Process> Started = new List<Process>();

        static EmulatorProcess()
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                lock (Started) foreach (Process process in Started.ToList()) Stop(process);
            };
        }

        /// <summary>Starts it and returns its process and base URL; throws with the emulator's own error text when it does not come up.</summary>
        public static (Process Process, string BaseUrl) Start(string fileName, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancel)
        {
            var startInfo = new ProcessStartInfo(fileName, string.Join(" ", arguments.Select(Quote)))
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                CreateNoWindow = true,
            };
            Process process = Process.Start(startInfo) ?? throw new InvalidOperationException($"'{fileName}' did not start.");
            lock (Started) Started.Add(process);
            Task<string> errors = process.StandardError.ReadToEndAsync();
            try
            {
                DateTime deadline = DateTime.UtcNow + timeout;
                while (true)
                {
                    Task<string?> next = process.StandardOutput.ReadLineAsync();
                    TimeSpan left = deadline - DateTime.UtcNow;
                    if (left <= TimeSpan.Zero || !next.Wait((int)Math.Ceiling(left.TotalMilliseconds), cancel))
                        throw new TimeoutException($"The emulator did not report its address within {timeout.TotalSeconds:0} seconds.");
                    string? line = next.Result;
                    if (line is null)
                    {
                        process.WaitForExit(5000);
                        errors.Wait(5000);
                        string said = errors.IsCompleted ? errors.Result.Trim() : string.Empty;
                        throw new InvalidOperationException($"The emulator ended before it listened (exit code {process.ExitCode})" + (said.Length > 0 ? ": " + said : "."));
                    }
                    Match match = ListeningLine.Match(line);
                    if (!match.Success) continue;
                    // Keep reading, so a chatty emulator never blocks on a full pipe.
                    _ = process.StandardOutput.ReadToEndAsync();
                    return (process, match.Groups[1].Value);
                }
            }
            catch
            {
                Stop(process);
                throw;
            }
        }

        /// <summary>Ends the process and waits for it; safe to call twice or after it ended by itself.</summary>
        public static void Stop(Process process)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill();
                    process.WaitForExit(10000);
                }
            }
            catch (InvalidOperationException)
            {
                // It ended between the check and the kill.
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Access denied while it was already exiting.
            }
            lock (Started) Started.Remove(process);
        }

        private static string Quote(string argument) =>
            argument.Length > 0 && argument.IndexOfAny(new[] { ' ', '\t', '"' }) < 0 ? argument : "\"" + argument.Replace("\"", "\\\"") + "\"";
    }
}
