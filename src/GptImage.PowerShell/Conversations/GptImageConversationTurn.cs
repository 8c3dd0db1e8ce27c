using System;

namespace GptImage
{
    /// <summary>One turn of a <see cref="GptImageConversation"/>, as Send-GptImageConversation recorded it.</summary>
    public sealed class GptImageConversationTurn
    {
        internal GptImageConversationTurn(int turnNumber, string prompt) { TurnNumber = turnNumber; Prompt = prompt; }

        /// <summary>1 for the conversation's first turn.</summary>
        public int TurnNumber { get; }
        public string Prompt { get; }

        /// <summary>Succeeded, Cached (replayed from the cache, nothing paid) or Failed.</summary>
        public string Status { get; internal set; } = string.Empty;

        /// <summary>The response id the next turn continues from; null when the turn failed.</summary>
        public string? ResponseId { get; internal set; }

        /// <summary>The response this turn continued (null for the first turn, or one that started from -PreviousResponseId's absence).</summary>
        public string? PreviousResponseId { get; internal set; }

        /// <summary>The written image file, when the conversation has an output directory.</summary>
        public string? Path { get; internal set; }

        public decimal? CostUsd { get; internal set; }
        public string? ErrorId { get; internal set; }
        public DateTimeOffset Sent { get; internal set; }

        public override string ToString() => $"Turn {TurnNumber} {Status}: {ResponseId ?? ErrorId}";
    }
}
