using System.Threading;
using System.Threading.Tasks;

namespace GptImage
{
    /// <summary>
    /// Conversation turns on the Responses API, beside the images endpoints of <see cref="IGptImageClient"/>; kept as its
    /// own seam so that existing fakes of the image client stay valid. <see cref="GptImageClient"/> implements both.
    /// </summary>
    public interface IConversationClient
    {
        /// <summary>Sends one turn; the result carries the response id that the next turn continues from.</summary>
        Task<ImageResult> RespondAsync(ConversationTurnRequest request, CancellationToken cancellationToken = default);
    }
}
