using System;
using System.IO;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.PixelFormats;

namespace GptImage.Imaging.Pixels
{
    /// <summary>
    /// Decodes untrusted images in three steps: tell the format by its bytes (anything but PNG, JPEG and WebP
    /// is refused, named), read the size from the header with Identify and refuse it over
    /// <see cref="PixelLimits"/>, and only then decode, with metadata skipped.
    /// </summary>
    internal static class SafeImageReader
    {
        /// <summary>Format and size from the header; throws <see cref="GptImageImageException"/>.</summary>
        public static (string Format, int Width, int Height) Identify(Stream stream, string? path)
        {
            string format = ImageSniffer.Sniff(stream, path);
            long start = stream.Position;
            IImageInfo? info = Guard(path, () => ((IImageInfoDetector)SafeImageConfiguration.DecoderFor(format)).Identify(SafeImageConfiguration.Instance, stream, System.Threading.CancellationToken.None));
            stream.Seek(start, SeekOrigin.Begin);
            if (info is null || info.Width <= 0 || info.Height <= 0)
                throw new GptImageImageException(ImageErrorIds.HeaderInvalid, $"{ImageErrors.Describe(path)} has no readable {format.ToUpperInvariant()} header.", path);
            CheckDecodable(info.Width, info.Height, path);
            return (format, info.Width, info.Height);
        }

        /// <summary>The pixels, after <see cref="Identify"/> has accepted the size. The caller disposes the image.</summary>
        public static Image<Rgba32> Load(Stream stream, string? path, out string format)
        {
            (string detected, _, _) = Identify(stream, path);
            format = detected;
            return Guard(path, () => Image.Load<Rgba32>(SafeImageConfiguration.Instance, stream, SafeImageConfiguration.DecoderFor(detected)));
        }

        public static Image<Rgba32> Load(string path, out string format)
        {
            using FileStream stream = ImageFiles.OpenRead(path);
            return Load(stream, path, out format);
        }

        public static Image<Rgba32> Load(byte[] bytes, string? path, out string format)
        {
            using var stream = new MemoryStream(bytes, writable: false);
            return Load(stream, path, out format);
        }

        internal static void CheckDecodable(int width, int height, string? path)
        {
            if (width > PixelLimits.MaxDimension || height > PixelLimits.MaxDimension || (long)width * height > PixelLimits.MaxDecodePixels)
                throw new GptImageImageException(ImageErrorIds.DimensionsInvalid,
                    $"{ImageErrors.Describe(path)} claims {width}x{height} pixels; images are decoded up to {PixelLimits.MaxDimension} pixels a side and {PixelLimits.MaxDecodePixels / (1024 * 1024)} megapixels in all.", path);
        }

        /// <summary>ImageSharp's own failures become this project's error ids, naming the file.</summary>
        private static T Guard<T>(string? path, Func<T> read)
        {
            try
            {
                return ImageFiles.Guard(path, read);
            }
            catch (InvalidImageContentException e)
            {
                throw new GptImageImageException(ImageErrorIds.HeaderInvalid, $"{ImageErrors.Describe(path)} is damaged: {e.Message}", path, e);
            }
            catch (UnknownImageFormatException e)
            {
                throw new GptImageImageException(ImageErrorIds.UnsupportedFormat, $"{ImageErrors.Describe(path)} is not a PNG, JPEG or WebP image.", path, e);
            }
            catch (NotSupportedException e)
            {
                throw new GptImageImageException(ImageErrorIds.HeaderInvalid, $"{ImageErrors.Describe(path)} uses a feature that cannot be decoded: {e.Message}", path, e);
            }
            catch (ImageFormatException e)
            {
                throw new GptImageImageException(ImageErrorIds.HeaderInvalid, $"{ImageErrors.Describe(path)} is damaged: {e.Message}", path, e);
            }
            catch (EndOfStreamException e)
            {
                throw new GptImageImageException(ImageErrorIds.Truncated, $"{ImageErrors.Describe(path)} ends too early.", path, e);
            }
        }
    }
}
