using System;
using System.Threading;
using System.Threading.Tasks;

namespace GptImage.Orchestration
{
    /// <summary>
    /// Decides how many requests may be in flight. The simple gate is a fixed semaphore; the adaptive one
    /// follows the rate-limit headers and 429 answers that the client reports after every attempt.
    /// </summary>
    public interface IConcurrencyGate
    {
        /// <summary>Waits for a slot; dispose the returned lease when the request is finished.</summary>
        Task<IDisposable> AcquireAsync(CancellationToken cancellationToken);

        /// <summary>Feedback from the client after every HTTP attempt (wired to GptImageClientOptions.OnAttempt).</summary>
        void OnAttempt(HttpAttemptInfo attempt);
    }

    /// <summary>
    /// A gate that can weigh a request by the images it will make (n), for servers that limit images per minute.
    /// Optional, so that a simple gate need only implement <see cref="IConcurrencyGate"/>.
    /// </summary>
    public interface IImageWeightedGate : IConcurrencyGate
    {
        /// <summary>Waits for a slot for a request that makes <paramref name="images"/> images (at least 1).</summary>
        Task<IDisposable> AcquireAsync(int images, CancellationToken cancellationToken);
    }

    public static class ConcurrencyGateExtensions
    {
        /// <summary>Acquires weighted by <paramref name="images"/> when the gate can weigh, else one plain slot.</summary>
        public static Task<IDisposable> AcquireAsync(this IConcurrencyGate gate, int images, CancellationToken cancellationToken)
        {
            if (gate is null) throw new ArgumentNullException(nameof(gate));
            return gate is IImageWeightedGate weighted ? weighted.AcquireAsync(images, cancellationToken) : gate.AcquireAsync(cancellationToken);
        }
    }
}
