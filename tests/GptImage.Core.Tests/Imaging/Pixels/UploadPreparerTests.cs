using GptImage.Imaging;
using GptImage.Imaging.Uploads;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace GptImage.Tests.Imaging.Pixels
{
    /// <summary>What an edit uploads: no EXIF/XMP/ICC/comments, upright, and within the model's limits.</summary>
    public sealed class UploadPreparerTests
    {
        private readonly string _folder = TestTemp.NewDirectory();

        private static readonly byte[] Secret = Encoding.ASCII.GetBytes("SecretCam GPS 51.5074N");

        private string Write(string name, byte[] bytes)
        {
            string path = Path.Combine(_folder, name);
            File.WriteAllBytes(path, bytes);
            return path;
        }

        /// <summary>A JPEG with an APP1 EXIF block, an APP2 ICC block and a COM segment right after SOI.</summary>
        private static byte[] JpegWithMetadata()
        {
            byte[] jpeg = TestImages.Jpeg(32, 16);
            var output = new MemoryStream();
            output.Write(jpeg, 0, 2);
            foreach (var (marker, payload) in new[] { ((byte)0xE1, Concat(Encoding.ASCII.GetBytes("Exif\0\0"), Secret)), ((byte)0xE2, Concat(Encoding.ASCII.GetBytes("ICC_PROFILE\0"), Secret)), ((byte)0xFE, Secret) })
            {
                output.WriteByte(0xFF); output.WriteByte(marker);
                int length = payload.Length + 2;
                output.WriteByte((byte)(length >> 8)); output.WriteByte((byte)length);
                output.Write(payload);
            }
            output.Write(jpeg, 2, jpeg.Length - 2);
            return output.ToArray();
        }

        private static byte[] Concat(byte[] a, byte[] b) => a.Concat(b).ToArray();

        private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

        [Fact]
        public void A_jpeg_loses_its_exif_icc_and_comment_without_being_reencoded()
        {
            byte[] original = TestImages.Jpeg(32, 16);
            byte[] stripped = MetadataStripper.Strip(JpegWithMetadata(), "jpeg");
            Assert.False(Contains(stripped, Secret));
            Assert.Equal(original, stripped);   // exactly the image without the three segments
        }

        [Fact]
        public void A_png_loses_its_text_exif_and_icc_chunks_and_keeps_the_rest()
        {
            byte[] png = TestImages.RgbaPng(8, 8);
            byte[] withText = InsertPngChunks(png, "tEXt", "eXIf", "iCCP", "zTXt");
            Assert.True(Contains(withText, Secret));
            byte[] stripped = MetadataStripper.Strip(withText, "png");
            Assert.Equal(png, stripped);
        }

        [Fact]
        public void A_webp_loses_its_exif_and_xmp_chunks_and_the_flags_that_announce_them()
        {
            byte[] vp8l = TestImages.Webp(4, 4);
            byte[] image = vp8l.AsSpan(12).ToArray();   // the VP8L chunk
            byte[] vp8x = new byte[18];
            Encoding.ASCII.GetBytes("VP8X").CopyTo(vp8x, 0);
            vp8x[4] = 10;
            vp8x[8] = 0x08 | 0x04;   // EXIF and XMP present
            vp8x[12] = 3; vp8x[15] = 3;   // canvas 4x4 (minus one)
            byte[] exif = Chunk("EXIF", Secret), xmp = Chunk("XMP ", Secret);
            byte[] body = Concat(Concat(Concat(Encoding.ASCII.GetBytes("WEBP"), vp8x), image), Concat(exif, xmp));
            byte[] webp = Concat(Concat(Encoding.ASCII.GetBytes("RIFF"), BitConverter.GetBytes(body.Length)), body);

            byte[] stripped = MetadataStripper.Strip(webp, "webp");

            Assert.False(Contains(stripped, Secret));
            Assert.Equal(0, stripped[20] & (0x08 | 0x04));
            Assert.Equal(stripped.Length - 8, BitConverter.ToInt32(stripped, 4));
            Assert.Equal(webp.Length - exif.Length - xmp.Length, stripped.Length);
        }

        [Fact]
        public void A_photo_turned_by_its_exif_orientation_is_sent_upright_without_exif()
        {
            // 40x20 stored with the left half red; orientation 6 means "turn 90 degrees clockwise to show".
            using var stored = new Image<Rgba32>(40, 20, new Rgba32(0, 0, 255, 255));
            for (int y = 0; y < 20; y++) for (int x = 0; x < 20; x++) stored[x, y] = new Rgba32(255, 0, 0, 255);
            stored.Metadata.ExifProfile = new ExifProfile();
            stored.Metadata.ExifProfile.SetValue(ExifTag.Orientation, (ushort)6);
            stored.Metadata.ExifProfile.SetValue(ExifTag.Make, "SecretCam");
            var jpeg = new MemoryStream();
            stored.SaveAsJpeg(jpeg);
            string path = Write("turned.jpg", jpeg.ToArray());

            byte[] sent = UploadPreparer.PrepareImage(ImageInput.FromPath(path), new ImageEditRequest { Prompt = "p" }, ModelCatalog.Find("gpt-image-2"));

            using Image<Rgba32> upright = Image.Load<Rgba32>(sent);
            Assert.Equal((20, 40), (upright.Width, upright.Height));
            Assert.True(upright[10, 5].R > 200 && upright[10, 5].B < 60, "the red half is on top once turned clockwise");
            Assert.Null(upright.Metadata.ExifProfile);
            Assert.False(Contains(sent, Encoding.ASCII.GetBytes("SecretCam")));
        }

        [Fact]
        public void KeepMetadata_sends_the_file_byte_for_byte()
        {
            byte[] original = JpegWithMetadata();
            string path = Write("keep.jpg", original);
            byte[] sent = UploadPreparer.PrepareImage(ImageInput.FromPath(path), new ImageEditRequest { Prompt = "p", KeepMetadata = true }, ModelCatalog.Find("gpt-image-2"));
            Assert.Equal(original, sent);
        }

        [Fact]
        public void An_image_with_more_pixels_than_the_model_makes_is_resized_to_fit_and_warned_about()
        {
            string path = Write("big.png", TestImages.RgbPng(2000, 1000));
            var request = new ImageEditRequest { Prompt = "p", Model = "gpt-image-1.5" };   // largest preset 1536x1024
            ModelCapabilities caps = ModelCatalog.Find("gpt-image-1.5")!;

            UploadPlan plan = UploadPreparer.Plan(ImageInput.FromPath(path), request, caps);
            Assert.True(plan.Resize);
            Assert.Contains("2000x1000", UploadPreparer.ResizeWarning(ImageInput.FromPath(path), plan, caps, "gpt-image-1.5"));

            byte[] sent = UploadPreparer.PrepareImage(ImageInput.FromPath(path), request, caps);
            IImageInfo info = Image.Identify(sent);
            Assert.True((long)info.Width * info.Height <= 1536 * 1024 && Math.Max(info.Width, info.Height) <= 1536, $"{info.Width}x{info.Height}");
            Assert.Equal(2.0, (double)info.Width / info.Height, 2);
        }

        [Fact]
        public void NoResize_refuses_the_same_image_before_any_upload()
        {
            string path = Write("big.png", TestImages.RgbPng(2000, 1000));
            var request = new ImageEditRequest { Prompt = "p", Model = "gpt-image-1.5", NoResize = true, Images = { path } };
            var e = Assert.Throws<GptImageValidationException>(() => RequestValidator.Validate(request, new DateTime(2026, 11, 1)));
            Assert.Equal(ErrorIds.ImageTooLarge, e.ErrorId);
            Assert.Contains("2000x1000", e.Message);
        }

        [Fact]
        public void A_mask_with_an_image_that_will_be_resized_needs_ResizeMask()
        {
            string image = Write("big.png", TestImages.RgbPng(2000, 1000));
            string mask = Write("mask.png", TestImages.RgbaPng(2000, 1000));
            var request = new ImageEditRequest { Prompt = "p", Model = "gpt-image-1.5", Images = { image }, MaskPath = mask };
            var e = Assert.Throws<GptImageValidationException>(() => RequestValidator.Validate(request, new DateTime(2026, 11, 1)));
            Assert.Equal(ErrorIds.MaskMismatch, e.ErrorId);
            Assert.Contains("-ResizeMask", e.Message);

            request.ResizeMask = true;
            RequestValidator.Validate(request, new DateTime(2026, 11, 1));
            var prepared = UploadPreparer.PrepareAll(request);
            IImageInfo sentImage = Image.Identify(prepared.Images[0]);
            IImageInfo sentMask = Image.Identify(prepared.Mask!);
            Assert.Equal((sentImage.Width, sentImage.Height), (sentMask.Width, sentMask.Height));
        }

        private static byte[] Chunk(string type, byte[] data)
        {
            var chunk = new List<byte>(Encoding.ASCII.GetBytes(type));
            chunk.AddRange(BitConverter.GetBytes(data.Length));
            chunk.AddRange(data);
            if (data.Length % 2 == 1) chunk.Add(0);
            return chunk.ToArray();
        }

        private static byte[] InsertPngChunks(byte[] png, params string[] types)
        {
            var output = new MemoryStream();
            output.Write(png, 0, 33);   // signature + IHDR
            foreach (string type in types)
            {
                byte[] head = Encoding.ASCII.GetBytes(type);
                output.Write(new[] { (byte)0, (byte)0, (byte)0, (byte)Secret.Length });
                output.Write(head);
                output.Write(Secret);
                uint crc = GptImage.Tests.Imaging.BitwiseCrc32.Compute(head, Secret);
                output.Write(new[] { (byte)(crc >> 24), (byte)(crc >> 16), (byte)(crc >> 8), (byte)crc });
            }
            output.Write(png, 33, png.Length - 33);
            return output.ToArray();
        }
    }
}
