using System.IO;

namespace GptImage.Imaging
{
    /// <summary>What a decoded row is turned into: one alpha byte per pixel, or 8-bit R,G,B,A.</summary>
    internal enum PixelLayout
    {
        Alpha = 1,
        Rgba = 4,
    }

    /// <summary>Receives decoded rows top to bottom; <paramref name="pixels"/> is reused for the next row.</summary>
    internal delegate void PixelRowHandler(int y, byte[] pixels);

    /// <summary>
    /// The seam between the mask engine and the image code under it. The built-in codec
    /// (<see cref="BuiltInImageCodec"/>) reads PNG, JPEG and WebP headers and decodes PNG pixels; a codec
    /// over SixLabors.ImageSharp (not available from this project's package source) could replace it through
    /// <see cref="ImageCodecs.Current"/> and add JPEG/WebP pixels, without touching the callers.
    /// </summary>
    internal interface IImageCodec
    {
        /// <summary>Format, size and alpha from the header only. Throws <see cref="GptImageImageException"/>.</summary>
        ImageInfo Inspect(Stream stream, string? path);

        /// <summary>
        /// Decodes every row to <paramref name="layout"/> and hands it to <paramref name="onRow"/> in order.
        /// Throws <see cref="GptImageImageException"/> (DecodeNotSupported for formats it cannot decode).
        /// </summary>
        ImageInfo ReadPixels(Stream stream, string? path, PixelLayout layout, PixelRowHandler onRow);
    }

    /// <summary>Which codec the imaging API uses.</summary>
    internal static class ImageCodecs
    {
        public static IImageCodec Current { get; set; } = new BuiltInImageCodec();
    }
}
