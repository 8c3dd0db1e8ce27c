using System.Collections.Generic;

namespace GptImage.Tests.BatchApi
{
    /// <summary>
    /// Property names of the request bodies, copied from OpenAI's openapi.yaml (commit f85dbe2, the project's
    /// reference spec): CreateImageRequest and EditImageBodyJsonParam. A batch line's body may hold nothing else.
    /// </summary>
    internal static class SpecFields
    {
        public static readonly HashSet<string> CreateImageRequest = new HashSet<string>
        {
            "prompt", "model", "n", "quality", "response_format", "output_format", "output_compression", "stream",
            "partial_images", "size", "moderation", "background", "style", "user",
        };

        public static readonly HashSet<string> EditImageBodyJsonParam = new HashSet<string>
        {
            "model", "images", "mask", "prompt", "n", "quality", "input_fidelity", "size", "user", "output_format",
            "output_compression", "moderation", "background", "stream", "partial_images",
        };

        /// <summary>The Batch API's request input object (one JSONL line).</summary>
        public static readonly HashSet<string> BatchRequestInput = new HashSet<string> { "custom_id", "method", "url", "body" };
    }
}
