namespace GptImage.Emulator.Conversations
{
    /// <summary>
    /// What a POST /responses call adds to the image call it carries: the mainline model, the response it continues
    /// (and what that one left: its image and context), and whether it streams.
    /// </summary>
    internal sealed class ConversationTurn
    {
        public string MainlineModel { get; init; } = string.Empty;
        public string? PreviousResponseId { get; init; }
        public StoredResponse? Previous { get; init; }
        public bool Stream { get; init; }

        /// <summary>Text tokens of the turn's own input (its prompt), for the mainline usage.</summary>
        public string InputText { get; init; } = string.Empty;
    }
}
