using System.Threading;
using System.Threading.Tasks;

namespace GptImage
{
    /// <summary>The seam between the orchestration (batches, cmdlets) and HTTP, so the engine can be tested with a fake.</summary>
    public interface IGptImageClient
    {
        Task<ImageResult> GenerateAsync(ImageGenerationRequest request, CancellationToken cancellationToken = default);
        Task<ImageResult> EditAsync(ImageEditRequest request, CancellationToken cancellationToken = default);
    }
}
