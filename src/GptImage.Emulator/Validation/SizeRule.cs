using System;
using System.Globalization;
using System.Linq;
using GptImage.Emulator.Http;

namespace GptImage.Emulator.Validation
{
    /// <summary>Decides the pixel size of the answer from "size", the model's presets and gpt-image-2's WxH rule.</summary>
    internal static class SizeRule
    {
        public const int DefaultEdge = 1024;

        /// <summary>Unknown models (gateways, deployments) may ask any WxH up to this edge: it keeps answers renderable in memory.</summary>
        public const int MaxGenericEdge = 4096;

        public static (int Width, int Height, ApiError? Error) Resolve(string? size, ModelCapabilities? caps, (int W, int H)? firstInput)
        {
            if (size == null || size == "auto")
            {
                if (size == "auto" && caps != null && !caps.Sizes.Contains("auto"))
                    return (0, 0, ApiError.InvalidValue("size", size, caps.Sizes));
                // auto: an edit keeps the first input's orientation, a generation is square.
                if (firstInput is (int w, int h) && caps?.IsGptImage != false)
                    return w > h ? (1536, 1024, null) : w < h ? (1024, 1536, null) : (DefaultEdge, DefaultEdge, null);
                return (DefaultEdge, DefaultEdge, null);
            }
            if (!TryParse(size, out int width, out int height))
                return (0, 0, caps != null ? ApiError.InvalidValue("size", size, caps.Sizes)
                                           : ApiError.InvalidValue("size", $"Invalid size '{size}': expected 'auto' or WIDTHxHEIGHT, for example '1024x1024'."));
            if (caps == null)
                return width is > 0 and <= MaxGenericEdge && height is > 0 and <= MaxGenericEdge ? (width, height, null)
                    : (0, 0, ApiError.InvalidValue("size", $"Invalid size '{size}': each side must be between 1 and {MaxGenericEdge} pixels."));
            if (caps.Sizes.Contains(size)) return (width, height, null);
            if (caps.SizeRule != "flexible" || caps.FlexibleSize == null)
                return (0, 0, ApiError.InvalidValue("size", size, caps.Sizes));
            string? problem = FlexibleProblem(width, height, caps.FlexibleSize);
            return problem == null ? (width, height, null)
                : (0, 0, ApiError.InvalidValue("size", $"Invalid size '{size}' for model {caps.Name}: {problem}"));
        }

        private static string? FlexibleProblem(int width, int height, FlexibleSizeRule rule)
        {
            if (width % rule.MultipleOf != 0 || height % rule.MultipleOf != 0)
                return $"width and height must both be divisible by {rule.MultipleOf}.";
            double aspect = (double)width / height;
            if (aspect < rule.MinAspect - 1e-9 || aspect > rule.MaxAspect + 1e-9)
                return "the aspect ratio must be between 1:3 and 3:1.";
            if (Math.Max(width, height) > rule.MaxEdge)
                return $"the longest side must be at most {rule.MaxEdge} pixels.";
            if ((long)width * height > rule.MaxPixels)
                return $"at most {rule.MaxPixels} pixels are supported (3840x2160).";
            return null;
        }

        private static bool TryParse(string size, out int width, out int height)
        {
            width = height = 0;
            string[] parts = size.Split('x');
            return parts.Length == 2
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out width)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out height);
        }
    }
}
