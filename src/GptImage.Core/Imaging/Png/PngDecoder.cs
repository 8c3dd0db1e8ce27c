using System;
using System.IO;
using System.IO.Compression;

namespace GptImage.Imaging.Png
{
    /// <summary>
    /// Streaming PNG decoder: inflates IDAT as it reads, keeps two scanlines (current and previous), and
    /// hands each finished row to a handler. Memory stays at a few rows for plain images; Adam7 images need
    /// one output plane (a byte per pixel for alpha) because their rows arrive spread over seven passes.
    /// Checks every CRC, the zlib header and Adler-32, filter bytes, palette indexes, that the inflated data
    /// is exactly as long as the header implies (more is a decompression bomb), and that IEND ends the file.
    /// </summary>
    internal static class PngDecoder
    {
        private static readonly int[][] Adam7Passes =
        {
            new[] { 0, 0, 8, 8 }, new[] { 4, 0, 8, 8 }, new[] { 0, 4, 4, 8 }, new[] { 2, 0, 4, 4 },
            new[] { 0, 2, 2, 4 }, new[] { 1, 0, 2, 2 }, new[] { 0, 1, 1, 2 },
        };

        public static PngPreamble Decode(Stream stream, string? path, PixelLayout layout, PixelRowHandler onRow)
        {
            var reader = new PngChunkReader(stream, path);
            PngPreamble png = PngPreamble.Read(reader);
            png.Header.RequireDecodable(path);
            var idat = new IdatStream(reader, png.FirstIdat);
            CheckZlibHeader(idat, path);

            var inflated = new InflatedScanlines(path);
            using (var deflate = new DeflateStream(idat, CompressionMode.Decompress, leaveOpen: true))
            {
                inflated.Source = deflate;
                var expander = new PixelExpander(png, path);
                if (png.Header.Interlaced) DecodeInterlaced(png.Header, inflated, expander, layout, onRow);
                else DecodeProgressive(png.Header, inflated, expander, layout, onRow);
                inflated.RequireEnd();
            }
            idat.DrainToEnd();
            if (idat.LastFourBytes != inflated.Adler)
                throw PngErrors.Fail(ImageErrorIds.ZlibInvalid, $"the zlib Adler-32 checksum is 0x{idat.LastFourBytes:X8} but the data gives 0x{inflated.Adler:X8}", path);
            ReadToEnd(reader, idat.NextChunk);
            return png;
        }

        private static void DecodeProgressive(PngHeader h, InflatedScanlines inflated, PixelExpander expander, PixelLayout layout, PixelRowHandler onRow)
        {
            int rowBytes = h.RowBytes(h.Width);
            var current = new byte[rowBytes + 1];
            var prior = new byte[rowBytes + 1];
            var output = new byte[h.Width * (int)layout];
            for (int y = 0; y < h.Height; y++)
            {
                inflated.ReadRow(current, rowBytes, prior, h.FilterStep, y);
                expander.Expand(current, h.Width, layout, output);
                onRow(y, output);
                (current, prior) = (prior, current);
            }
        }

        private static void DecodeInterlaced(PngHeader h, InflatedScanlines inflated, PixelExpander expander, PixelLayout layout, PixelRowHandler onRow)
        {
            int px = (int)layout;
            var plane = new byte[(long)h.Width * h.Height * px];
            var passOutput = new byte[h.Width * px];
            foreach (int[] pass in Adam7Passes)
            {
                int x0 = pass[0], y0 = pass[1], dx = pass[2], dy = pass[3];
                int passWidth = (h.Width - x0 + dx - 1) / dx;
                int passHeight = (h.Height - y0 + dy - 1) / dy;
                if (passWidth <= 0 || passHeight <= 0) continue; // empty passes have no scanlines at all, not even filter bytes
                int rowBytes = h.RowBytes(passWidth);
                var current = new byte[rowBytes + 1];
                var prior = new byte[rowBytes + 1];
                for (int r = 0; r < passHeight; r++)
                {
                    int y = y0 + r * dy;
                    inflated.ReadRow(current, rowBytes, prior, h.FilterStep, y);
                    expander.Expand(current, passWidth, layout, passOutput);
                    long rowStart = (long)y * h.Width * px;
                    for (int i = 0; i < passWidth; i++)
                        Buffer.BlockCopy(passOutput, i * px, plane, (int)(rowStart + (long)(x0 + i * dx) * px), px);
                    (current, prior) = (prior, current);
                }
            }
            var output = new byte[h.Width * px];
            for (int y = 0; y < h.Height; y++)
            {
                Buffer.BlockCopy(plane, (int)((long)y * h.Width * px), output, 0, output.Length);
                onRow(y, output);
            }
        }

        private static void CheckZlibHeader(IdatStream idat, string? path)
        {
            var head = new byte[2];
            if (StreamReading.ReadUpTo(idat, head, 0, 2) < 2)
                throw PngErrors.Fail(ImageErrorIds.Truncated, "the image data ends before the zlib header", path);
            int cmf = head[0], flg = head[1];
            if ((cmf & 0x0F) != 8 || (cmf >> 4) > 7 || ((cmf << 8) | flg) % 31 != 0 || (flg & 0x20) != 0)
                throw PngErrors.Fail(ImageErrorIds.ZlibInvalid, $"the zlib header 0x{cmf:X2}{flg:X2} is not a deflate stream PNG allows", path);
        }

        /// <summary>After the image data: only ancillary chunks may follow, then IEND.</summary>
        private static void ReadToEnd(PngChunkReader reader, ChunkHeader? next)
        {
            while (true)
            {
                if (next is null) throw PngErrors.Fail(ImageErrorIds.ChunkMissing, "the file ends without an IEND chunk (it was probably cut short)", reader.Path);
                ChunkHeader chunk = next.Value;
                if (chunk.Type == "IEND")
                {
                    reader.ReadBody(chunk, 0);
                    return;
                }
                if (chunk.IsCritical)
                    throw PngErrors.Fail(ImageErrorIds.ChunkInvalid, $"a {chunk.Type} chunk appears after the image data", reader.Path);
                reader.SkipBody(chunk);
                next = reader.ReadHeader();
            }
        }
    }
}
