using System.IO;

namespace GptImage.Imaging
{
    /// <summary>Read helpers netstandard2.0's Stream lacks, shared by the PNG, JPEG and WebP readers.</summary>
    internal static class StreamReading
    {
        /// <summary>Reads until <paramref name="count"/> bytes arrived or the stream ended; returns how many arrived.</summary>
        public static int ReadUpTo(Stream stream, byte[] buffer, int offset, int count)
        {
            int total = 0;
            while (total < count)
            {
                int n = stream.Read(buffer, offset + total, count - total);
                if (n <= 0) break;
                total += n;
            }
            return total;
        }

        public static uint ReadUInt32BigEndian(byte[] b, int offset) =>
            ((uint)b[offset] << 24) | ((uint)b[offset + 1] << 16) | ((uint)b[offset + 2] << 8) | b[offset + 3];
    }
}
