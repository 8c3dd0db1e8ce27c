namespace GptImage.Tests.Validation
{
    public sealed class RequestValidatorTests : IDisposable
    {
        private static readonly DateTime Today = new DateTime(2026, 11, 21);
        private readonly TempFolder _files = new TempFolder();

        public void Dispose() => _files.Dispose();

        private static GptImageValidationException Rejected(ImageGenerationRequest request) =>
            Assert.Throws<GptImageValidationException>(() => RequestValidator.Validate(request, Today));

        private static GptImageValidationException Rejected(ImageEditRequest request) =>
            Assert.Throws<GptImageValidationException>(() => RequestValidator.Validate(request, Today));

        private static ImageGenerationRequest Gen(Action<ImageGenerationRequest>? change = null)
        {
            var r = new ImageGenerationRequest { Prompt = "a red fox" };
            change?.Invoke(r);
            return r;
        }

        private ImageEditRequest Edit(Action<ImageEditRequest>? change = null)
        {
            var r = new ImageEditRequest { Prompt = "add a hat" };
            r.Images.Add(_files.Png("in.png"));
            change?.Invoke(r);
            return r;
        }

        [Fact]
        public void A_plain_request_on_the_default_model_passes_without_warnings()
        {
            Assert.Empty(RequestValidator.Validate(Gen(r => { r.Size = "1024x1024"; r.Quality = "low"; }), Today));
        }

        [Fact]
        public void Transparent_background_with_jpeg_is_rejected_naming_both_parameters()
        {
            var e = Rejected(Gen(r => { r.Background = "transparent"; r.OutputFormat = "jpeg"; }));
            Assert.Equal(ErrorIds.InvalidBackground, e.ErrorId);
            Assert.StartsWith("-Background 'transparent'", e.Message);
            Assert.Contains("-OutputFormat png or webp", e.Message);
        }

        [Theory]
        [InlineData("png")]
        [InlineData(null)]   // png is the API's default format
        public void Compression_with_png_is_rejected(string? format)
        {
            var e = Rejected(Gen(r => { r.Compression = 80; r.OutputFormat = format; }));
            Assert.Equal(ErrorIds.InvalidCompression, e.ErrorId);
            Assert.StartsWith("-Compression '80'", e.Message);
            Assert.Contains("jpeg and webp only", e.Message);
        }

        [Theory]
        [InlineData(-1)]
        [InlineData(101)]
        public void Compression_outside_0_to_100_is_rejected(int value)
        {
            var e = Rejected(Gen(r => { r.Compression = value; r.OutputFormat = "webp"; }));
            Assert.Contains("0 to 100", e.Message);
        }

        [Fact]
        public void Compression_with_jpeg_passes() => RequestValidator.Validate(Gen(r => { r.Compression = 0; r.OutputFormat = "JPEG"; }), Today);

        [Fact]
        public void Size_1000x1000_on_gpt_image_2_is_rejected_with_the_rule()
        {
            var e = Rejected(Gen(r => r.Size = "1000x1000"));
            Assert.Equal(ErrorIds.InvalidSize, e.ErrorId);
            Assert.StartsWith("-Size '1000x1000'", e.Message);
            Assert.Contains("divisible by 16", e.Message);
            Assert.Contains("1024x1536", e.Message);
        }

        [Theory]
        [InlineData("1536x864")]
        [InlineData("3840x2160")]
        [InlineData("2160x3840")]
        [InlineData("1008x3024")]   // exactly 1:3
        [InlineData("auto")]
        [InlineData("1024X1024")]
        public void Gpt_image_2_accepts_flexible_sizes_within_its_rule(string size) =>
            RequestValidator.Validate(Gen(r => r.Size = size), Today);

        [Theory]
        [InlineData("3856x2160", "larger")]      // long side over 3840
        [InlineData("3840x3840", "larger")]      // too many pixels
        [InlineData("3072x1008", "aspect")]      // wider than 3:1
        [InlineData("1024x1025", "divisible")]
        [InlineData("big", "WIDTHxHEIGHT")]
        public void Gpt_image_2_rejects_sizes_outside_its_rule(string size, string why)
        {
            var e = Rejected(Gen(r => r.Size = size));
            Assert.Contains(why, e.Message);
        }

        [Fact]
        public void A_size_above_2560x1440_passes_with_an_experimental_warning()
        {
            var warnings = RequestValidator.Validate(Gen(r => r.Size = "3840x2160"), Today);
            Assert.Contains(warnings, w => w.Contains("experimental"));
        }

        [Fact]
        public void Presets_only_models_reject_a_free_size()
        {
            var e = Rejected(Gen(r => { r.Model = "gpt-image-1.5"; r.Size = "1536x864"; }));
            Assert.Contains("gpt-image-1.5 accepts only auto, 1024x1024, 1536x1024, 1024x1536", e.Message);
        }

        [Fact]
        public void Count_11_is_rejected_and_10_passes()
        {
            var e = Rejected(Gen(r => r.Count = 11));
            Assert.Equal(ErrorIds.InvalidCount, e.ErrorId);
            Assert.StartsWith("-Count '11'", e.Message);
            Assert.Contains("1 to 10", e.Message);
            RequestValidator.Validate(Gen(r => r.Count = 10), Today);
        }

        [Fact]
        public void Count_0_is_rejected() => Rejected(Gen(r => r.Count = 0));

        [Fact]
        public void A_40000_character_prompt_is_rejected_with_its_length()
        {
            var e = Rejected(Gen(r => r.Prompt = new string('a', 40000)));
            Assert.Equal(ErrorIds.InvalidPrompt, e.ErrorId);
            Assert.Contains("at most 32,000 characters", e.Message);
            Assert.Contains("40,000", e.Message);
            Assert.True(e.Message.Length < 400, "the message must not repeat the whole prompt");
        }

        [Fact]
        public void An_empty_prompt_is_rejected() => Assert.Equal(ErrorIds.InvalidPrompt, Rejected(Gen(r => r.Prompt = "  ")).ErrorId);

        [Theory]
        [InlineData(-1)]
        [InlineData(4)]
        public void Partial_images_outside_0_to_3_are_rejected(int value)
        {
            var e = Rejected(Gen(r => r.PartialImages = value));
            Assert.Equal(ErrorIds.InvalidPartialImages, e.ErrorId);
            Assert.Contains("0 to 3", e.Message);
        }

        [Fact]
        public void Quality_outside_the_models_list_is_rejected_naming_the_choices()
        {
            var e = Rejected(Gen(r => r.Quality = "hd"));
            Assert.Equal(ErrorIds.InvalidQuality, e.ErrorId);
            Assert.Contains("one of low, medium, high, auto for gpt-image-2", e.Message);
        }

        [Fact]
        public void An_unknown_model_gets_only_generic_checks()
        {
            // A gateway deployment name: sizes and limits of the table do not apply...
            RequestValidator.Validate(Gen(r => { r.Model = "my-azure-deployment"; r.Size = "1000x1000"; r.Quality = "high"; }), Today);
            // ...but the spec-level rules still do.
            Assert.Equal(ErrorIds.InvalidBackground, Rejected(Gen(r => { r.Model = "gw-image"; r.Background = "transparent"; r.OutputFormat = "jpeg"; })).ErrorId);
            Assert.Equal(ErrorIds.InvalidCount, Rejected(Gen(r => { r.Model = "gw-image"; r.Count = 11; })).ErrorId);
            Assert.Equal(ErrorIds.InvalidPrompt, Rejected(Gen(r => { r.Model = "gw-image"; r.Prompt = new string('x', 40000); })).ErrorId);
        }

        [Fact]
        public void A_retired_model_warns_but_is_not_blocked()
        {
            var warnings = RequestValidator.Validate(Gen(r => r.Model = "gpt-image-1"), Today);
            string warning = Assert.Single(warnings);
            Assert.Contains("gpt-image-1", warning);
            Assert.Contains("2026-10-23", warning);
            // The day before its shutdown it is still current.
            Assert.Empty(RequestValidator.Validate(Gen(r => r.Model = "gpt-image-1.5"), new DateTime(2026, 11, 30)));
            Assert.Single(RequestValidator.Validate(Gen(r => r.Model = "gpt-image-1.5"), new DateTime(2026, 12, 1)));
        }

        [Fact]
        public void Dall_e_rules_come_from_the_table()
        {
            Assert.Equal(ErrorIds.InvalidCount, Rejected(Gen(r => { r.Model = "dall-e-3"; r.Count = 2; })).ErrorId);
            Assert.Equal(ErrorIds.InvalidOutputFormat, Rejected(Gen(r => { r.Model = "dall-e-3"; r.OutputFormat = "png"; })).ErrorId);
        }

        [Fact]
        public void Seventeen_images_are_rejected()
        {
            var e = Rejected(Edit(r => { for (int i = 0; i < 16; i++) r.Images.Add(r.Images[0]); }));
            Assert.Equal(ErrorIds.TooManyImages, e.ErrorId);
            Assert.StartsWith("-Path '17 images'", e.Message);
            Assert.Contains("at most 16", e.Message);
        }

        [Fact]
        public void Sixteen_images_of_each_type_pass()
        {
            string jpeg = _files.Write("photo.jpg", TestImages.Jpeg(8, 8));
            string webp = _files.Write("photo.webp", TestImages.Webp(8, 8));
            RequestValidator.Validate(Edit(r => { for (int i = 0; i < 15; i++) r.Images.Add(i % 2 == 0 ? jpeg : webp); }), Today);
        }

        [Fact]
        public void A_gif_named_png_is_rejected_by_its_bytes()
        {
            string gif = _files.Write("fake.png", TestImages.Gif());
            var e = Rejected(Edit(r => r.Images[0] = gif));
            Assert.Equal(ErrorIds.InvalidImage, e.ErrorId);
            Assert.Contains("by the file's bytes", e.Message);
        }

        [Fact]
        public void A_missing_image_file_is_rejected_before_any_call()
        {
            var e = Rejected(Edit(r => r.Images[0] = Path.Combine(_files.Folder, "nope.png")));
            Assert.Equal(ErrorIds.InvalidImage, e.ErrorId);
            Assert.Contains("not found", e.Message);
        }

        [Fact]
        public void A_mask_that_is_not_png_is_rejected_by_its_bytes()
        {
            string jpegNamedPng = _files.Write("mask.png", TestImages.Jpeg(8, 8));
            var e = Rejected(Edit(r => r.MaskPath = jpegNamedPng));
            Assert.Equal(ErrorIds.InvalidMask, e.ErrorId);
            Assert.StartsWith("-MaskPath '", e.Message);
            Assert.Contains("must be a PNG", e.Message);
        }

        [Fact]
        public void A_png_mask_without_alpha_is_rejected()
        {
            string rgb = _files.Write("rgb-mask.png", TestImages.RgbPng(64, 64));
            var e = Rejected(Edit(r => r.MaskPath = rgb));
            Assert.Equal(ErrorIds.InvalidMask, e.ErrorId);
            Assert.Contains("alpha", e.Message);
        }

        [Fact]
        public void A_png_mask_whose_header_is_damaged_is_rejected()
        {
            byte[] bytes = TestImages.PngBytes(64, 64, transparent: true);
            bytes[20] ^= 0xFF;   // IHDR's height: the chunk's CRC no longer matches
            string damaged = _files.Write("damaged-mask.png", bytes);
            var e = Rejected(Edit(r => r.MaskPath = damaged));
            Assert.Equal(ErrorIds.InvalidMask, e.ErrorId);
            Assert.Contains("header is damaged", e.Message);
        }

        [Fact]
        public void A_mask_of_another_size_than_the_first_image_is_rejected()
        {
            string mask = _files.Png("small-mask.png", 32, 32, transparent: true);
            var e = Rejected(Edit(r => r.MaskPath = mask));
            Assert.Equal(ErrorIds.MaskMismatch, e.ErrorId);
            Assert.Contains("64x64", e.Message);
            Assert.Contains("32x32", e.Message);
        }

        [Fact]
        public void A_mask_is_checked_against_a_jpeg_first_image_too()
        {
            string photo = _files.Write("photo.jpg", TestImages.Jpeg(48, 32));
            string mask = _files.Png("mask.png", 64, 64, transparent: true);
            var e = Rejected(Edit(r => { r.Images[0] = photo; r.MaskPath = mask; }));
            Assert.Equal(ErrorIds.MaskMismatch, e.ErrorId);
            Assert.Contains("48x32", e.Message);
            RequestValidator.Validate(Edit(r => { r.Images[0] = _files.Write("fits.jpg", TestImages.Jpeg(64, 64)); r.MaskPath = mask; }), Today);
        }

        [Fact]
        public void A_matching_png_mask_passes_from_a_path_or_a_stream()
        {
            string mask = _files.Png("mask.png", 64, 64, transparent: true);
            RequestValidator.Validate(Edit(r => r.MaskPath = mask), Today);
            using var stream = new MemoryStream(File.ReadAllBytes(mask));
            RequestValidator.Validate(Edit(r => r.Mask = ImageInput.FromStream(stream, "mask.png")), Today);
        }

        [Fact]
        public void Input_fidelity_is_rejected_where_the_model_has_none()
        {
            var e = Rejected(Edit(r => r.InputFidelity = "high"));
            Assert.Equal(ErrorIds.InvalidInputFidelity, e.ErrorId);
            Assert.Contains("gpt-image-2 does not support input fidelity", e.Message);
            Assert.Equal(ErrorIds.InvalidInputFidelity, Rejected(Edit(r => { r.Model = "gpt-image-1-mini"; r.InputFidelity = "low"; })).ErrorId);
            RequestValidator.Validate(Edit(r => { r.Model = "gpt-image-1.5"; r.InputFidelity = "high"; }), Today);
        }

        [Fact]
        public void Moderation_on_an_edit_is_rejected_because_the_multipart_form_has_no_such_field()
        {
            var e = Rejected(Edit(r => r.Moderation = "low"));
            Assert.Equal(ErrorIds.InvalidModeration, e.ErrorId);
            Assert.Contains("no moderation field", e.Message);
        }

        [Fact]
        public void An_edit_passed_as_a_generation_request_still_gets_the_edit_checks()
        {
            ImageGenerationRequest asBase = Edit(r => r.Moderation = "low");
            Assert.Equal(ErrorIds.InvalidModeration, Rejected(asBase).ErrorId);
        }

        [Fact]
        public void An_edit_without_images_is_rejected()
        {
            var r = new ImageEditRequest { Prompt = "x" };
            Assert.Equal(ErrorIds.InvalidImage, Rejected(r).ErrorId);
        }

        private string Oversized(string name, int bytes)
        {
            var data = new byte[bytes];
            TestImages.PngBytes(8, 8).CopyTo(data, 0);   // a PNG header, then padding: only the size matters here
            return _files.Write(name, data);
        }

        [Fact]
        public void An_image_over_the_models_file_size_limit_is_rejected_with_NoResize()
        {
            // Without NoResize it is resized to fit on upload instead (UploadPreparerTests).
            string big = Oversized("big.png", 4 * 1024 * 1024 + 1);
            var e = Rejected(Edit(r => { r.Model = "dall-e-2"; r.Images[0] = big; r.NoResize = true; }));
            Assert.Equal(ErrorIds.ImageTooLarge, e.ErrorId);
            Assert.Contains("under 4 MB for dall-e-2", e.Message);
        }

        [Fact]
        public void A_mask_over_4_MB_is_rejected()
        {
            string big = Oversized("big-mask.png", 4 * 1024 * 1024 + 1);
            var e = Rejected(Edit(r => r.MaskPath = big));
            Assert.Equal(ErrorIds.InvalidMask, e.ErrorId);
            Assert.Contains("under 4 MB", e.Message);
        }

        [Fact]
        public void Dall_e_2_edits_take_one_png_only()
        {
            Assert.Equal(ErrorIds.TooManyImages, Rejected(Edit(r => { r.Model = "dall-e-2"; r.Images.Add(r.Images[0]); })).ErrorId);
            string jpeg = _files.Write("p.jpg", TestImages.Jpeg(8, 8));
            Assert.Equal(ErrorIds.InvalidImage, Rejected(Edit(r => { r.Model = "dall-e-2"; r.Images[0] = jpeg; })).ErrorId);
        }

        [Fact]
        public void Every_message_states_what_is_allowed()
        {
            var cases = new Func<GptImageValidationException>[]
            {
                () => Rejected(Gen(r => r.Size = "1000x1000")),
                () => Rejected(Gen(r => r.Count = 11)),
                () => Rejected(Gen(r => r.Moderation = "strict")),
                () => Rejected(Gen(r => r.OutputFormat = "gif")),
            };
            foreach (var run in cases)
            {
                var e = run();
                Assert.Matches("^-[A-Za-z]+ '.*' is not allowed: .+", e.Message);
                Assert.False(string.IsNullOrWhiteSpace(e.Allowed));
            }
        }
    }
}
