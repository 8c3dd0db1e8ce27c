namespace GptImage.Imaging.Pixels
{
    /// <summary>
    /// Sizes beyond which an image is refused before any pixel memory is taken. Checked from the header
    /// (Identify), so a file that claims 100000x100000 costs a few hundred bytes, not 40 GB.
    /// </summary>
    public static class PixelLimits
    {
        /// <summary>Largest width or height decoded or written.</summary>
        public const int MaxDimension = 32768;

        /// <summary>
        /// Largest pixel count decoded (100 Mi, 400 MiB as RGBA): a 108-megapixel phone photo still loads.
        /// </summary>
        public const long MaxDecodePixels = 100L * 1024 * 1024;

        /// <summary>
        /// Largest pixel count written (128 Mi): a 4x upscale of gpt-image-2's largest output, 3840x2160, fits.
        /// </summary>
        public const long MaxOutputPixels = 128L * 1024 * 1024;
    }
}
