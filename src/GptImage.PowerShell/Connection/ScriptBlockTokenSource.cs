using System;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Security;
using System.Threading;
using System.Threading.Tasks;

namespace GptImage.Commands
{
    /// <summary>
    /// Connect-GptImage -AccessTokenScript: a script block that returns a token. A script block belongs to the runspace
    /// that made it and must not run on the client's worker threads, so the first token is fetched on the pipeline
    /// thread (in the caller's session, with its variables and modules) and renewals, which fall due on a worker thread
    /// while requests are in flight, run the script's text in a runspace of their own (modules load as usual there;
    /// session variables are not available). The script may return a SecureString, a string, or an object with Token
    /// (SecureString or string) and ExpiresOn, like Get-AzAccessToken.
    /// </summary>
    internal static class ScriptBlockTokenSource
    {
        /// <summary>
        /// The client's token provider: the first token is fetched now, on the calling (pipeline) thread, and handed over on
        /// the client's first request; every later call renews in a runspace of its own.
        /// </summary>
        public static Func<CancellationToken, Task<GptImageAccessToken>> Create(ScriptBlock script)
        {
            GptImageAccessToken? first;
            try
            {
                first = Convert(script.Invoke(), "AccessTokenScript");
            }
            catch (RuntimeException e)
            {
                throw new GptImageValidationException(ErrorIds.MissingApiKey, "AccessTokenScript", null,
                    "a script block that returns an access token; it failed: " + e.Message);
            }
            Func<CancellationToken, Task<GptImageAccessToken>> renew = RenewInOwnRunspace(script.ToString());
            return cancellation => Interlocked.Exchange(ref first, null) is GptImageAccessToken primed ? Task.FromResult(primed) : renew(cancellation);
        }

        private static Func<CancellationToken, Task<GptImageAccessToken>> RenewInOwnRunspace(string text)
        {
            return cancellation => Task.Run(() =>
            {
                cancellation.ThrowIfCancellationRequested();
                using Runspace runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
                runspace.Open();
                using PowerShell shell = PowerShell.Create();
                shell.Runspace = runspace;
                shell.AddScript(text);
                using (cancellation.Register(() => shell.Stop()))
                {
                    Collection<PSObject> output = shell.Invoke();
                    if (shell.HadErrors && output.Count == 0)
                        throw new InvalidOperationException(shell.Streams.Error.FirstOrDefault()?.ToString() ?? "the script wrote an error");
                    return Convert(output, "AccessTokenScript");
                }
            }, cancellation);
        }

        /// <summary>The last object the script wrote, as a token; an error that says what the script should return otherwise.</summary>
        internal static GptImageAccessToken Convert(Collection<PSObject> output, string parameter)
        {
            PSObject? last = output.LastOrDefault(o => o != null);
            object? value = last?.BaseObject;
            DateTimeOffset? expires = null;
            if (last != null && !(value is string) && !(value is SecureString))
            {
                value = (last.Properties["Token"]?.Value as PSObject)?.BaseObject ?? last.Properties["Token"]?.Value;
                expires = ReadExpiry(last.Properties["ExpiresOn"]?.Value);
            }
            string? token = value switch
            {
                SecureString secure => SecureStringText.Reveal(secure),
                string text => text,
                _ => null,
            };
            if (string.IsNullOrWhiteSpace(token))
                throw new GptImageValidationException(ErrorIds.MissingApiKey, parameter, null,
                    "a script block that returns an access token: a SecureString, a string, or an object with Token and ExpiresOn (Get-AzAccessToken's output).");
            return new GptImageAccessToken(token!, expires);
        }

        private static DateTimeOffset? ReadExpiry(object? value)
        {
            if (value is PSObject pso) value = pso.BaseObject;
            return value switch
            {
                DateTimeOffset offset => offset,
                DateTime time => new DateTimeOffset(time.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time, DateTimeKind.Utc) : time),
                string text when DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out DateTimeOffset parsed) => parsed,
                _ => null,
            };
        }
    }
}
