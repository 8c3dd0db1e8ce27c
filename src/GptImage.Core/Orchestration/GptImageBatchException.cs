using System;

namespace GptImage.Orchestration
{
    /// <summary>
    /// A row the batch itself stopped: an existing file (GptImage.FileExists), the cost limit
    /// (GptImage.CostLimitReached). Never carries the API key.
    /// </summary>
    public sealed class GptImageBatchException : Exception
    {
        public GptImageBatchException(string errorId, string message, Exception? inner = null) : base(message, inner)
        {
            ErrorId = errorId;
        }

        /// <summary>Stable id from <see cref="ErrorIds"/>.</summary>
        public string ErrorId { get; }

        /// <summary>The path concerned, for file errors.</summary>
        public string? Path { get; init; }
    }
}
