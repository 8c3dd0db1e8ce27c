using System;
using System.IO;
using GptImage.Imaging;

namespace GptImage
{
    /// <summary>
    /// Format, pixel size and alpha of a PNG, JPEG or WebP file, from its header only (the pixel data is
    /// never read). Anything else, or a damaged header, throws <see cref="GptImageImageException"/>.
    /// </summary>
    public static class ImageInspector
    {
        public static ImageInfo Inspect(string path)
        {
            if (path is null) throw new ArgumentNullException(nameof(path));
            using FileStream stream = ImageFiles.OpenRead(path);
            return ImageFiles.Guard(path, () => ImageCodecs.Current.Inspect(stream, path));
        }

        /// <summary>Inspects image bytes held in memory (for example an upload built from a byte array).</summary>
        public static ImageInfo Inspect(byte[] bytes)
        {
            if (bytes is null) throw new ArgumentNullException(nameof(bytes));
            using var stream = new MemoryStream(bytes, writable: false);
            return ImageFiles.Guard(null, () => ImageCodecs.Current.Inspect(stream, null));
        }
    }
}
