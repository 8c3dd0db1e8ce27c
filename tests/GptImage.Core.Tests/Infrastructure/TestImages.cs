using System.Buffers.Binary;
using System.IO.Compression;
using GptImage.Imaging;
using GptImage.Imaging.Png;

namespace GptImage.Tests.Infrastructure
{
    /// <summary>
    /// Small real image files for tests (PNGs through the production <see cref="PngEncoder"/> and chunk writer,
    /// JPEG and WebP through the emulator's writers), and header readers written apart from the emulator's.
    /// </summary>
    public static class TestImages
    {
        /// <summary>An RGBA PNG with every pixel grey: opaque, or fully transparent when <paramref name="transparent"/>.</summary>
        public static byte[] PngBytes(int width, int height, bool transparent = false)
        {
            var rgba = new byte[width * height * 4];
            for (int i = 0; i < rgba.Length; i += 4)
            {
                rgba[i] = rgba[i + 1] = rgba[i + 2] = 128;
                rgba[i + 3] = transparent ? (byte)0 : (byte)255;
            }
            return PngEncoder.EncodeRgba(width, height, rgba);
        }

        /// <summary>An RGBA PNG (colour type 6) with every pixel opaque except the top-left one.</summary>
        public static byte[] RgbaPng(int width, int height)
        {
            var rgba = new byte[width * height * 4];
            for (int i = 0; i < rgba.Length; i += 4) { rgba[i] = 200; rgba[i + 1] = 100; rgba[i + 2] = 50; rgba[i + 3] = 255; }
            rgba[3] = 0;
            return PngEncoder.EncodeRgba(width, height, rgba);
        }

        /// <summary>An RGB PNG (colour type 2, no alpha channel, no tRNS): not usable as a mask.</summary>
        public static byte[] RgbPng(int width, int height)
        {
            // PngEncoder writes RGBA only, so the colour type 2 header and rows are put together here.
            var output = new MemoryStream();
            output.Write(PngChunkWriter.Signature);
            var ihdr = new byte[13];
            BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(0), width);
            BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
            ihdr[8] = 8; ihdr[9] = 2;
            PngChunkWriter.WriteChunk(output, "IHDR", ihdr, 0, ihdr.Length);
            var raw = new MemoryStream();
            using (var z = new ZLibStream(raw, CompressionLevel.Fastest, leaveOpen: true))
                for (int y = 0; y < height; y++) { z.WriteByte(0); z.Write(new byte[width * 3]); }
            PngChunkWriter.WriteChunk(output, "IDAT", raw.GetBuffer(), 0, (int)raw.Length);
            PngChunkWriter.WriteChunk(output, "IEND", Array.Empty<byte>(), 0, 0);
            return output.ToArray();
        }

        public static byte[] Jpeg(int width, int height) => GptImage.Emulator.Images.UniformJpegWriter.Write(width, height);

        public static byte[] Webp(int width, int height) => GptImage.Emulator.Images.UniformWebpWriter.Write(width, height, 1, 2, 3, 255);

        /// <summary>A 1x1 GIF: a format the API refuses.</summary>
        public static byte[] Gif() => Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

        /// <summary>A 2x2 24-bit BMP: a format the API refuses.</summary>
        public static byte[] Bmp()
        {
            var b = new byte[54 + 16];
            b[0] = (byte)'B'; b[1] = (byte)'M';
            BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(2), b.Length);
            BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(10), 54);
            BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(14), 40);
            BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(18), 2);
            BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(22), 2);
            BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(26), 1);
            BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(28), 24);
            return b;
        }

        /// <summary>Width and height from a PNG's IHDR (asserting the signature and chunk name).</summary>
        public static (int Width, int Height) PngSize(byte[] png)
        {
            if (png.Length < 24 || png[0] != 0x89 || Encoding.ASCII.GetString(png, 1, 3) != "PNG" || Encoding.ASCII.GetString(png, 12, 4) != "IHDR")
                throw new FormatException("not a PNG with an IHDR first");
            return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        }

        /// <summary>Width and height from a JPEG's first SOFn segment.</summary>
        public static (int Width, int Height) JpegSize(byte[] jpeg)
        {
            int i = 2;
            while (i + 9 < jpeg.Length)
            {
                if (jpeg[i] != 0xFF) throw new FormatException($"no marker at {i}");
                byte marker = jpeg[i + 1];
                if (marker is >= 0xC0 and <= 0xC3)
                    return (jpeg[i + 7] << 8 | jpeg[i + 8], jpeg[i + 5] << 8 | jpeg[i + 6]);
                i += 2 + (jpeg[i + 2] << 8 | jpeg[i + 3]);
            }
            throw new FormatException("no SOF segment");
        }

        /// <summary>Width and height from a lossless (VP8L) WebP.</summary>
        public static (int Width, int Height) WebpLosslessSize(byte[] webp)
        {
            if (Encoding.ASCII.GetString(webp, 0, 4) != "RIFF" || Encoding.ASCII.GetString(webp, 8, 8) != "WEBPVP8L" || webp[20] != 0x2F)
                throw new FormatException("not a VP8L WebP");
            uint bits = BinaryPrimitives.ReadUInt32LittleEndian(webp.AsSpan(21));
            return ((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }
    }
}
