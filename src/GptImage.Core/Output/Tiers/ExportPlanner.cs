using System;
using System.IO;

namespace GptImage.Orchestration
{
    /// <summary>
    /// Decides what Export-GptImageBatch writes for one image: the tier, the master's format and name, whether it is
    /// encoded anew, and the thumbnail. Names come from -Layout and -FileName as for any export, with the extension of
    /// the format written; the thumbnail is &lt;name&gt;.thumb-&lt;width&gt;.&lt;ext&gt; beside the master.
    /// </summary>
    public static class ExportPlanner
    {
        /// <summary>The image's own format and quality as the API made them; the API's default compression is 100.</summary>
        private const int ApiDefaultCompression = 100;

        /// <summary>Throws GptImageValidationException: GptImage.TierNotFound, GptImage.TemplateColumnMissing.</summary>
        public static ExportPlan Plan(GptImageResult result, ExportOptions options)
        {
            if (result is null) throw new ArgumentNullException(nameof(result));
            if (options is null) throw new ArgumentNullException(nameof(options));
            string source = Normalize(result.Format);
            TierSettings? tier = options.Tiers?.TierFor(result);
            string format = tier?.Format ?? source;
            bool reencode = NeedsReencode(source, result.Compression, format, tier?.Quality);
            var plan = new ExportPlan
            {
                Tier = tier?.Name,
                Format = format,
                Reencode = reencode,
                Quality = reencode && TierLimits.IsLossy(format) ? tier?.Quality ?? TierLimits.DefaultQuality : (int?)null,
                Path = MasterPath(result, format, options),
            };
            if ((tier?.ThumbnailWidth ?? options.Tiers?.ThumbnailWidth) is int width)
            {
                string thumbnailFormat = tier?.ThumbnailFormat ?? format;
                plan.ThumbnailWidth = width;
                plan.ThumbnailFormat = thumbnailFormat;
                plan.ThumbnailQuality = TierLimits.IsLossy(thumbnailFormat) ? tier?.Quality ?? TierLimits.DefaultQuality : (int?)null;
                plan.ThumbnailPath = ThumbnailPath(plan.Path, width, thumbnailFormat);
            }
            return plan;
        }

        /// <summary>
        /// True unless the bytes already are what the tier asks for: the same format and, for JPEG and WebP, no quality
        /// asked or the one the image was made at (<paramref name="sourceCompression"/>, the request's output_compression).
        /// A PNG kept as PNG is never encoded again, so its SHA-256 stays the API's.
        /// </summary>
        public static bool NeedsReencode(string sourceFormat, int? sourceCompression, string format, int? quality)
        {
            if (!string.Equals(Normalize(sourceFormat), Normalize(format), StringComparison.Ordinal)) return true;
            if (!TierLimits.IsLossy(Normalize(format)) || quality is null) return false;
            return quality != (sourceCompression ?? ApiDefaultCompression);
        }

        /// <summary>"/a/MUG-001.webp", 256, "webp" -> "/a/MUG-001.thumb-256.webp".</summary>
        public static string ThumbnailPath(string masterPath, int width, string format)
        {
            string folder = Path.GetDirectoryName(masterPath) ?? string.Empty;
            string stem = Path.GetFileNameWithoutExtension(masterPath);
            return Path.Combine(folder, $"{stem}.thumb-{width}{FileNamer.Extension(format)}");
        }

        /// <summary>
        /// The thumbnail's pixel size: <paramref name="width"/> wide with the aspect kept (at least one pixel high), never
        /// wider than the image itself (a narrower image keeps its size).
        /// </summary>
        public static (int Width, int Height) ThumbnailSize(int imageWidth, int imageHeight, int width)
        {
            if (imageWidth <= 0 || imageHeight <= 0) throw new ArgumentOutOfRangeException(nameof(imageWidth), "The image has no pixels.");
            if (width >= imageWidth) return (imageWidth, imageHeight);
            int height = (int)Math.Round((double)imageHeight * width / imageWidth, MidpointRounding.AwayFromZero);
            return (width, Math.Max(1, height));
        }

        private static string MasterPath(GptImageResult result, string format, ExportOptions options)
        {
            GptImageResult named = result.Copy();
            named.Format = format;
            string folder = FileNamer.Folder(options.Layout, named);
            string directory = folder.Length == 0 ? options.DestinationPath : Path.Combine(options.DestinationPath, folder);
            return Path.GetFullPath(Path.Combine(directory, FileNamer.Name(options.FileNameTemplate, named)));
        }

        private static string Normalize(string? format) => (format ?? "png").ToLowerInvariant() switch
        {
            "jpg" => "jpeg",
            string other => other,
        };
    }
}
