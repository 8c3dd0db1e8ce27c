namespace GptImage.Imaging.Png
{
    /// <summary>Sizes beyond which a PNG is refused rather than decoded: the guard against absurd headers and bombs.</summary>
    internal static class PngLimits
    {
        /// <summary>Largest accepted width or height. The API's biggest output edge is 3840; this leaves room for source photos.</summary>
        public const int MaxDimension = 16384;

        /// <summary>Largest accepted pixel count (about 268 million, 16384 squared).</summary>
        public const long MaxPixels = (long)MaxDimension * MaxDimension;

        /// <summary>Largest accepted chunk length; the spec allows 2^31-1, real chunks are far smaller.</summary>
        public const int MaxChunkLength = int.MaxValue;
    }
}
