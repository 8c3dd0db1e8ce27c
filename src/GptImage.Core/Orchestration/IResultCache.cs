using System.Threading;
using System.Threading.Tasks;

namespace GptImage.Orchestration
{
    /// <summary>
    /// Where finished requests are remembered so that a rerun (or a duplicate row) never pays twice.
    /// Keys are the SHA-256 of the canonical request (see the cache implementation).
    /// </summary>
    public interface IResultCache
    {
        /// <summary>The committed result for the key, or null.</summary>
        Task<ImageResult?> TryGetAsync(string key, CancellationToken cancellationToken);

        /// <summary>Stores a result atomically; after this returns, a killed process still finds it.</summary>
        Task CommitAsync(string key, ImageResult result, CancellationToken cancellationToken);
    }
}
