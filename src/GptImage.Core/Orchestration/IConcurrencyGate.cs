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
}
