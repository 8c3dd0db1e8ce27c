using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using GptImage.Imaging.Pixels;

namespace GptImage.Imaging.Uploads
{
    /// <summary>What happens to one input image on its way to the API, decided from its header.</summary>
    internal sealed class UploadPlan
    {
        public static readonly UploadPlan Unknown = new UploadPlan();

        public string? Format { get; init; }
        public int Width { get; init; }
        public int Height { get; init; }
        public long Bytes { get; init; }
        public bool OverLimits { get; init; }
        public bool Resize { get; init; }
        public int TargetWidth { get; init; }
        public int TargetHeight { get; init; }
    }

    /// <summary>
    /// Prepares every image an edit uploads (multipart edits, outpainting, Batch API files): without EXIF (GPS, device),
    /// XMP, ICC and comments unless KeepMetadata, turned upright by its EXIF orientation first, and resized to fit the
    /// model's limits unless NoResize. A file that needs none of this is sent byte for byte; one that only carries
    /// metadata loses it without being re-encoded (<see cref="MetadataStripper"/>).
    /// </summary>
    internal static class UploadPreparer
    {
        /// <summary>How many times an image still over the byte limit after resizing is made smaller again.</summary>
        private const int ShrinkAttempts = 6;

        public static UploadPlan Plan(ImageInput input, ImageEditRequest request, ModelCapabilities? caps)
        {
            ImageInfo info;
            try
            {
                using Stream stream = input.OpenRead();
                info = ImageFiles.Guard(input.Path, () => ImageCodecs.Current.Inspect(stream, input.Path));
            }
            catch (Exception e) when (e is GptImageImageException || e is IOException || e is UnauthorizedAccessException)
            {
                return UploadPlan.Unknown;   // the format and header checks report it
            }
            UploadLimits limits = UploadLimits.For(caps);
            long bytes = input.GetLength();
            bool pixelsOver = !limits.PixelsFit(info.Width, info.Height);
            bool bytesOver = bytes > limits.MaxBytes;
            (int w, int h) = limits.Fit(info.Width, info.Height);
            if (bytesOver && !pixelsOver)
            {
                // Same pixels, too many bytes: a first guess from the ratio, refined after encoding.
                double scale = Math.Sqrt((double)limits.MaxBytes / bytes) * 0.9;
                (w, h) = (Math.Max(1, (int)(info.Width * scale)), Math.Max(1, (int)(info.Height * scale)));
            }
            return new UploadPlan
            {
                Format = info.Format, Width = info.Width, Height = info.Height, Bytes = bytes,
                OverLimits = pixelsOver || bytesOver,
                Resize = (pixelsOver || bytesOver) && !request.NoResize,
                TargetWidth = w, TargetHeight = h,
            };
        }

        /// <summary>The warning for an image that will be sent resized, or null.</summary>
        public static string? ResizeWarning(ImageInput input, UploadPlan plan, ModelCapabilities? caps, string? model) =>
            !plan.Resize ? null :
            $"'{input}' is {plan.Width}x{plan.Height} ({Megabytes(plan.Bytes)}), more than {UploadLimits.For(caps).Describe(model)}: " +
            $"it is sent resized to about {plan.TargetWidth}x{plan.TargetHeight}. Use -NoResize to refuse such images instead.";

        /// <summary>The bytes to upload for one input image.</summary>
        public static byte[] PrepareImage(ImageInput input, ImageEditRequest request, ModelCapabilities? caps)
        {
            byte[] data = input.ReadAllBytes();
            string? format = ImageFormatDetector.Detect(data);
            if (format is null) return data;   // refused by the checks, or the API's to judge
            UploadPlan plan = Plan(input, request, caps);
            IPixelEngine? engine = plan.Resize || !request.KeepMetadata ? PixelEngine.Current : null;
            ushort orientation = request.KeepMetadata ? ExifOrientationUpright : engine!.Orientation(data, format);
            if (!plan.Resize && orientation == ExifOrientationUpright)
                return request.KeepMetadata ? data : MetadataStripper.Strip(data, format);

            bool turned = orientation >= 5;   // 5 to 8 swap width and height
            int? w = plan.Resize ? (turned ? plan.TargetHeight : plan.TargetWidth) : (int?)null;
            int? h = plan.Resize ? (turned ? plan.TargetWidth : plan.TargetHeight) : (int?)null;
            byte[] result = engine!.Reencode(data, input.Path, orientation, w, h, nearest: false);
            long maxBytes = UploadLimits.For(caps).MaxBytes;
            for (int attempt = 0; attempt < ShrinkAttempts && result.Length > maxBytes && !request.NoResize; attempt++)
            {
                int baseW = w ?? (turned ? plan.Height : plan.Width), baseH = h ?? (turned ? plan.Width : plan.Height);
                (w, h) = ((int)(baseW * 0.8), (int)(baseH * 0.8));
                result = engine.Reencode(data, input.Path, orientation, w, h, nearest: false);
            }
            return result;
        }

        /// <summary>The bytes to upload for the mask: its text chunks dropped, and resized with the first image when asked.</summary>
        public static byte[] PrepareMask(ImageInput mask, ImageEditRequest request, UploadPlan firstImage)
        {
            byte[] data = mask.ReadAllBytes();
            if (firstImage.Resize && request.ResizeMask)
                return PixelEngine.Current.Reencode(data, mask.Path, ExifOrientationUpright, firstImage.TargetWidth, firstImage.TargetHeight, nearest: true);
            return request.KeepMetadata ? data : MetadataStripper.Strip(data, "png");
        }

        /// <summary>Every image of an edit (in the request's order) and its mask (null without one), prepared.</summary>
        public static (IReadOnlyList<byte[]> Images, byte[]? Mask) PrepareAll(ImageEditRequest request)
        {
            ModelCapabilities? caps = ModelCatalog.Find(request.Model ?? ImageGenerationRequest.DefaultModel);
            var images = new List<byte[]>();
            foreach (ImageInput image in request.Images) images.Add(PrepareImage(image, request, caps));
            ImageInput? mask = Validation.EditInputRules.EffectiveMask(request);
            byte[]? preparedMask = mask != null && request.Images.Count > 0 ? PrepareMask(mask, request, Plan(request.Images[0], request, caps)) : null;
            return (images, preparedMask);
        }

        private const ushort ExifOrientationUpright = 1;

        private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture) + " MB";
    }
}
