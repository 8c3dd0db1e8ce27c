using System;
using System.IO;
using System.IO.Compression;
using GptImage.Imaging.Png;

namespace GptImage.Imaging
{
    /// <summary>
    /// Writes 8-bit RGBA PNGs (colour type 6, no interlace): masks made by MaskMaker and the
    /// emulator's images. Each row gets the filter (None, Sub, Up, Paeth) with the smallest sum of absolute
    /// differences, the usual heuristic that keeps flat masks small.
    /// </summary>
    public static class PngEncoder
    {
        /// <summary>Encodes <paramref name="rgba"/> (width*height*4 bytes, rows top to bottom, R,G,B,A) as a PNG file.</summary>
        public static byte[] EncodeRgba(int width, int height, byte[] rgba, CompressionLevel level = CompressionLevel.Fastest)
        {
            if (rgba is null) throw new ArgumentNullException(nameof(rgba));
            if (width <= 0 || width > PngLimits.MaxDimension)
                throw new ArgumentOutOfRangeException(nameof(width), width, $"width must be 1 to {PngLimits.MaxDimension}.");
            if (height <= 0 || height > PngLimits.MaxDimension)
                throw new ArgumentOutOfRangeException(nameof(height), height, $"height must be 1 to {PngLimits.MaxDimension}.");
            if ((long)width * height > PngLimits.MaxPixels)
                throw new ArgumentOutOfRangeException(nameof(width), width, $"{width}x{height} is more than {PngLimits.MaxPixels} pixels.");
            long expected = (long)width * height * 4;
            if (rgba.LongLength != expected)
                throw new ArgumentException($"rgba holds {rgba.LongLength} bytes; a {width}x{height} RGBA image needs {expected}.", nameof(rgba));

            using var output = new MemoryStream();
            output.Write(PngChunkWriter.Signature, 0, PngChunkWriter.Signature.Length);
            WriteHeader(output, width, height);
            WriteImageData(output, width, height, rgba, level);
            PngChunkWriter.WriteChunk(output, "IEND", Array.Empty<byte>(), 0, 0);
            return output.ToArray();
        }

        private static void WriteHeader(Stream output, int width, int height)
        {
            var ihdr = new byte[13];
            PngChunkWriter.WriteUInt32BigEndian(ihdr, 0, (uint)width);
            PngChunkWriter.WriteUInt32BigEndian(ihdr, 4, (uint)height);
            ihdr[8] = 8;   // bit depth
            ihdr[9] = 6;   // colour type: RGBA
            // compression 0, filter method 0, interlace 0 stay zero
            PngChunkWriter.WriteChunk(output, "IHDR", ihdr, 0, ihdr.Length);
        }

        private static void WriteImageData(Stream output, int width, int height, byte[] rgba, CompressionLevel level)
        {
            int stride = width * 4;
            var idat = new IdatChunkStream(output);
            idat.Write(ZlibHeader(level), 0, 2);
            var adler = new Adler32();
            using (var deflate = new DeflateStream(idat, level, leaveOpen: true))
            {
                var candidates = new byte[4][];
                for (int f = 0; f < 4; f++) candidates[f] = new byte[stride + 1];
                for (int y = 0; y < height; y++)
                {
                    byte[] row = RowFilters.ChooseBest(rgba, y * stride, y == 0 ? -1 : (y - 1) * stride, stride, 4, candidates);
                    adler.Update(row, 0, row.Length);
                    deflate.Write(row, 0, row.Length);
                }
            }
            var trailer = new byte[4];
            PngChunkWriter.WriteUInt32BigEndian(trailer, 0, adler.Value);
            idat.Write(trailer, 0, 4);
            idat.Flush();
        }

        /// <summary>CMF 0x78 (deflate, 32 KB window) and a FLG whose level hint matches and makes CMF*256+FLG a multiple of 31.</summary>
        private static byte[] ZlibHeader(CompressionLevel level) => level switch
        {
            CompressionLevel.NoCompression => new byte[] { 0x78, 0x01 },
            CompressionLevel.Fastest => new byte[] { 0x78, 0x01 },
            _ => new byte[] { 0x78, 0x9C },
        };
    }
}
