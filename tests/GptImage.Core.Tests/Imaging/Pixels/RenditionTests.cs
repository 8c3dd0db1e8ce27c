using GptImage.Imaging.Pixels;
using GptImage.Tests.Infrastructure;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace GptImage.Tests.Imaging.Pixels
{
    /// <summary>The pixel engine's Render: several files from one decode, as Export-GptImageBatch's tiers use it.</summary>
    public sealed class RenditionTests
    {
        private static readonly IPixelEngine Engine = new ImageSharpPixelEngine();

        [Fact]
        public void Makes_each_file_in_its_format_and_size_from_one_image()
        {
            byte[] png = TestImages.PngBytes(300, 200);
            byte[][] files = Engine.Render(png, null, new[]
            {
                new RenditionSpec("webp", 80, 300, 200),
                new RenditionSpec("jpeg", 70, 64, 43),
                new RenditionSpec("png", null, 30, 20),
            });
            Assert.Equal(("webp", 300, 200), Describe(files[0]));
            Assert.Equal(("jpeg", 64, 43), Describe(files[1]));
            Assert.Equal(("png", 30, 20), Describe(files[2]));
        }

        [Fact]
        public void A_transparent_image_becomes_a_jpeg_on_white_and_keeps_its_alpha_for_the_next_file()
        {
            byte[] clear = TestImages.PngBytes(32, 32, transparent: true);
            byte[][] files = Engine.Render(clear, null, new[] { new RenditionSpec("jpeg", 90, 32, 32), new RenditionSpec("png", null, 16, 16) });
            using (Image<Rgba32> jpeg = Image.Load<Rgba32>(files[0]))
            {
                Rgba32 pixel = jpeg[16, 16];
                Assert.True(pixel.R > 245 && pixel.G > 245 && pixel.B > 245, $"expected white, got {pixel}");
            }
            using Image<Rgba32> thumbnail = Image.Load<Rgba32>(files[1]);
            Assert.Equal(0, thumbnail[8, 8].A);
        }

        [Fact]
        public void A_lower_webp_quality_writes_fewer_bytes()
        {
            byte[] photo = TestImages.RgbaPng(256, 256);
            using (Image<Rgba32> image = Image.Load<Rgba32>(photo))
            {
                // Detail for the encoder to keep or drop: a uniform image compresses to the same few bytes at any quality.
                for (int y = 0; y < 256; y++)
                    for (int x = 0; x < 256; x++)
                        image[x, y] = new Rgba32((byte)(x * 7 ^ y * 3), (byte)(x * y), (byte)(x + 2 * y), 255);
                using var buffer = new MemoryStream();
                image.SaveAsPng(buffer);
                photo = buffer.ToArray();
            }
            byte[][] files = Engine.Render(photo, null, new[] { new RenditionSpec("webp", 90, 256, 256), new RenditionSpec("webp", 40, 256, 256) });
            Assert.True(files[1].Length < files[0].Length, $"q40 {files[1].Length} bytes, q90 {files[0].Length}");
        }

        private static (string, int, int) Describe(byte[] bytes)
        {
            ImageInfo info = ImageInspector.Inspect(bytes);
            return (info.Format, info.Width, info.Height);
        }
    }
}
