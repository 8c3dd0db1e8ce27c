using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace GptImage.Emulator.Hosting
{
    /// <summary>
    /// Replaces the host's console lifetime, which would take over Ctrl+C and SIGTERM of whatever process
    /// starts the emulator (a test runner, a batch runner). The standalone Program handles signals itself.
    /// </summary>
    internal sealed class NoSignalLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
