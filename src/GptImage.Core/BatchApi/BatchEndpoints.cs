namespace GptImage.BatchApi
{
    /// <summary>The values of CreateBatchRequest.endpoint (and each input line's url) for images, and the file purposes used.</summary>
    public static class BatchEndpoints
    {
        public const string Generations = "/v1/images/generations";
        public const string Edits = "/v1/images/edits";

        /// <summary>CreateBatchRequest.completion_window: the only value the spec allows.</summary>
        public const string CompletionWindow = "24h";

        /// <summary>CreateFileRequest.purpose of the JSONL input.</summary>
        public const string BatchPurpose = "batch";

        /// <summary>CreateFileRequest.purpose of the input images of batched edits (images referenced by file_id).</summary>
        public const string ImagePurpose = "vision";

        public static string For(ImageGenerationRequest request) => request is ImageEditRequest ? Edits : Generations;
    }
}
