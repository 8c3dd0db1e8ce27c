using System;
using System.Buffers.Binary;
using GptImage.Imaging;

namespace GptImage.Emulator.Images
{
    /// <summary>What the emulator needs to know about an uploaded image: its real format, size and alpha.</summary>
    internal sealed record UploadedImageInfo(string Format, int Width, int Height, bool HasAlpha);

    /// <summary>
    /// Reads format, pixel size and alpha from an upload's headers without decoding it. The emulator's own
    /// reader on purpose: it judges the client's uploads independently of the module's imaging code.
    /// </summary>
    internal static class ImageHeaderReader
    {
        /// <summary>Null when the bytes are no image at all; Format "gif"/"bmp" for formats the API refuses.</summary>
        public static UploadedImageInfo? Read(byte[] bytes)
        {
            ReadOnlySpan<byte> b = bytes;
            if (b.Length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8')
                return new UploadedImageInfo("gif", BinaryPrimitives.ReadUInt16LittleEndian(b.Slice(6)), b.Length >= 10 ? BinaryPrimitives.ReadUInt16LittleEndian(b.Slice(8)) : 0, false);
            if (b.Length >= 26 && b[0] == 'B' && b[1] == 'M')
                return new UploadedImageInfo("bmp", BinaryPrimitives.ReadInt32LittleEndian(b.Slice(18)), Math.Abs(BinaryPrimitives.ReadInt32LittleEndian(b.Slice(22))), false);
            return ImageFormatDetector.Detect(b) switch
            {
                "png" => ReadPng(b),
                "jpeg" => ReadJpeg(b),
                "webp" => ReadWebp(b),
                _ => null,
            };
        }

        private static UploadedImageInfo? ReadPng(ReadOnlySpan<byte> b)
        {
            if (b.Length < 33 || b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') return null;
            int width = BinaryPrimitives.ReadInt32BigEndian(b.Slice(16));
            int height = BinaryPrimitives.ReadInt32BigEndian(b.Slice(20));
            byte colorType = b[25];
            bool alpha = colorType == 4 || colorType == 6 || HasChunkBeforeImageData(b, "tRNS");
            return new UploadedImageInfo("png", width, height, alpha);
        }

        private static bool HasChunkBeforeImageData(ReadOnlySpan<byte> b, string wanted)
        {
            int offset = 8;
            while (offset + 8 <= b.Length)
            {
                int length = BinaryPrimitives.ReadInt32BigEndian(b.Slice(offset));
                string type = System.Text.Encoding.ASCII.GetString(b.Slice(offset + 4, 4));
                if (type == wanted) return true;
                if (type == "IDAT" || length < 0) return false;
                offset += 12 + length;
            }
            return false;
        }

        private static UploadedImageInfo? ReadJpeg(ReadOnlySpan<byte> b)
        {
            int offset = 2;
            while (offset + 9 < b.Length)
            {
                if (b[offset] != 0xFF) return null;
                byte marker = b[offset + 1];
                if (marker == 0xFF) { offset++; continue; }
                if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7)) { offset += 2; continue; }
                int length = BinaryPrimitives.ReadUInt16BigEndian(b.Slice(offset + 2));
                bool startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
                if (startOfFrame)
                    return new UploadedImageInfo("jpeg", BinaryPrimitives.ReadUInt16BigEndian(b.Slice(offset + 7)), BinaryPrimitives.ReadUInt16BigEndian(b.Slice(offset + 5)), false);
                offset += 2 + length;
            }
            return null;
        }

        private static UploadedImageInfo? ReadWebp(ReadOnlySpan<byte> b)
        {
            if (b.Length < 30) return null;
            string chunk = System.Text.Encoding.ASCII.GetString(b.Slice(12, 4));
            ReadOnlySpan<byte> data = b.Slice(20);
            switch (chunk)
            {
                case "VP8X":
                    bool alpha = (data[0] & 0x10) != 0;
                    int w = 1 + (data[4] | data[5] << 8 | data[6] << 16);
                    int h = 1 + (data[7] | data[8] << 8 | data[9] << 16);
                    return new UploadedImageInfo("webp", w, h, alpha);
                case "VP8L":
                    if (data[0] != 0x2F) return null;
                    uint bits = BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(1));
                    return new UploadedImageInfo("webp", (int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1, ((bits >> 28) & 1) != 0);
                case "VP8 ":
                    if (data[3] != 0x9D || data[4] != 0x01 || data[5] != 0x2A) return null;
                    return new UploadedImageInfo("webp", BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(6)) & 0x3FFF,
                        BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(8)) & 0x3FFF, false);
                default:
                    return null;
            }
        }
    }
}
