namespace GptImage.Orchestration
{
    /// <summary>The values a tier accepts, shared by the -Tier table's checks, the cmdlet's help and its tests.</summary>
    public static class TierLimits
    {
        /// <summary>The tier every value without a tier of its own falls back to.</summary>
        public const string Fallback = "*";

        public const int MinQuality = 1, MaxQuality = 100;
        public const int MinThumbnailWidth = 16, MaxThumbnailWidth = 4096;

        /// <summary>The quality of a lossy file whose tier names none.</summary>
        public const int DefaultQuality = GptImage.Imaging.Pixels.ImageEncodingDefaults.Quality;

        /// <summary>-TierBy values that read the result itself; any other value names a column of the source row.</summary>
        public const string ByQuality = "Quality", ByModel = "Model";

        public static readonly string[] Formats = { "png", "jpeg", "webp" };

        /// <summary>The fields a tier's settings may have, in the order the help lists them.</summary>
        public static readonly string[] Fields = { "Format", "Quality", "ThumbnailWidth", "ThumbnailFormat" };

        public static bool IsLossy(string? format) => format == "jpeg" || format == "webp";
    }
}
