using System;

namespace GptImage.Imaging
{
    /// <summary>
    /// Tells PNG, JPEG and WebP apart by their leading bytes. Upload Content-Types and result formats come
    /// from here, never from a file extension (a GIF renamed .png must not be sent as image/png).
    /// </summary>
    public static class ImageFormatDetector
    {
        /// <summary>Bytes needed to decide: the 12-byte RIFF/WEBP header is the longest signature.</summary>
        public const int SignatureLength = 12;

        /// <summary>"png", "jpeg", "webp", or null when the bytes are none of these.</summary>
        public static string? Detect(ReadOnlySpan<byte> header)
        {
            if (header.Length >= 8 && header[0] == 0x89 && header[1] == 0x50 && header[2] == 0x4E && header[3] == 0x47
                && header[4] == 0x0D && header[5] == 0x0A && header[6] == 0x1A && header[7] == 0x0A)
                return "png";
            if (header.Length >= 3 && header[0] == 0xFF && header[1] == 0xD8 && header[2] == 0xFF)
                return "jpeg";
            if (header.Length >= 12 && header[0] == (byte)'R' && header[1] == (byte)'I' && header[2] == (byte)'F' && header[3] == (byte)'F'
                && header[8] == (byte)'W' && header[9] == (byte)'E' && header[10] == (byte)'B' && header[11] == (byte)'P')
                return "webp";
            return null;
        }

        /// <summary>The MIME type the API expects for a detected format.</summary>
        public static string MimeType(string format) => format switch
        {
            "png" => "image/png",
            "jpeg" => "image/jpeg",
            "webp" => "image/webp",
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Only png, jpeg and webp have an image MIME type here."),
        };
    }
}
