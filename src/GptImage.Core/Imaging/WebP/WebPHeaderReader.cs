using System.IO;

namespace GptImage.Imaging.WebP
{
    /// <summary>
    /// Reads size and alpha from the first chunk of a WebP file (RIFF container): VP8 (lossy, no alpha),
    /// VP8L (lossless, alpha hint bit) or VP8X (extended, alpha flag and canvas size).
    /// </summary>
    internal static class WebPHeaderReader
    {
        public static ImageInfo Read(Stream stream, string? path, long fileBytes)
        {
            var head = new byte[20];
            Need(stream, head, 20, path, "the RIFF and first chunk headers");
            string fourcc = System.Text.Encoding.ASCII.GetString(head, 12, 4);
            long chunkSize = head[16] | ((uint)head[17] << 8) | ((uint)head[18] << 16) | ((uint)head[19] << 24);
            switch (fourcc)
            {
                case "VP8 ":
                {
                    var b = new byte[10];
                    if (chunkSize < 10) throw Fail(ImageErrorIds.HeaderInvalid, "the VP8 chunk is too short for a frame header", path);
                    Need(stream, b, 10, path, "the VP8 frame header");
                    if ((b[0] & 1) != 0) throw Fail(ImageErrorIds.HeaderInvalid, "the first VP8 frame is not a key frame", path);
                    if (b[3] != 0x9D || b[4] != 0x01 || b[5] != 0x2A) throw Fail(ImageErrorIds.HeaderInvalid, "the VP8 start code (9D 01 2A) is missing", path);
                    return Info((b[6] | (b[7] << 8)) & 0x3FFF, (b[8] | (b[9] << 8)) & 0x3FFF, false, fileBytes, path);
                }
                case "VP8L":
                {
                    var b = new byte[5];
                    if (chunkSize < 5) throw Fail(ImageErrorIds.HeaderInvalid, "the VP8L chunk is too short for a header", path);
                    Need(stream, b, 5, path, "the VP8L header");
                    if (b[0] != 0x2F) throw Fail(ImageErrorIds.HeaderInvalid, "the VP8L signature byte (0x2F) is missing", path);
                    uint bits = b[1] | ((uint)b[2] << 8) | ((uint)b[3] << 16) | ((uint)b[4] << 24);
                    if ((bits >> 29) != 0) throw Fail(ImageErrorIds.HeaderInvalid, $"VP8L version {bits >> 29} is unknown (only 0 exists)", path);
                    int width = (int)(bits & 0x3FFF) + 1;
                    int height = (int)((bits >> 14) & 0x3FFF) + 1;
                    return Info(width, height, ((bits >> 28) & 1) != 0, fileBytes, path);
                }
                case "VP8X":
                {
                    var b = new byte[10];
                    if (chunkSize < 10) throw Fail(ImageErrorIds.HeaderInvalid, "the VP8X chunk is too short", path);
                    Need(stream, b, 10, path, "the VP8X header");
                    int width = (b[4] | (b[5] << 8) | (b[6] << 16)) + 1;
                    int height = (b[7] | (b[8] << 8) | (b[9] << 16)) + 1;
                    return Info(width, height, (b[0] & 0x10) != 0, fileBytes, path);
                }
                default:
                    throw Fail(ImageErrorIds.HeaderInvalid, $"the first chunk is '{fourcc}', not VP8, VP8L or VP8X", path);
            }
        }

        private static ImageInfo Info(int width, int height, bool alpha, long fileBytes, string? path)
        {
            if (width == 0 || height == 0) throw Fail(ImageErrorIds.DimensionsInvalid, $"the header gives {width}x{height} pixels", path);
            return new ImageInfo { Format = "webp", Width = width, Height = height, HasAlpha = alpha, FileBytes = fileBytes };
        }

        private static void Need(Stream stream, byte[] buffer, int count, string? path, string what)
        {
            if (StreamReading.ReadUpTo(stream, buffer, 0, count) < count)
                throw Fail(ImageErrorIds.Truncated, $"the file ends inside {what}", path);
        }

        private static GptImageImageException Fail(string id, string what, string? path) => ImageErrors.Unreadable("WebP", id, what, path);
    }
}
