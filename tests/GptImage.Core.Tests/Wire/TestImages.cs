using System;
using System.IO;
using GptImage.Imaging;

namespace GptImage.Tests.Wire
{
    /// <summary>Image files for client tests, written to a temporary folder that is deleted on dispose.</summary>
    public sealed class TestImages : IDisposable
    {
        public TestImages()
        {
            Folder = Path.Combine(Path.GetTempPath(), "gptimage-client-tests-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Folder);
        }

        public string Folder { get; }

        /// <summary>A real RGBA PNG (opaque grey, or fully transparent when <paramref name="transparent"/>).</summary>
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

        /// <summary>The signature and IHDR of an RGB PNG (colour type 2, no alpha): enough for header checks.</summary>
        public static byte[] RgbPngHeaderBytes(int width, int height)
        {
            byte[] bytes = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R',
                (byte)(width >> 24), (byte)(width >> 16), (byte)(width >> 8), (byte)width,
                (byte)(height >> 24), (byte)(height >> 16), (byte)(height >> 8), (byte)height,
                8, 2, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, (byte)'I', (byte)'E', (byte)'N', (byte)'D', 0xAE, 0x42, 0x60, 0x82 };
            return bytes;
        }

        /// <summary>The start of a JPEG file: what the detector needs.</summary>
        public static readonly byte[] JpegBytes = { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xD9 };

        /// <summary>The start of a WebP file.</summary>
        public static readonly byte[] WebpBytes = { (byte)'R', (byte)'I', (byte)'F', (byte)'F', 26, 0, 0, 0, (byte)'W', (byte)'E', (byte)'B', (byte)'P', (byte)'V', (byte)'P', (byte)'8', (byte)'L', 13, 0, 0, 0, 0x2F, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xFE, 0x07, 0 };

        /// <summary>A GIF header: a real image type the API does not take.</summary>
        public static readonly byte[] GifBytes = { (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a', 1, 0, 1, 0, 0, 0, 0, 0x3B };

        public string Write(string name, byte[] bytes)
        {
            string path = Path.Combine(Folder, name);
            File.WriteAllBytes(path, bytes);
            return path;
        }

        public string Png(string name, int width = 64, int height = 64, bool transparent = false) => Write(name, PngBytes(width, height, transparent));

        public void Dispose()
        {
            try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
