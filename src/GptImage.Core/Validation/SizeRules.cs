using System;
using System.Globalization;
using System.Linq;

namespace GptImage.Validation
{
    /// <summary>Parses "WxH" sizes and checks them against a model's presets or its flexible rule.</summary>
    internal static class SizeRules
    {
        /// <summary>Reads "1536x864" (an upper-case X too) into its sides; false for anything else.</summary>
        public static bool TryParse(string size, out int width, out int height)
        {
            width = height = 0;
            string[] parts = size.Trim().Split('x', 'X');
            return parts.Length == 2
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out width)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out height)
                && width > 0 && height > 0;
        }

        /// <summary>Null when the size is allowed, else the sentence that says what is allowed.</summary>
        public static string? Check(string size, ModelCapabilities caps)
        {
            string normalized = size.Trim().ToLowerInvariant();
            if (caps.Sizes.Contains(normalized, StringComparer.Ordinal)) return null;
            string presets = string.Join(", ", caps.Sizes);
            FlexibleSizeRule? rule = caps.FlexibleSize;
            if (rule is null) return $"{caps.Name} accepts only {presets}.";

            string flexible = $"{caps.Name} accepts {presets}, or WIDTHxHEIGHT with both sides divisible by {rule.MultipleOf}, "
                + $"an aspect ratio from 1:3 to 3:1, at most {rule.MaxEdge} pixels on the long side and " + rule.MaxPixels.ToString("N0", CultureInfo.InvariantCulture) + " pixels in all (3840x2160)";
            if (!TryParse(normalized, out int w, out int h)) return flexible + ".";
            if (w % rule.MultipleOf != 0 || h % rule.MultipleOf != 0)
                return flexible + $"; {w}x{h} has a side not divisible by {rule.MultipleOf}.";
            double aspect = (double)w / h;
            if (aspect < rule.MinAspect || aspect > rule.MaxAspect)
                return flexible + $"; {w}x{h} has an aspect ratio beyond 3:1.";
            if (Math.Max(w, h) > rule.MaxEdge || (long)w * h > rule.MaxPixels)
                return flexible + $"; {w}x{h} is larger than that.";
            return null;
        }

        /// <summary>True when OpenAI labels the size experimental (above 2560x1440 on gpt-image-2).</summary>
        public static bool IsExperimental(string size, ModelCapabilities caps) =>
            caps.FlexibleSize is { } rule && TryParse(size, out int w, out int h) && (long)w * h > rule.ExperimentalAbovePixels;
    }
}
