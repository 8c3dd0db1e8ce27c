using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using GptImage.Imaging;
using GptImage.Imaging.Masks;

namespace GptImage
{
    /// <summary>
    /// The check behind Test-GptImageMask and Edit-GptImage's pre-flight: is this mask one the API will
    /// accept for this image? Reports every problem at once; unreadable files are problems, not exceptions.
    /// </summary>
    public static class MaskValidator
    {
        /// <summary>The model whose limits apply when none is given.</summary>
        public const string DefaultModel = "gpt-image-2";

        public static MaskReport Validate(string maskPath, string imagePath) => Validate(maskPath, new[] { imagePath }, null);

        public static MaskReport Validate(string maskPath, string imagePath, string? model) => Validate(maskPath, new[] { imagePath }, model);

        /// <summary>
        /// Checks the mask against the first image's pixel size and every image against the model's byte limit.
        /// </summary>
        public static MaskReport Validate(string maskPath, IReadOnlyList<string> imagePaths, string? model = null)
        {
            if (maskPath is null) throw new ArgumentNullException(nameof(maskPath));
            if (imagePaths is null || imagePaths.Count == 0) throw new ArgumentException("At least one image path is needed: the mask is checked against the first image.", nameof(imagePaths));

            var problems = new List<MaskProblem>();
            var warnings = new List<MaskProblem>();
            ModelCapabilities limits = ResolveModel(model, warnings);

            // The mask: readable, PNG, alpha, size in bytes.
            long maskBytes = FileSize(maskPath);
            ImageInfo? mask = TryInspect(maskPath, problems, ImageErrorIds.MaskUnreadable, "mask");
            bool maskIsPng = mask?.Format == "png";
            if (mask != null && !maskIsPng)
                problems.Add(new MaskProblem(ImageErrorIds.MaskNotPng,
                    $"The mask '{maskPath}' is a {mask.Format.ToUpperInvariant()} file; the API takes only PNG masks. Save it as a PNG with an alpha channel, or make one with ConvertTo-GptImageMask."));
            if (maskBytes > limits.MaxMaskBytes)
                problems.Add(new MaskProblem(ImageErrorIds.MaskTooLarge,
                    $"The mask '{maskPath}' is {Size(maskBytes)}; {limits.Name} takes masks up to {Size(limits.MaxMaskBytes)}. Save it with stronger compression or fewer colours (a 1-bit alpha mask is enough)."));
            if (mask != null && maskIsPng && !mask.HasAlpha)
                problems.Add(new MaskProblem(ImageErrorIds.MaskNoAlpha,
                    $"The mask '{maskPath}' has no alpha channel (PNG colour type {mask.PngColorType}, no tRNS), so no area is marked for editing. Make the area to edit fully transparent, or convert a black-and-white mask with ConvertTo-GptImageMask."));

            // The images: readable and within the byte limit; the first one fixes the size the mask must have.
            ImageInfo? image = null;
            long imageBytes = 0;
            for (int i = 0; i < imagePaths.Count; i++)
            {
                string path = imagePaths[i];
                long bytes = FileSize(path);
                ImageInfo? info = TryInspect(path, problems, ImageErrorIds.ImageUnreadable, "image");
                if (i == 0) { image = info; imageBytes = bytes; }
                if (bytes > limits.MaxImageBytes)
                    problems.Add(new MaskProblem(ImageErrorIds.ImageTooLarge,
                        $"The image '{path}' is {Size(bytes)}; {limits.Name} takes images up to {Size(limits.MaxImageBytes)} each."));
            }
            if (mask != null && image != null && (mask.Width != image.Width || mask.Height != image.Height))
                problems.Add(new MaskProblem(ImageErrorIds.MaskSizeMismatch,
                    $"The mask is {mask.Width}x{mask.Height} pixels but the image '{imagePaths[0]}' is {image.Width}x{image.Height}; they must be the same size."));

            // The pixels: how much is transparent, and where.
            AlphaStatistics? stats = mask != null && maskIsPng && mask.HasAlpha ? ReadAlpha(maskPath, problems) : null;
            if (stats != null)
            {
                if (stats.TransparentPixels == 0)
                    problems.Add(new MaskProblem(ImageErrorIds.MaskNothingTransparent,
                        $"The mask '{maskPath}' has no fully transparent pixel (alpha 0), so nothing would be edited. Make the area to change fully transparent."));
                else if (stats.TransparentPixels == stats.TotalPixels)
                    warnings.Add(new MaskProblem(ImageErrorIds.MaskAllTransparent,
                        $"The whole mask '{maskPath}' is transparent: the entire image will be redrawn, as if no mask were given."));
            }

            return new MaskReport
            {
                MaskPath = maskPath,
                ImagePath = imagePaths[0],
                Model = limits.Name,
                Problems = problems,
                Warnings = warnings,
                Width = mask?.Width ?? 0,
                Height = mask?.Height ?? 0,
                ImageWidth = image?.Width ?? 0,
                ImageHeight = image?.Height ?? 0,
                MaskFormat = mask?.Format,
                ImageFormat = image?.Format,
                MaskBytes = maskBytes,
                ImageBytes = imageBytes,
                MaxMaskBytes = limits.MaxMaskBytes,
                MaxImageBytes = limits.MaxImageBytes,
                TransparentPixels = stats?.TransparentPixels,
                TransparentPercent = stats?.TransparentPercent,
                EditBounds = stats?.Bounds,
            };
        }

        private static ModelCapabilities ResolveModel(string? model, List<MaskProblem> warnings)
        {
            ModelCapabilities? known = ModelCatalog.Find(model ?? DefaultModel);
            if (known != null) return known;
            ModelCapabilities fallback = ModelCatalog.Find(DefaultModel)
                ?? throw new InvalidOperationException($"The model table has no {DefaultModel} entry.");
            warnings.Add(new MaskProblem(ImageErrorIds.ModelUnknown,
                $"The model '{model}' is not in the capability table; {fallback.Name}'s limits were applied."));
            return fallback;
        }

        private static ImageInfo? TryInspect(string path, List<MaskProblem> problems, string id, string role)
        {
            try
            {
                return ImageInspector.Inspect(path);
            }
            catch (GptImageImageException e)
            {
                problems.Add(new MaskProblem(id, $"The {role} cannot be read ({e.ErrorId}): {e.Message}"));
                return null;
            }
        }

        /// <summary>Decodes the mask's alpha row by row; a damaged mask becomes a problem, not an exception.</summary>
        private static AlphaStatistics? ReadAlpha(string maskPath, List<MaskProblem> problems)
        {
            var stats = new AlphaStatistics();
            try
            {
                using FileStream stream = ImageFiles.OpenRead(maskPath);
                ImageFiles.Guard(maskPath, () => ImageCodecs.Current.ReadPixels(stream, maskPath, PixelLayout.Alpha, stats.AddRow));
                return stats;
            }
            catch (GptImageImageException e)
            {
                problems.Add(new MaskProblem(ImageErrorIds.MaskUnreadable, $"The mask's pixels cannot be read ({e.ErrorId}): {e.Message}"));
                return null;
            }
        }

        private static long FileSize(string path)
        {
            try
            {
                return File.Exists(path) ? new FileInfo(path).Length : 0;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                return 0;
            }
        }

        private static string Size(long bytes) => bytes >= 1024 * 1024
            ? (bytes / (1024.0 * 1024.0)).ToString("0.##", CultureInfo.InvariantCulture) + " MB (" + bytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes)"
            : bytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes";
    }
}
