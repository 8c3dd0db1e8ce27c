using System;
using System.Management.Automation;
using System.Threading;

namespace GptImage.Commands
{
    /// <summary>
    /// Root of every cmdlet that talks to the network: one token that StopProcessing (Ctrl+C) cancels, so
    /// requests in flight are abandoned at once, and one Dispose that releases what the cmdlet created.
    /// Declares no parameters.
    /// </summary>
    public abstract class StoppableCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();

        /// <summary>Cancelled by StopProcessing (Ctrl+C).</summary>
        protected CancellationToken StopToken => _stopping.Token;

        protected override void StopProcessing() => _stopping.Cancel();

        /// <summary>Releases the client, session or batch support the cmdlet created (the token is released here).</summary>
        protected virtual void ReleaseResources() { }

        public void Dispose()
        {
            ReleaseResources();
            _stopping.Dispose();
            GC.SuppressFinalize(this);
        }
    }
}
