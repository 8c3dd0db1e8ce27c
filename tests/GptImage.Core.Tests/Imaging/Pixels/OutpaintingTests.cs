using GptImage.Imaging.Pixels;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace GptImage.Tests.Imaging.Pixels
{
    public sealed class OutpaintingTests
    {
        [Fact]
        public void A_square_becomes_a_16_by_9_canvas_with_sides_divisible_by_16_on_gpt_image_2()
        {
            OutpaintLayout layout = Outpainting.Plan(1024, 1024, null, "16:9", OutpaintAnchor.Center, "gpt-image-2");
            Assert.Equal("1824x1024", layout.Size);
            Assert.Equal((1024, 1024), (layout.ImageWidth, layout.ImageHeight));
            Assert.Equal((400, 0), (layout.ImageX, layout.ImageY));
            Assert.Equal(100.0 * 800 / 1824, layout.NewAreaPercent, 3);
        }

        [Theory]
        [InlineData(OutpaintAnchor.Left, 0, 0)]
        [InlineData(OutpaintAnchor.Right, 800, 0)]
        public void The_anchor_places_the_image(OutpaintAnchor anchor, int x, int y)
        {
            OutpaintLayout layout = Outpainting.Plan(1024, 1024, null, "16:9", anchor, "gpt-image-2");
            Assert.Equal((x, y), (layout.ImageX, layout.ImageY));
        }

        [Fact]
        public void A_canvas_over_the_model_limits_shrinks_with_the_image_inside_it()
        {
            // 3000x3000 to 3:1 would be 9000x3000: over 3840 a side, so everything scales down.
            OutpaintLayout layout = Outpainting.Plan(3000, 3000, null, "3:1", OutpaintAnchor.Center, "gpt-image-2");
            Assert.True(layout.CanvasWidth <= 3840 && (long)layout.CanvasWidth * layout.CanvasHeight <= 8294400);
            Assert.Equal(0, layout.CanvasWidth % 16);
            Assert.Equal(0, layout.CanvasHeight % 16);
            Assert.True(layout.ImageWidth <= layout.CanvasHeight + 16 && layout.ImageHeight <= layout.CanvasHeight);
        }

        [Fact]
        public void A_shape_outside_1_to_3_is_refused_naming_the_limits()
        {
            var e = Assert.Throws<GptImageValidationException>(() => Outpainting.Plan(1024, 1024, null, "4:1", OutpaintAnchor.Center, "gpt-image-2"));
            Assert.Contains("1:3 to 3:1", e.Message);
        }

        [Fact]
        public void Older_models_get_the_closest_preset_and_the_image_scaled_into_it()
        {
            OutpaintLayout layout = Outpainting.Plan(1024, 1024, null, "16:9", OutpaintAnchor.Center, "gpt-image-1.5");
            Assert.Equal("1536x1024", layout.Size);
            Assert.Equal(layout.ImageWidth, layout.ImageHeight);
            Assert.True(layout.ImageWidth < 1024);
        }

        [Fact]
        public void Size_and_aspect_together_or_neither_are_refused()
        {
            Assert.Throws<GptImageValidationException>(() => Outpainting.Plan(10, 10, "32x32", "1:1", OutpaintAnchor.Center, null));
            Assert.Throws<GptImageValidationException>(() => Outpainting.Plan(10, 10, null, null, OutpaintAnchor.Center, null));
        }

        [Fact]
        public void The_canvas_holds_the_image_on_transparent_pixels_and_the_mask_is_transparent_exactly_where_new()
        {
            string path = Path.Combine(TestTemp.NewDirectory(), "square.png");
            File.WriteAllBytes(path, TestImages.RgbPng(64, 64));
            OutpaintLayout layout = Outpainting.Plan(path, null, "2:1", OutpaintAnchor.Left, "gpt-image-2");
            (byte[] canvasBytes, byte[] maskBytes) = Outpainting.Build(path, layout);

            using Image<Rgba32> canvas = Image.Load<Rgba32>(canvasBytes);
            using Image<Rgba32> mask = Image.Load<Rgba32>(maskBytes);
            Assert.Equal((128, 64), (canvas.Width, canvas.Height));
            Assert.Equal((128, 64), (mask.Width, mask.Height));
            Assert.Equal(255, canvas[10, 10].A);
            Assert.Equal(0, canvas[100, 10].A);
            Assert.Equal(255, mask[10, 10].A);
            Assert.Equal(0, mask[100, 10].A);
            Assert.Equal(0, mask[64, 63].A);
            Assert.Equal(255, mask[63, 63].A);
        }
    }
}
