using System;
using System.Globalization;
using System.IO;
using GptImage.Imaging;
using GptImage.Imaging.Png;

namespace GptImage.Validation
{
    /// <summary>
    /// Reads an edit's input image on this machine before it is uploaded, as the mask check does: a PNG is decoded in
    /// full as it streams by (every chunk CRC, the zlib stream and its checksum, exactly the rows the header promises,
    /// IEND at the end), a JPEG or WebP by its header; and no side may claim more than the decoder ever takes. A damaged
    /// or absurd file is refused here, naming it and the fault, instead of being paid for as an upload the API rejects.
    /// </summary>
    internal static class InputImageCheck
    {
        /// <summary>Format, size and alpha of <paramref name="image"/>; GptImageValidationException (<paramref name="errorId"/>) when it is damaged.</summary>
        public static ImageInfo Check(ImageInput image, string errorId, string parameter)
        {
            string name = image.Path ?? image.FileName;
            try
            {
                using Stream stream = image.OpenRead();
                return ImageFiles.Guard(name, () => Read(stream, name));
            }
            catch (GptImageImageException e)
            {
                throw new GptImageValidationException(errorId, parameter, image.ToString(), "an undamaged PNG, JPEG or WebP image; " + e.Message);
            }
        }

        private static ImageInfo Read(Stream stream, string name)
        {
            long start = stream.Position;
            ImageInfo info = ImageCodecs.Current.Inspect(stream, name);
            if (info.Width > PngLimits.MaxDimension || info.Height > PngLimits.MaxDimension || (long)info.Width * info.Height > PngLimits.MaxPixels)
                throw new GptImageImageException(ImageErrorIds.DimensionsInvalid, string.Format(CultureInfo.InvariantCulture,
                    "'{0}' claims {1}x{2} pixels, more than an input image may have (each side at most {3}, at most {4} pixels in all).",
                    name, info.Width, info.Height, PngLimits.MaxDimension, PngLimits.MaxPixels), name);
            if (info.Format == "png")
            {
                stream.Seek(start, SeekOrigin.Begin);
                ImageCodecs.Current.ReadPixels(stream, name, PixelLayout.Alpha, (_, _) => { });
            }
            return info;
        }
    }
}
