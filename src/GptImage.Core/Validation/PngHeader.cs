using System;
using System.IO;

namespace GptImage.Validation
{
    /// <summary>
    /// The few facts a pre-flight mask check needs from a PNG: its pixel size and whether it can hold
    /// transparency (an alpha colour type, or a tRNS chunk before the image data). Reads only the chunk
    /// headers, never the pixels, so checking a 4 MB mask costs a few hundred bytes of I/O.
    /// </summary>
    internal sealed class PngHeader
    {
        public int Width { get; private set; }
        public int Height { get; private set; }
        public bool HasAlpha { get; private set; }

        /// <summary>The header of a PNG stream, or null when the bytes are not a readable PNG.</summary>
        public static PngHeader? Read(Stream stream)
        {
            var buffer = new byte[8];
            if (!ReadExactly(stream, buffer, 8) || buffer[0] != 0x89 || buffer[1] != (byte)'P') return null;
            var header = new PngHeader();
            bool first = true;
            while (ReadExactly(stream, buffer, 8))
            {
                uint length = BigEndian(buffer, 0);
                string type = System.Text.Encoding.ASCII.GetString(buffer, 4, 4);
                if (first)
                {
                    if (type != "IHDR" || length < 13) return null;
                    var ihdr = new byte[13];
                    if (!ReadExactly(stream, ihdr, 13)) return null;
                    header.Width = (int)BigEndian(ihdr, 0);
                    header.Height = (int)BigEndian(ihdr, 4);
                    byte colorType = ihdr[9];
                    header.HasAlpha = colorType == 4 || colorType == 6;
                    if (!Skip(stream, length - 13 + 4)) return header;
                    first = false;
                    continue;
                }
                if (type == "tRNS") header.HasAlpha = true;
                if (type == "IDAT" || type == "IEND") break;
                if (!Skip(stream, (long)length + 4)) break;
            }
            return first ? null : header;
        }

        private static uint BigEndian(byte[] b, int at) =>
            ((uint)b[at] << 24) | ((uint)b[at + 1] << 16) | ((uint)b[at + 2] << 8) | b[at + 3];

        private static bool ReadExactly(Stream stream, byte[] buffer, int count)
        {
            int read = 0;
            while (read < count)
            {
                int n = stream.Read(buffer, read, count - read);
                if (n == 0) return false;
                read += n;
            }
            return true;
        }

        private static bool Skip(Stream stream, long count)
        {
            if (stream.CanSeek)
            {
                if (stream.Position + count > stream.Length) return false;
                stream.Seek(count, SeekOrigin.Current);
                return true;
            }
            var scratch = new byte[4096];
            while (count > 0)
            {
                int n = stream.Read(scratch, 0, (int)Math.Min(scratch.Length, count));
                if (n == 0) return false;
                count -= n;
            }
            return true;
        }
    }
}
