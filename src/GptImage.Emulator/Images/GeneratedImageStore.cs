using System;
using System.Collections.Concurrent;
using System.Threading;
using GptImage.Imaging;

namespace GptImage.Emulator.Images
{
    /// <summary>One rendered answer image, with its base64 form ready for the JSON body.</summary>
    internal sealed class RenderedImage
    {
        public RenderedImage(byte[] bytes)
        {
            Bytes = bytes;
            Base64 = Convert.ToBase64String(bytes);
        }

        public byte[] Bytes { get; }
        public string Base64 { get; }
    }

    /// <summary>
    /// Real images of the requested size and format, rendered once per (size, format, background, variant)
    /// and then served from memory, so a 3840x2160 answer costs its encoding only the first time.
    /// Variant 0 is the final image; partial images of a stream use variants 1..3.
    /// </summary>
    internal sealed class GeneratedImageStore
    {
        private readonly ConcurrentDictionary<(int Width, int Height, string Format, bool Transparent, int Variant), Lazy<RenderedImage>> _cache = new();

        /// <summary>Noise answers come in a few variants, served in turn, so that not every answer has the same bytes.</summary>
        private const int NoiseVariants = 4;
        private const int FirstNoiseVariant = 100;
        private int _nextNoise;

        public RenderedImage Get(int width, int height, string format, bool transparent, int variant = 0) =>
            _cache.GetOrAdd((width, height, format, transparent, variant),
                key => new Lazy<RenderedImage>(() => Render(key.Width, key.Height, key.Format, key.Transparent, key.Variant),
                    LazyThreadSafetyMode.ExecutionAndPublication)).Value;

        /// <summary>
        /// A PNG answer the size of a real one (see <see cref="EmulatorOptions.RealisticImages"/>): noise of the requested
        /// pixel size, about 1.9 bytes a pixel (2 MB at 1024x1024, 3 MB at 1536x1024). Other formats stay uniform.
        /// </summary>
        public RenderedImage GetRealistic(int width, int height, string format, bool transparent)
        {
            if (format != "png") return Get(width, height, format, transparent);
            int turn = (Interlocked.Increment(ref _nextNoise) & int.MaxValue) % NoiseVariants;
            return Get(width, height, format, transparent, FirstNoiseVariant + turn);
        }

        private static RenderedImage Render(int width, int height, string format, bool transparent, int variant) => format switch
        {
            "jpeg" => new RenderedImage(UniformJpegWriter.Write(width, height)),
            "webp" => new RenderedImage(UniformWebpWriter.Write(width, height, (byte)(64 * variant), 128, 200, transparent ? (byte)0 : (byte)255)),
            _ when variant >= FirstNoiseVariant => new RenderedImage(PngEncoder.EncodeRgba(width, height, Noise(width, height, transparent, variant), System.IO.Compression.CompressionLevel.Optimal)),
            _ => new RenderedImage(PngEncoder.EncodeRgba(width, height, Pixels(width, height, transparent, variant))),
        };

        /// <summary>
        /// Random colours, each row repeated once: deflate cannot shrink the noise, and the repeat halves it, so the PNG
        /// holds about 1.9 bytes a pixel, as large as a real photo-like answer (1.5 to 3 MB at 1024x1024 to 1536x1024).
        /// Seeded by size and variant, so a run repeats itself.
        /// </summary>
        private static byte[] Noise(int width, int height, bool transparent, int variant)
        {
            int stride = checked(width * 4);
            var rgba = new byte[checked(stride * height)];
            var random = new Random(unchecked(width * 7919 + height * 31 + variant));
            var row = new byte[stride];
            for (int y = 0; y < height; y++)
            {
                if (y % 2 == 0)
                {
                    random.NextBytes(row);
                    for (int i = 3; i < stride; i += 4) row[i] = transparent && (row[i] & 1) == 0 ? (byte)0 : (byte)255;
                }
                Buffer.BlockCopy(row, 0, rgba, y * stride, stride);
            }
            return rgba;
        }

        /// <summary>A gradient (so the image is not trivially flat); transparent answers get clear corners.</summary>
        private static byte[] Pixels(int width, int height, bool transparent, int variant)
        {
            var rgba = new byte[checked(width * height * 4)];
            double cx = width / 2.0, cy = height / 2.0, radius2 = Math.Pow(Math.Min(width, height) / 2.0, 2);
            byte blue = (byte)(160 + 30 * variant);
            for (int y = 0; y < height; y++)
            {
                byte green = (byte)(y * 255 / Math.Max(1, height - 1));
                int row = y * width * 4;
                for (int x = 0; x < width; x++)
                {
                    int i = row + x * 4;
                    rgba[i] = (byte)(x * 255 / Math.Max(1, width - 1));
                    rgba[i + 1] = green;
                    rgba[i + 2] = blue;
                    rgba[i + 3] = transparent && (x - cx) * (x - cx) + (y - cy) * (y - cy) > radius2 ? (byte)0 : (byte)255;
                }
            }
            return rgba;
        }
    }
}
