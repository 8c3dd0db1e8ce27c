namespace GptImage.Imaging.Pixels
{
    /// <summary>One file to make from a decoded image: its format, quality and pixel size (the image's own, or smaller).</summary>
    internal sealed class RenditionSpec
    {
        public RenditionSpec(string format, int? quality, int width, int height)
        {
            Format = format;
            Quality = quality;
            Width = width;
            Height = height;
        }

        /// <summary>png, jpeg or webp.</summary>
        public string Format { get; }

        /// <summary>JPEG and WebP quality, 1 to 100; null: <see cref="ImageEncodingDefaults.Quality"/>.</summary>
        public int? Quality { get; }
        public int Width { get; }
        public int Height { get; }
    }

    /// <summary>Encoding defaults the core and the pixel engine agree on.</summary>
    internal static class ImageEncodingDefaults
    {
        /// <summary>Quality of JPEG and lossy WebP when the caller names none.</summary>
        public const int Quality = 90;
    }
}
