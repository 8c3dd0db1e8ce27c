using GptImage.Imaging;

namespace GptImage.Tests.Imaging
{
    /// <summary>Damaged input ends in our exception (never another one, never a hang), and decoding stays small.</summary>
    public class PngDecoderRobustnessTests
    {
        [Theory]
        [InlineData("pngjs-ct6-8bit.png")]
        [InlineData("spec-ct3-4bit-trns-adam7.png")]
        [InlineData("spec-ct0-16bit-trns.png")]
        [InlineData("spec-ct6-16bit-adam7.png")]
        public void RandomlyDamagedFilesFailOnlyWithGptImageImageException(string file)
        {
            byte[] original = File.ReadAllBytes(OracleCorpus.ValidPath(file));
            var random = new Random(StableSeed(file)); // string.GetHashCode is randomised per process
            int refused = 0;
            for (int round = 0; round < 400; round++)
            {
                byte[] damaged = Damage(original, random);
                try
                {
                    Decode(damaged);
                }
                catch (GptImageImageException e)
                {
                    Assert.StartsWith("GptImage.Image.", e.ErrorId);
                    refused++;
                }
            }
            Assert.True(refused > 300, $"only {refused} of 400 damaged files were refused; CRCs should catch nearly all");
        }

        [Fact]
        public void DecodingA1024SquareRgbaAlphaPlaneAllocatesAFewRowsNotTheImage()
        {
            const int size = 1024;
            var rgba = new byte[size * size * 4];
            new Random(7).NextBytes(rgba);
            byte[] png = PngEncoder.EncodeRgba(size, size, rgba);
            rgba = null!;

            Decode(png); // warm up (JIT, static tables)
            long before = GC.GetAllocatedBytesForCurrentThread();
            long transparent = 0;
            using (var stream = new MemoryStream(png, writable: false))
                ImageCodecs.Current.ReadPixels(stream, null, PixelLayout.Alpha, (y, alpha) => { foreach (byte a in alpha) if (a == 0) transparent++; });
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.True(transparent > 0);
            // The image is 4 MiB of RGBA and 1 MiB of alpha; the decoder holds two scanlines (4 KiB each).
            Assert.True(allocated < 256 << 10, $"decoding allocated {allocated} bytes");
        }

        private static int StableSeed(string text)
        {
            int seed = 17;
            foreach (char c in text) seed = unchecked(seed * 31 + c);
            return seed;
        }

        private static void Decode(byte[] png)
        {
            using var stream = new MemoryStream(png, writable: false);
            ImageCodecs.Current.ReadPixels(stream, null, PixelLayout.Rgba, (y, row) => { });
        }

        private static byte[] Damage(byte[] original, Random random)
        {
            byte[] copy;
            switch (random.Next(3))
            {
                case 0: // flip bytes
                    copy = (byte[])original.Clone();
                    for (int i = random.Next(1, 4); i > 0; i--) copy[random.Next(8, copy.Length)] ^= (byte)random.Next(1, 256);
                    return copy;
                case 1: // cut short
                    return original.AsSpan(0, random.Next(0, original.Length)).ToArray();
                default: // insert garbage
                    int at = random.Next(8, original.Length);
                    var garbage = new byte[random.Next(1, 20)];
                    random.NextBytes(garbage);
                    copy = new byte[original.Length + garbage.Length];
                    Array.Copy(original, copy, at);
                    garbage.CopyTo(copy, at);
                    Array.Copy(original, at, copy, at + garbage.Length, original.Length - at);
                    return copy;
            }
        }
    }
}
