namespace GptImage
{
    /// <summary>
    /// One turn of a multi-turn image conversation on the Responses API (POST /responses with the image_generation
    /// tool). It is an edit whose image may be the conversation's last one: <see cref="PreviousResponseId"/> carries the
    /// earlier turns (their images included) on the server, so a later turn uploads nothing unless it names images of
    /// its own. <see cref="ImageGenerationRequest.Model"/> is the tool's image model; <see cref="ResponsesModel"/> is the
    /// mainline model that reads the conversation and calls the tool. Count and User are not tool options and must stay
    /// unset; Moderation is (unlike the multipart edit form).
    /// </summary>
    public sealed class ConversationTurnRequest : ImageEditRequest
    {
        /// <summary>The mainline model used when the caller names none: it supports the image_generation tool.</summary>
        public const string DefaultResponsesModel = "gpt-5.4";

        /// <summary>The mainline model (wire: the body's model), which calls the image tool.</summary>
        public string ResponsesModel { get; set; } = DefaultResponsesModel;

        /// <summary>The id of the turn this one continues (wire: previous_response_id); null for a conversation's first turn.</summary>
        public string? PreviousResponseId { get; set; }
    }
}
