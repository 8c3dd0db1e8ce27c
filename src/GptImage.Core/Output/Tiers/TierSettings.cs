namespace GptImage.Orchestration
{
    /// <summary>
    /// What one tier of Export-GptImageBatch -Tier writes: the master's format and quality, and an optional thumbnail.
    /// Null fields are not set by the tier: the master keeps the image's own format, the thumbnail takes the run's
    /// -ThumbnailWidth (none without it) and the master's format.
    /// </summary>
    public sealed class TierSettings
    {
        /// <summary>The tier's name as the -Tier table spells it ("*" for the fallback tier).</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>png, jpeg or webp; null keeps the format the image came in.</summary>
        public string? Format { get; set; }

        /// <summary>JPEG and WebP quality, 1 to 100, for every lossy file of the tier (master and thumbnail).</summary>
        public int? Quality { get; set; }

        /// <summary>Thumbnail width in pixels, 16 to 4096; null: the run's -ThumbnailWidth.</summary>
        public int? ThumbnailWidth { get; set; }

        /// <summary>png, jpeg or webp for the thumbnail; null: the master's format.</summary>
        public string? ThumbnailFormat { get; set; }
    }
}
