using System.IO;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace GptImage.Imaging.Pixels
{
    /// <summary>
    /// The EXIF orientation of a photo (1 = upright; 2 to 8 = mirrored and/or turned), and turning pixels upright
    /// by it. Cameras and phones store the pixels as the sensor saw them and this tag says how to show them, so a
    /// photo whose EXIF is dropped must be turned first or it arrives sideways.
    /// </summary>
    internal static class ExifOrientation
    {
        public const ushort Upright = 1;

        /// <summary>
        /// The orientation tag of a JPEG, read by the JPEG header reader with metadata (EXIF is parsed; an ICC
        /// profile is only held as bytes and checked by its 128-byte header, never its tables). Other formats: upright.
        /// </summary>
        public static ushort Read(byte[] bytes, string format)
        {
            if (format != "jpeg") return Upright;
            try
            {
                using var stream = new MemoryStream(bytes, writable: false);
                var info = new JpegDecoder().Identify(SafeImageConfiguration.Instance, stream, System.Threading.CancellationToken.None);
                IExifValue<ushort>? tag = info?.Metadata?.ExifProfile?.GetValue(ExifTag.Orientation);
                return tag is null || tag.Value < 1 || tag.Value > 8 ? Upright : tag.Value;
            }
            catch (System.Exception e) when (e is ImageFormatException || e is System.NotSupportedException || e is EndOfStreamException || e is System.ArgumentException)
            {
                return Upright;   // unreadable EXIF: the pixels are sent as they are stored
            }
        }

        /// <summary>Turns and mirrors the pixels so they show as the orientation tag said.</summary>
        public static void Apply(Image<Rgba32> image, ushort orientation)
        {
            switch (orientation)
            {
                case 2: image.Mutate(c => c.Flip(FlipMode.Horizontal)); break;
                case 3: image.Mutate(c => c.Rotate(RotateMode.Rotate180)); break;
                case 4: image.Mutate(c => c.Flip(FlipMode.Vertical)); break;
                case 5: image.Mutate(c => c.RotateFlip(RotateMode.Rotate90, FlipMode.Horizontal)); break;   // transpose
                case 6: image.Mutate(c => c.Rotate(RotateMode.Rotate90)); break;
                case 7: image.Mutate(c => c.RotateFlip(RotateMode.Rotate90, FlipMode.Vertical)); break;     // transverse
                case 8: image.Mutate(c => c.Rotate(RotateMode.Rotate270)); break;
            }
        }
    }
}
