namespace GptImage.Imaging.Png
{
    /// <summary>
    /// Sizes beyond which a PNG is refused rather than decoded: the guard against absurd headers and
    /// decompression bombs. Inspecting a header accepts anything the spec allows (1 to 2^31-1 per side);
    /// only decoding applies these limits.
    /// </summary>
    internal static class PngLimits
    {
        /// <summary>Largest width or height the spec allows.</summary>
        public const uint SpecMaxDimension = int.MaxValue;

        /// <summary>Largest width or height decoded (and encoded). The API's biggest output edge is 3840.</summary>
        public const int MaxDimension = 16384;

        /// <summary>
        /// Largest pixel count decoded (8192 squared, 64 Mi): an Adam7 image needs one byte per pixel for its
        /// alpha plane, so this caps that buffer at 64 MiB.
        /// </summary>
        public const long MaxPixels = 8192L * 8192;
    }
}
