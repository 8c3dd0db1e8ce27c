namespace GptImage.Orchestration
{
    /// <summary>How files are spread over folders under the destination.</summary>
    public enum FileLayout
    {
        /// <summary>All files in the destination folder.</summary>
        Flat,
        /// <summary>One sub-folder per quality (low, medium, high, auto).</summary>
        ByQuality,
        /// <summary>One sub-folder per model.</summary>
        ByModel,
        /// <summary>One sub-folder per day the image was created (yyyy-MM-dd, UTC).</summary>
        ByDate,
    }
}
