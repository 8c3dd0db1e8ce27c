using System;
using System.Globalization;
using System.IO;
using GptImage.Imaging;
using GptImage.Imaging.Uploads;

namespace GptImage.Validation
{
    /// <summary>
    /// The checks on an edit's files: count, existence, type by content (not by extension), size, each image
    /// read in full for damage (<see cref="InputImageCheck"/>), and the mask's PNG-ness, alpha channel and pixel size.
    /// </summary>
    internal static class EditInputRules
    {
        private const string ImageParameter = "Path";
        private const string MaskParameter = "MaskPath";

        public static void CheckImages(ImageEditRequest r, ModelCapabilities? caps)
        {
            int max = caps?.MaxInputImages ?? ModelCatalog.GenericMaxInputImages;
            if (r.Images.Count == 0)
                throw new GptImageValidationException(ErrorIds.InvalidImage, ImageParameter, null, "at least one input image (png, jpeg or webp) is required.");
            if (r.Images.Count > max)
                throw new GptImageValidationException(ErrorIds.TooManyImages, ImageParameter, $"{r.Images.Count} images",
                    $"at most {max} input image{(max == 1 ? "" : "s")} per edit{RequestValidator.ForModel(caps)}.");

            long maxBytes = caps?.MaxImageBytes ?? ModelCatalog.GenericMaxImageBytes;
            bool pngOnly = caps != null && !caps.IsGptImage;
            foreach (ImageInput image in r.Images)
            {
                if (image is null)
                    throw new GptImageValidationException(ErrorIds.InvalidImage, ImageParameter, null, "an image path or stream, not null.");
                string? format = DetectFormat(image, ErrorIds.InvalidImage, ImageParameter);
                if (format == null || (pngOnly && format != "png"))
                    throw new GptImageValidationException(ErrorIds.InvalidImage, ImageParameter, image.ToString(),
                        (pngOnly ? $"{caps!.Name} edits only PNG images" : "each image must be a PNG, JPEG or WebP file")
                        + $" (judged by the file's bytes, not its extension); '{image.FileName}' is not.");
                // Over the limits is resized to fit on upload (UploadPreparer), unless NoResize asks for a refusal.
                UploadPlan plan = UploadPreparer.Plan(image, r, caps);
                if (plan.OverLimits && r.NoResize)
                    throw new GptImageValidationException(ErrorIds.ImageTooLarge, ImageParameter, image.ToString(),
                        $"each image must be under {Megabytes(maxBytes)}{RequestValidator.ForModel(caps)} and within the pixels the model makes ({UploadLimits.For(caps).Describe(caps?.Name)}); this one is {plan.Width}x{plan.Height}, {Megabytes(plan.Bytes)}. Without -NoResize it is resized to fit.");
                InputImageCheck.Check(image, ErrorIds.InvalidImage, ImageParameter);
            }
            UploadPlan first = UploadPreparer.Plan(r.Images[0], r, caps);
            if (first.Resize && EffectiveMask(r) != null && !r.ResizeMask)
                throw new GptImageValidationException(ErrorIds.MaskMismatch, MaskParameter, EffectiveMask(r)!.ToString(),
                    $"a mask for an image that is resized to fit ({first.Width}x{first.Height} to about {first.TargetWidth}x{first.TargetHeight}): add -ResizeMask to resize the mask with it, or -NoResize to refuse the image.");
        }

        public static void CheckMask(ImageEditRequest r, ModelCapabilities? caps)
        {
            ImageInput? mask = EffectiveMask(r);
            if (mask is null) return;
            if (DetectFormat(mask, ErrorIds.InvalidMask, MaskParameter) != "png")
                throw new GptImageValidationException(ErrorIds.InvalidMask, MaskParameter, mask.ToString(),
                    "the mask must be a PNG file with an alpha channel (judged by the file's bytes, not its extension).");
            long maxBytes = caps?.MaxMaskBytes ?? ModelCatalog.GenericMaxMaskBytes;
            long length = mask.GetLength();
            if (length > maxBytes)
                throw new GptImageValidationException(ErrorIds.InvalidMask, MaskParameter, mask.ToString(),
                    $"the mask must be under {Megabytes(maxBytes)}; this one is {Megabytes(length)}.");

            ImageInfo? maskHeader = InspectHeader(mask);
            if (maskHeader is null)
                throw new GptImageValidationException(ErrorIds.InvalidMask, MaskParameter, mask.ToString(), "a readable PNG file; this one's header is damaged.");
            if (!maskHeader.HasAlpha)
                throw new GptImageValidationException(ErrorIds.InvalidMask, MaskParameter, mask.ToString(),
                    "a PNG with an alpha channel whose fully transparent pixels mark the area to edit; this PNG has no transparency.");

            // The mask applies to the first image, whatever its format (as MaskValidator judges it); an unreadable
            // first image was already refused by CheckImages or is left to the API.
            ImageInfo? first = InspectHeader(r.Images[0]);
            if (first != null && (first.Width != maskHeader.Width || first.Height != maskHeader.Height))
                throw new GptImageValidationException(ErrorIds.MaskMismatch, MaskParameter, mask.ToString(),
                    $"the mask must have the first image's size, {first.Width}x{first.Height}; this mask is {maskHeader.Width}x{maskHeader.Height}.");
        }

        /// <summary>The mask that will be uploaded: a stream given in Mask wins over MaskPath.</summary>
        public static ImageInput? EffectiveMask(ImageEditRequest r) =>
            r.Mask ?? (string.IsNullOrWhiteSpace(r.MaskPath) ? null : ImageInput.FromPath(r.MaskPath!));

        private static string? DetectFormat(ImageInput input, string errorId, string parameter)
        {
            try
            {
                return ImageFormatDetector.Detect(input.ReadHeader(ImageFormatDetector.SignatureLength));
            }
            catch (Exception e) when (e is FileNotFoundException || e is DirectoryNotFoundException)
            {
                throw new GptImageValidationException(errorId, parameter, input.ToString(), "an existing file; this path was not found.");
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new GptImageValidationException(errorId, parameter, input.ToString(), "a readable file; reading it failed: " + e.Message);
            }
        }

        /// <summary>
        /// The imaging engine's header facts (the pixels are never read), or null when the header is damaged:
        /// the callers turn that into their own parameter's error.
        /// </summary>
        private static ImageInfo? InspectHeader(ImageInput input)
        {
            try
            {
                using Stream stream = input.OpenRead();
                return ImageFiles.Guard(input.Path, () => ImageCodecs.Current.Inspect(stream, input.Path));
            }
            catch (GptImageImageException)
            {
                return null;
            }
        }

        private static string Megabytes(long bytes) =>
            (bytes / (1024.0 * 1024.0)).ToString(bytes % (1024 * 1024) == 0 ? "0" : "0.0", CultureInfo.InvariantCulture) + " MB";
    }
}
