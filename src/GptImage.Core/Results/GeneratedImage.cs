using System;

namespace GptImage
{
    /// <summary>One decoded image.</summary>
    public sealed class GeneratedImage
    {
        public int Index { get; init; }
        public byte[] Bytes { get; init; } = Array.Empty<byte>();

        /// <summary>"png", "jpeg" or "webp", decided from the bytes, never trusted from the request.</summary>
        public string Format { get; init; } = "png";

        public string? RevisedPrompt { get; init; }
    }
}
