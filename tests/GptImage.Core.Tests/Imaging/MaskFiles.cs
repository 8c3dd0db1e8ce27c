using GptImage.Imaging;

namespace GptImage.Tests.Imaging
{
    /// <summary>Builds mask and image files for one test in a temp directory that goes away with it.</summary>
    internal sealed class MaskFiles : TempFolder
    {
        public MaskFiles() : base("gptimage-imaging") { }

        /// <summary>An RGBA PNG where <paramref name="alpha"/> decides each pixel's alpha.</summary>
        public string Png(string name, int width, int height, Func<int, int, byte> alpha)
        {
            var rgba = new byte[width * height * 4];
            for (int y = 0; y < height; y++)
                for (int x = 0; x < width; x++)
                    rgba[(y * width + x) * 4 + 3] = alpha(x, y);
            return Write(name, PngEncoder.EncodeRgba(width, height, rgba));
        }

        /// <summary>
        /// A copy of a PNG grown past <paramref name="totalBytes"/> by a private ancillary chunk (valid CRC)
        /// before IEND: still a correct PNG, just big.
        /// </summary>
        public string PaddedPng(string name, string sourcePng, long totalBytes)
        {
            byte[] png = File.ReadAllBytes(sourcePng);
            int padding = (int)Math.Max(0, totalBytes - png.Length - 12) + 1; // the file ends up totalBytes + 1 long
            string path = Path.Combine(Folder, name);
            using var output = File.Create(path);
            output.Write(png, 0, png.Length - 12); // everything but IEND
            var head = new byte[8];
            head[0] = (byte)(padding >> 24); head[1] = (byte)(padding >> 16); head[2] = (byte)(padding >> 8); head[3] = (byte)padding;
            Encoding.ASCII.GetBytes("paDd").CopyTo(head, 4);
            output.Write(head);
            var zeros = new byte[padding];
            output.Write(zeros);
            output.Write(BigEndian(BitwiseCrc32.Compute(head.AsSpan(4, 4), zeros)));
            output.Write(png, png.Length - 12, 12);
            return path;
        }

        /// <summary>A copy of any file with zero bytes appended up to <paramref name="totalBytes"/> (trailing data readers ignore).</summary>
        public string Grown(string name, string source, long totalBytes)
        {
            string path = Path.Combine(Folder, name);
            File.Copy(source, path);
            using var stream = new FileStream(path, FileMode.Open);
            stream.SetLength(totalBytes);
            return path;
        }

        private static byte[] BigEndian(uint v) => new[] { (byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v };
    }

    /// <summary>PNG's CRC-32 for test files (a plain bitwise version, independent of the production table code).</summary>
    internal static class BitwiseCrc32
    {
        public static uint Compute(ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
        {
            uint c = 0xFFFFFFFF;
            foreach (byte b in type) c = Step(c, b);
            foreach (byte b in data) c = Step(c, b);
            return c ^ 0xFFFFFFFF;
        }

        private static uint Step(uint c, byte b)
        {
            c ^= b;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            return c;
        }
    }
}
