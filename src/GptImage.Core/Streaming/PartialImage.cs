namespace GptImage
{
    /// <summary>
    /// A partial image that arrived while a streamed request (PartialImages 1..3) was still running
    /// (image_generation.partial_image or image_edit.partial_image). Reported through
    /// <see cref="GptImageClientOptions.OnPartialImage"/>, on the thread that reads the stream.
    /// </summary>
    public sealed class PartialImage
    {
        /// <summary>The request whose answer this is (the same object the caller passed in).</summary>
        public ImageGenerationRequest Request { get; init; } = new ImageGenerationRequest();

        /// <summary>partial_image_index: 0 for the first partial image.</summary>
        public int PartialImageIndex { get; init; }

        public byte[] Bytes { get; init; } = System.Array.Empty<byte>();

        /// <summary>png, jpeg or webp, decided from the bytes.</summary>
        public string Format { get; init; } = "png";

        /// <summary>The event's type, for example image_generation.partial_image.</summary>
        public string EventType { get; init; } = string.Empty;
    }
}
