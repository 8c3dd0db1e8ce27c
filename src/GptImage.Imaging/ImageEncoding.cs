using System;
using System.IO;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Metadata;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace GptImage.Imaging.Pixels
{
    /// <summary>
    /// Writes pixels as PNG, JPEG or WebP and nothing else (never TIFF), with no EXIF, XMP, ICC, IPTC or text:
    /// only the resolution, when one is given.
    /// </summary>
    internal static class ImageEncoding
    {
        /// <summary>Quality of JPEG and lossy WebP when the caller names none.</summary>
        public const int DefaultQuality = ImageEncodingDefaults.Quality;

        public static byte[] Encode(Image<Rgba32> image, string format, int? quality = null, double? dpi = null)
        {
            StripMetadata(image.Metadata);
            if (dpi is double perInch)
            {
                image.Metadata.ResolutionUnits = PixelResolutionUnit.PixelsPerInch;
                image.Metadata.HorizontalResolution = perInch;
                image.Metadata.VerticalResolution = perInch;
            }
            bool alpha = HasTransparency(image);
            using var output = new MemoryStream();
            if (format == "jpeg" && alpha)
            {
                // JPEG has no alpha: without this, transparent pixels show whatever colour they hide (often black).
                // A copy, so the caller's pixels keep their alpha for the next file made from them.
                using Image<Rgba32> flat = image.Clone(c => c.BackgroundColor(Color.White));
                flat.Save(output, EncoderFor(format, quality ?? DefaultQuality, alpha: false));
            }
            else
            {
                image.Save(output, EncoderFor(format, quality ?? DefaultQuality, alpha));
            }
            return output.ToArray();
        }

        /// <summary>Drops every profile and text a decoder may have kept; the resolution stays.</summary>
        public static void StripMetadata(ImageMetadata metadata)
        {
            metadata.ExifProfile = null;
            metadata.XmpProfile = null;
            metadata.IccProfile = null;
            metadata.IptcProfile = null;
            metadata.GetPngMetadata().TextData.Clear();
        }

        private static IImageEncoder EncoderFor(string format, int quality, bool alpha) => format switch
        {
            "png" => new SixLabors.ImageSharp.Formats.Png.PngEncoder
            {
                ColorType = alpha ? PngColorType.RgbWithAlpha : PngColorType.Rgb,
                BitDepth = PngBitDepth.Bit8,
                // pHYs (the DPI) is the only ancillary chunk written.
                ChunkFilter = PngChunkFilter.ExcludeGammaChunk | PngChunkFilter.ExcludeExifChunk | PngChunkFilter.ExcludeTextChunks,
                // Measured (bench/RESULTS.md): ImageSharp's default adaptive filter at level 6 spends 95% of a 4x upscale in
                // the PNG encoder; the Paeth filter at level 3 writes about 5% more bytes in a third of the time.
                FilterMethod = PngFilterMethod.Paeth,
                CompressionLevel = PngCompressionLevel.Level3,
            },
            "jpeg" => new JpegEncoder { Quality = quality, ColorType = JpegColorType.YCbCrRatio420 },
            "webp" => new WebpEncoder { Quality = quality, FileFormat = WebpFileFormatType.Lossy, Method = WebpEncodingMethod.Default },
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "png, jpeg or webp"),
        };

        /// <summary>True when any pixel is not fully opaque (so PNG keeps its alpha channel only when it is used).</summary>
        private static bool HasTransparency(Image<Rgba32> image)
        {
            bool found = false;
            image.ProcessPixelRows(rows =>
            {
                for (int y = 0; y < rows.Height && !found; y++)
                {
                    Span<Rgba32> row = rows.GetRowSpan(y);
                    for (int x = 0; x < row.Length; x++)
                        if (row[x].A != 255) { found = true; break; }
                }
            });
            return found;
        }
    }
}
