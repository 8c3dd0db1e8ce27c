using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;

namespace GptImage.Imaging.Pixels
{
    /// <summary>
    /// The only ImageSharp configuration this project uses. ImageSharp 2.1.x has known flaws without a 2.x fix in
    /// its TIFF encoder, its ICC CLUT parser and its histogram equalization, so: only PNG, JPEG and WebP are
    /// registered (GIF, BMP, TIFF, TGA, PBM are unknown to it), decoders ignore metadata (ICC profiles, EXIF, XMP
    /// and text are never parsed, only skipped), and no code here calls HistogramEqualization.
    /// </summary>
    internal static class SafeImageConfiguration
    {
        public static Configuration Instance { get; } = new Configuration(
            new PngConfigurationModule(), new JpegConfigurationModule(), new WebpConfigurationModule());

        /// <summary>A decoder for a format already told apart by its bytes; metadata is skipped, never parsed.</summary>
        public static IImageDecoder DecoderFor(string format) => format switch
        {
            "png" => new PngDecoder { IgnoreMetadata = true },
            "jpeg" => new JpegDecoder { IgnoreMetadata = true },
            _ => new WebpDecoder { IgnoreMetadata = true },
        };
    }
}
