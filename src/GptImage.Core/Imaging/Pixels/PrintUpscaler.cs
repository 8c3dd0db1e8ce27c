using System;
using System.Globalization;
using System.IO;

namespace GptImage.Imaging.Pixels
{
    /// <summary>
    /// Enlarges an image for print with the Lanczos-3 filter (sharp edges without the ringing of wider kernels),
    /// writing the DPI asked for. The size rules are checked before the file is decoded.
    /// </summary>
    public static class PrintUpscaler
    {
        public const double MinScale = 0.05;
        public const double MaxScale = 16;

        /// <summary>The output size for a source of <paramref name="width"/>x<paramref name="height"/>; throws <see cref="GptImageValidationException"/>.</summary>
        public static (int Width, int Height) TargetSize(int width, int height, UpscaleOptions options)
        {
            CheckChoice(options);
            double factor;
            if (options.Scale is double scale)
                factor = scale;
            else if (options.Width.HasValue || options.Height.HasValue)
                factor = Fit(width, height, options.Width, options.Height);
            else
                factor = Fit(width, height, Pixels(options.PrintWidthInches, options.Dpi), Pixels(options.PrintHeightInches, options.Dpi));
            int w = Math.Max(1, (int)Math.Round(width * factor));
            int h = Math.Max(1, (int)Math.Round(height * factor));
            if (w > PixelLimits.MaxDimension || h > PixelLimits.MaxDimension || (long)w * h > PixelLimits.MaxOutputPixels)
                throw new GptImageValidationException(ErrorIds.InvalidSize, Chosen(options), Describe(options),
                    $"an output of at most {PixelLimits.MaxDimension} pixels a side and {PixelLimits.MaxOutputPixels / (1024 * 1024)} megapixels; {width}x{height} would become {w}x{h}.");
            return (w, h);
        }

        /// <summary>Format and size of a file from its header (refused when not PNG, JPEG or WebP, or over <see cref="PixelLimits"/>).</summary>
        public static (string Format, int Width, int Height) Identify(string path)
        {
            using FileStream stream = ImageFiles.OpenRead(path);
            return PixelEngine.Current.Identify(stream, path);
        }

        /// <summary>Reads, resizes and encodes one file.</summary>
        public static UpscaledImage Upscale(string path, UpscaleOptions options)
        {
            CheckOutput(options);
            IPixelEngine engine = PixelEngine.Current;
            using FileStream stream = ImageFiles.OpenRead(path);
            (string format, int width, int height) = engine.Identify(stream, path);
            (int w, int h) = TargetSize(width, height, options);
            string outFormat = options.OutputFormat ?? format;
            return new UpscaledImage
            {
                Bytes = engine.Resize(stream, path, w, h, outFormat, options.Quality, options.Dpi),
                Format = outFormat,
                Width = w,
                Height = h,
                SourceWidth = width,
                SourceHeight = height,
                Dpi = options.Dpi,
            };
        }

        private static void CheckChoice(UpscaleOptions o)
        {
            int chosen = (o.Scale.HasValue ? 1 : 0) + (o.Width.HasValue || o.Height.HasValue ? 1 : 0) + (o.PrintWidthInches.HasValue || o.PrintHeightInches.HasValue ? 1 : 0);
            if (chosen != 1)
                throw new GptImageValidationException(ErrorIds.ParameterConflict, "Scale", Describe(o),
                    "exactly one of -Scale, -Width/-Height (pixels) or -PrintWidth/-PrintHeight (inches at -Dpi).");
            if (o.Scale is double s && (double.IsNaN(s) || s < MinScale || s > MaxScale))
                throw new GptImageValidationException(ErrorIds.InvalidSize, "Scale", s, $"a factor from {MinScale} to {MaxScale}, for example 2 or 4.");
            if (o.Width <= 0) throw new GptImageValidationException(ErrorIds.InvalidSize, "Width", o.Width, "a positive number of pixels.");
            if (o.Height <= 0) throw new GptImageValidationException(ErrorIds.InvalidSize, "Height", o.Height, "a positive number of pixels.");
            if (o.PrintWidthInches is double pw && !(pw > 0)) throw new GptImageValidationException(ErrorIds.InvalidSize, "PrintWidth", pw, "a positive number of inches.");
            if (o.PrintHeightInches is double ph && !(ph > 0)) throw new GptImageValidationException(ErrorIds.InvalidSize, "PrintHeight", ph, "a positive number of inches.");
        }

        private static void CheckOutput(UpscaleOptions o)
        {
            if (!(o.Dpi >= 1 && o.Dpi <= 10000))
                throw new GptImageValidationException(ErrorIds.InvalidSize, "Dpi", o.Dpi, "dots per inch from 1 to 10000, for example 300.");
            if (o.OutputFormat != null && o.OutputFormat != "png" && o.OutputFormat != "jpeg" && o.OutputFormat != "webp")
                throw new GptImageValidationException(ErrorIds.InvalidOutputFormat, "OutputFormat", o.OutputFormat, "png, jpeg or webp.");
            if (o.Quality is int q && (q < 1 || q > 100))
                throw new GptImageValidationException(ErrorIds.InvalidCompression, "Quality", q, "1 to 100 (JPEG and WebP only).");
        }

        private static double Fit(int width, int height, double? boxWidth, double? boxHeight)
        {
            double byWidth = boxWidth.HasValue ? boxWidth.Value / width : double.MaxValue;
            double byHeight = boxHeight.HasValue ? boxHeight.Value / height : double.MaxValue;
            return Math.Min(byWidth, byHeight);
        }

        private static double? Pixels(double? inches, double dpi) => inches * dpi;

        private static string Chosen(UpscaleOptions o) =>
            o.Scale.HasValue ? "Scale" : o.Width.HasValue ? "Width" : o.Height.HasValue ? "Height" : o.PrintWidthInches.HasValue ? "PrintWidth" : "PrintHeight";

        private static string Describe(UpscaleOptions o)
        {
            string Num(double? v) => v?.ToString("0.###", CultureInfo.InvariantCulture) ?? "-";
            return o.Scale.HasValue ? Num(o.Scale)
                : o.Width.HasValue || o.Height.HasValue ? $"{Num(o.Width)}x{Num(o.Height)} px"
                : $"{Num(o.PrintWidthInches)}x{Num(o.PrintHeightInches)} in at {Num(o.Dpi)} dpi";
        }
    }
}
