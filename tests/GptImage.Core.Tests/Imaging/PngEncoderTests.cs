using System.IO.Compression;
using System.Security.Cryptography;
using GptImage.Imaging;

namespace GptImage.Tests.Imaging
{
    public class PngEncoderTests
    {
        private static byte[] Pattern(int width, int height, int seed)
        {
            var rgba = new byte[width * height * 4];
            var random = new Random(seed);
            for (int y = 0; y < height; y++)
                for (int x = 0; x < width; x++)
                {
                    int i = (y * width + x) * 4;
                    // Mix flat areas, gradients and noise so every row filter gets chosen somewhere.
                    rgba[i] = (byte)(x * 7);
                    rgba[i + 1] = (byte)(y * 3);
                    rgba[i + 2] = (byte)((x / 8 + y / 8) % 2 == 0 ? 0 : 255);
                    rgba[i + 3] = (byte)(y % 5 == 0 ? random.Next(256) : (x < width / 2 ? 0 : 255));
                }
            return rgba;
        }

        [Theory]
        [InlineData(1, 1, CompressionLevel.Fastest)]
        [InlineData(37, 23, CompressionLevel.Fastest)]
        [InlineData(300, 200, CompressionLevel.Optimal)]
        [InlineData(64, 9, CompressionLevel.NoCompression)]
        [InlineData(700, 130, CompressionLevel.Fastest)] // > 64 KB of compressed noise rows: several IDAT chunks
        public void PngjsDecodesEncoderOutputToTheSamePixels(int width, int height, CompressionLevel level)
        {
            byte[] rgba = Pattern(width, height, width * 31 + height);
            byte[] png = PngEncoder.EncodeRgba(width, height, rgba, level);
            using var files = new TempFolder("gptimage-imaging");
            string file = files.Write("out.png", png);
            var decoded = Assert.Single(PngjsOracle.Decode(file));
            Assert.Null(decoded.Error);
            Assert.Equal(width, decoded.Width);
            Assert.Equal(height, decoded.Height);
            Assert.Equal(Convert.ToHexString(SHA256.HashData(rgba)).ToLowerInvariant(), decoded.RgbaSha256);
        }

        [Fact]
        public void DecoderReadsBackExactlyWhatTheEncoderWroteAtManySizes()
        {
            var random = new Random(2026);
            for (int round = 0; round < 25; round++)
            {
                int width = random.Next(1, 90), height = random.Next(1, 40);
                byte[] rgba = Pattern(width, height, round);
                byte[] png = PngEncoder.EncodeRgba(width, height, rgba, round % 2 == 0 ? CompressionLevel.Fastest : CompressionLevel.Optimal);
                using var stream = new MemoryStream(png, writable: false);
                var decoded = new byte[rgba.Length];
                ImageCodecs.Current.ReadPixels(stream, null, PixelLayout.Rgba, (y, row) => Buffer.BlockCopy(row, 0, decoded, y * row.Length, row.Length));
                Assert.Equal(rgba, decoded);
            }
        }

        [Fact]
        public void OutputStartsWithSignatureAndIhdrForRgba8()
        {
            byte[] png = PngEncoder.EncodeRgba(3, 2, new byte[3 * 2 * 4]);
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
            Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
            Assert.Equal(3, png[19]); // width low byte
            Assert.Equal(2, png[23]); // height low byte
            Assert.Equal(8, png[24]); // bit depth
            Assert.Equal(6, png[25]); // colour type RGBA
            Assert.Equal("IEND", System.Text.Encoding.ASCII.GetString(png, png.Length - 8, 4));
        }

        [Theory]
        [InlineData(0, 1, 0)]
        [InlineData(1, 0, 0)]
        [InlineData(2, 2, 15)]
        public void RejectsBadArguments(int width, int height, int bytes)
        {
            Assert.ThrowsAny<ArgumentException>(() => PngEncoder.EncodeRgba(width, height, new byte[bytes]));
        }
    }
}
