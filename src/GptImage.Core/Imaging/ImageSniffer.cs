using System.IO;

namespace GptImage.Imaging
{
    /// <summary>The first gate of every image read: PNG, JPEG or WebP by the leading bytes, anything else refused by name.</summary>
    internal static class ImageSniffer
    {
        /// <summary>
        /// Reads the signature and rewinds to where the stream stood (a caller's stream may hold the image
        /// after other data); refuses anything but PNG, JPEG and WebP by name where it can tell.
        /// </summary>
        public static string Sniff(Stream stream, string? path)
        {
            var head = new byte[ImageFormatDetector.SignatureLength];
            long start = stream.Position;
            int n = StreamReading.ReadUpTo(stream, head, 0, head.Length);
            stream.Seek(start, SeekOrigin.Begin);
            string? format = ImageFormatDetector.Detect(new System.ReadOnlySpan<byte>(head, 0, n));
            if (format != null) return format;
            string what = n == 0 ? "an empty file" : ForeignFormat.Name(head, n);
            throw new GptImageImageException(ImageErrorIds.UnsupportedFormat,
                $"{ImageErrors.Describe(path)} is {what}; only PNG, JPEG and WebP images are accepted.", path);
        }
    }
}
