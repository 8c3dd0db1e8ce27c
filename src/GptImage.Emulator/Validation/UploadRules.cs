using System.Linq;
using GptImage.Emulator.Http;
using GptImage.Emulator.Images;
using GptImage.Emulator.Parsing;

namespace GptImage.Emulator.Validation
{
    /// <summary>Checks the files of an edit the way the API does: part types, real formats, sizes, the mask.</summary>
    internal static class UploadRules
    {
        private static readonly string[] AcceptedMimeTypes = { "image/png", "image/jpeg", "image/webp" };

        /// <summary>Returns the first input's pixel size (for size=auto and the mask check), or an error.</summary>
        public static (UploadedImageInfo? First, ApiError? Error) Check(ImageCall call, ModelCapabilities? caps)
        {
            if (call.ImageFieldsSentAsText.Count > 0)
            {
                string name = call.ImageFieldsSentAsText[0] == "mask" ? "mask" : "image[0]";
                return (null, ApiError.InvalidType(name, "a file", "a string"));
            }
            if (call.Images.Count == 0) return (null, ApiError.MissingParameter(call.IsMultipart ? "image" : "images"));
            int maxImages = caps?.MaxInputImages ?? ModelCatalog.GenericMaxInputImages;
            if (call.Images.Count > maxImages)
                return (null, ApiError.ArrayTooLong(call.IsMultipart ? "image" : "images", maxImages, call.Images.Count));

            UploadedImageInfo? first = null;
            foreach (UploadedFile image in call.Images)
            {
                var (info, error) = CheckOne(image, caps?.MaxImageBytes);
                if (error != null) return (null, error);
                first ??= info;
            }
            if (caps?.Name == "dall-e-2" && (first!.Format != "png" || first.Width != first.Height))
                return (null, new ApiError(400, "Invalid input image: dall-e-2 edits need a square PNG image.", ApiError.InvalidRequest, "image", "invalid_image_format"));
            if (call.Mask != null)
            {
                ApiError? maskError = CheckMask(call.Mask, first!, caps?.MaxMaskBytes);
                if (maskError != null) return (null, maskError);
            }
            return (first, null);
        }

        private static (UploadedImageInfo?, ApiError?) CheckOne(UploadedFile file, long? maxBytes)
        {
            string? declared = file.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
            if (declared == null || !AcceptedMimeTypes.Contains(declared))
                return (null, ApiError.UnsupportedMimeType(file.Param, file.ContentType));
            if (maxBytes is long max && file.Bytes.Length > max)
                return (null, ApiError.FileTooLarge(file.Param, max, file.Bytes.Length));
            UploadedImageInfo? info = ImageHeaderReader.Read(file.Bytes);
            if (info == null || info.Format is "gif" or "bmp" || info.Width <= 0 || info.Height <= 0)
                return (null, ApiError.InvalidImageFile(file.Param));
            if ("image/" + info.Format != declared)
                return (null, new ApiError(400,
                    $"Invalid file '{file.Param}': the part says '{declared}' but the bytes are {info.Format.ToUpperInvariant()}. Send the file's real type.",
                    ApiError.InvalidRequest, file.Param, "invalid_image_file"));
            return (info, null);
        }

        private static ApiError? CheckMask(UploadedFile mask, UploadedImageInfo first, long? maxBytes)
        {
            string? declared = mask.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
            if (declared == null || !AcceptedMimeTypes.Contains(declared))
                return ApiError.UnsupportedMimeType("mask", mask.ContentType);
            if (maxBytes is long max && mask.Bytes.Length > max)
                return ApiError.FileTooLarge("mask", max, mask.Bytes.Length);
            UploadedImageInfo? info = ImageHeaderReader.Read(mask.Bytes);
            if (info == null || info.Format != "png")
                return ApiError.InvalidMask($"Invalid mask image: the mask must be a PNG file, but it is {(info == null ? "not an image" : info.Format.ToUpperInvariant())}.");
            if (!info.HasAlpha)
                return ApiError.InvalidMask("Invalid mask image: the mask must have an alpha channel (transparent pixels mark the area to edit).");
            if (info.Width != first.Width || info.Height != first.Height)
                return ApiError.InvalidMask($"Invalid mask image: the mask is {info.Width}x{info.Height} but the image is {first.Width}x{first.Height}; they must have the same dimensions.");
            return null;
        }
    }
}
