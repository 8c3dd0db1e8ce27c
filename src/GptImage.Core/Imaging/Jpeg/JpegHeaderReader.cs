using System.IO;

namespace GptImage.Imaging.Jpeg
{
    /// <summary>
    /// Finds the JPEG frame header (any SOFn: baseline, extended, progressive, lossless, arithmetic) by
    /// walking the marker segments and skipping the others (APPn, DQT, DHT, COM, ...) by their lengths.
    /// Never reads entropy-coded data: a frame header after the first scan (SOS) does not exist.
    /// </summary>
    internal static class JpegHeaderReader
    {
        public static ImageInfo Read(Stream stream, string? path, long fileBytes)
        {
            var two = new byte[2];
            Need(stream, two, 2, path, "the start-of-image marker");   // FF D8, already sniffed
            while (true)
            {
                int marker = NextMarker(stream, path);
                if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) continue; // no length field
                if (marker == 0xD9 || marker == 0xDA)
                    throw Fail(ImageErrorIds.HeaderInvalid, marker == 0xDA ? "image data (SOS) starts before any frame header (SOFn)" : "the image ends (EOI) before any frame header (SOFn)", path);

                Need(stream, two, 2, path, $"the length of marker FF{marker:X2}");
                int length = (two[0] << 8) | two[1];
                if (length < 2) throw Fail(ImageErrorIds.HeaderInvalid, $"marker FF{marker:X2} has length {length}", path);

                if (IsFrameHeader(marker))
                {
                    if (length < 8) throw Fail(ImageErrorIds.HeaderInvalid, $"the frame header is {length} bytes, too short", path);
                    var sof = new byte[6];
                    Need(stream, sof, 6, path, "the frame header");
                    int height = (sof[1] << 8) | sof[2];
                    int width = (sof[3] << 8) | sof[4];
                    if (width == 0 || height == 0)
                        throw Fail(ImageErrorIds.DimensionsInvalid, $"the frame header gives {width}x{height} pixels", path);
                    return new ImageInfo
                    {
                        Format = "jpeg",
                        Width = width,
                        Height = height,
                        HasAlpha = false,
                        BitDepth = sof[0],
                        Progressive = marker == 0xC2 || marker == 0xC6 || marker == 0xCA || marker == 0xCE,
                        FileBytes = fileBytes,
                    };
                }
                Skip(stream, length - 2, path, marker);
            }
        }

        /// <summary>SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range.</summary>
        private static bool IsFrameHeader(int m) => m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;

        private static int NextMarker(Stream stream, string? path)
        {
            int b = stream.ReadByte();
            if (b < 0) throw Fail(ImageErrorIds.Truncated, "the file ends before the frame header", path);
            if (b != 0xFF) throw Fail(ImageErrorIds.HeaderInvalid, $"byte 0x{b:X2} where a marker (0xFF) should start", path);
            do
            {
                b = stream.ReadByte(); // 0xFF fill bytes may pad between markers
                if (b < 0) throw Fail(ImageErrorIds.Truncated, "the file ends inside a marker", path);
            } while (b == 0xFF);
            return b;
        }

        private static void Skip(Stream stream, int count, string? path, int marker)
        {
            if (stream.CanSeek)
            {
                if (stream.Position + count > stream.Length) throw Fail(ImageErrorIds.Truncated, $"the file ends inside marker segment FF{marker:X2}", path);
                stream.Seek(count, SeekOrigin.Current);
                return;
            }
            var scratch = new byte[4096];
            while (count > 0)
            {
                int n = stream.Read(scratch, 0, System.Math.Min(count, scratch.Length));
                if (n <= 0) throw Fail(ImageErrorIds.Truncated, $"the file ends inside marker segment FF{marker:X2}", path);
                count -= n;
            }
        }

        private static void Need(Stream stream, byte[] buffer, int count, string? path, string what)
        {
            if (StreamReading.ReadUpTo(stream, buffer, 0, count) < count)
                throw Fail(ImageErrorIds.Truncated, $"the file ends inside {what}", path);
        }

        private static GptImageImageException Fail(string id, string what, string? path) => ImageErrors.Unreadable("JPEG", id, what, path);
    }
}
