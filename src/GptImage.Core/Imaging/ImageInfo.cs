namespace GptImage
{
    /// <summary>What the first bytes of an image file say: format, pixel size and whether it can carry transparency.</summary>
    public sealed class ImageInfo
    {
        /// <summary>"png", "jpeg" or "webp".</summary>
        public string Format { get; init; } = string.Empty;
        public int Width { get; init; }
        public int Height { get; init; }

        /// <summary>
        /// True when the file has an alpha channel: PNG colour type 4 or 6 or a tRNS chunk, WebP with the VP8X
        /// alpha flag or the VP8L alpha hint. Never true for JPEG.
        /// </summary>
        public bool HasAlpha { get; init; }

        /// <summary>PNG only: bit depth (1 to 16); 8 for the other formats.</summary>
        public int BitDepth { get; init; } = 8;

        /// <summary>PNG only: colour type (0, 2, 3, 4, 6); -1 for the other formats.</summary>
        public int PngColorType { get; init; } = -1;

        /// <summary>PNG only: Adam7 interlaced.</summary>
        public bool Interlaced { get; init; }

        /// <summary>JPEG only: a progressive (SOF2/SOF6/SOF10/SOF14) frame.</summary>
        public bool Progressive { get; init; }

        /// <summary>File size in bytes, when inspected from a file.</summary>
        public long FileBytes { get; init; }

        public override string ToString() => $"{Format} {Width}x{Height}{(HasAlpha ? " with alpha" : string.Empty)}";
    }
}
