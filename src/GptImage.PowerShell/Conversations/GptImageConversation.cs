using System;
using System.Collections.Generic;
using System.Linq;
using System.Security;
using GptImage.Orchestration;

namespace GptImage
{
    /// <summary>
    /// A multi-turn image conversation on the Responses API: the settings every turn uses (the mainline model, the image
    /// model and its tool options, where images are written, the connection) and the turns sent so far. Made by
    /// New-GptImageConversation without any network call; Send-GptImageConversation sends its turns, each continuing the
    /// last successful one, and records them here, so the conversation can be continued later in the same session. The
    /// key, when one was given, is held in a non-public member and never shown.
    /// </summary>
    public sealed class GptImageConversation
    {
        private readonly List<GptImageConversationTurn> _turns = new List<GptImageConversationTurn>();

        internal GptImageConversation() => Created = DateTimeOffset.Now;

        /// <summary>The mainline model, which reads the conversation and calls the image tool.</summary>
        public string Model { get; internal set; } = ConversationTurnRequest.DefaultResponsesModel;

        /// <summary>The image tool's model.</summary>
        public string ImageModel { get; internal set; } = ImageGenerationRequest.DefaultModel;

        public string? Size { get; internal set; }
        public string? Quality { get; internal set; }
        public string? OutputFormat { get; internal set; }
        public int? Compression { get; internal set; }
        public string? Background { get; internal set; }
        public string? Moderation { get; internal set; }
        public string? InputFidelity { get; internal set; }
        public int? PartialImages { get; internal set; }

        /// <summary>Full path of the folder each turn's image is written to; null keeps the bytes in the results.</summary>
        public string? OutputDirectory { get; internal set; }

        /// <summary>The file name template of each turn's image ({Turn}, {Hash}, {Row}, ...).</summary>
        public string FileName { get; internal set; } = DefaultFileName;

        /// <summary>Where answered turns are cached (default &lt;OutputDirectory&gt;/.gptimage-cache); null with -NoCache or no folder.</summary>
        public string? CacheDirectory { get; internal set; }
        public bool NoCache { get; internal set; }

        /// <summary>The endpoint given to New-GptImageConversation; null uses the session's (Connect-GptImage) or the environment's at each send.</summary>
        public string? Endpoint { get; internal set; }

        /// <summary>Whether a key was given to New-GptImageConversation (the key itself is never exposed).</summary>
        public bool HasApiKey => ApiKey != null;

        internal SecureString? ApiKey { get; set; }
        internal int MaxRetries { get; set; } = 3;
        internal int TimeoutSec { get; set; } = 600;

        /// <summary>The response a conversation started elsewhere continues from, before its first turn here.</summary>
        public string? StartResponseId { get; internal set; }

        public DateTimeOffset Created { get; }

        /// <summary>Every turn sent, in order, failed ones included.</summary>
        public IReadOnlyList<GptImageConversationTurn> Turns => _turns.AsReadOnly();

        /// <summary>The id of the last successful turn's response (or the starting one): what the next turn continues.</summary>
        public string? LastResponseId => _turns.LastOrDefault(t => t.ResponseId != null)?.ResponseId ?? StartResponseId;

        /// <summary>The last successful turn's image file.</summary>
        public string? LastPath => _turns.LastOrDefault(t => t.ResponseId != null)?.Path;

        /// <summary>What the turns cost in the runs that sent them (cached turns cost 0).</summary>
        public decimal TotalCostUsd => _turns.Sum(t => t.CostUsd ?? 0m);

        internal const string DefaultFileName = "turn-{Turn}-{Hash}";

        internal int NextTurnNumber => _turns.Count + 1;

        internal GptImageConversationTurn Record(int turnNumber, string prompt, string? previous, GptImageResult? result, string? errorId)
        {
            var turn = new GptImageConversationTurn(turnNumber, prompt)
            {
                PreviousResponseId = previous,
                Status = result?.Status ?? GptImageResult.StatusFailed,
                ResponseId = result?.ResponseId,
                Path = result?.Path,
                CostUsd = result?.CostUsd,
                ErrorId = errorId ?? result?.ErrorId,
                Sent = DateTimeOffset.Now,
            };
            _turns.Add(turn);
            return turn;
        }

        public override string ToString() => $"GptImage conversation ({_turns.Count} turn(s), last response {LastResponseId ?? "none"})";
    }
}
