namespace GptImage
{
    /// <summary>
    /// Stable ids for unreadable images (<see cref="GptImageImageException.ErrorId"/>) and for mask problems
    /// (MaskProblem.Id). Runbooks branch on them; never rename one.
    /// </summary>
    public static class ImageErrorIds
    {
        // Reading an image
        public const string FileUnreadable = "GptImage.Image.FileUnreadable";
        public const string UnsupportedFormat = "GptImage.Image.UnsupportedFormat";
        public const string Truncated = "GptImage.Image.Truncated";
        public const string HeaderInvalid = "GptImage.Image.HeaderInvalid";
        public const string DimensionsInvalid = "GptImage.Image.DimensionsInvalid";
        public const string CrcMismatch = "GptImage.Image.CrcMismatch";
        public const string ChunkMissing = "GptImage.Image.ChunkMissing";
        public const string ChunkInvalid = "GptImage.Image.ChunkInvalid";
        public const string ZlibInvalid = "GptImage.Image.ZlibInvalid";
        public const string FilterInvalid = "GptImage.Image.FilterInvalid";
        public const string PaletteIndexInvalid = "GptImage.Image.PaletteIndexInvalid";
        /// <summary>More decompressed data than the header's size allows: a decompression bomb or a corrupt stream.</summary>
        public const string TooMuchData = "GptImage.Image.TooMuchData";
        /// <summary>A valid JPEG or WebP where pixels are needed: only PNG pixels can be decoded here.</summary>
        public const string DecodeNotSupported = "GptImage.Image.DecodeNotSupported";

        // Mask report problems (MaskValidator)
        public const string MaskUnreadable = "GptImage.Mask.Unreadable";
        public const string MaskNotPng = "GptImage.Mask.NotPng";
        public const string MaskNoAlpha = "GptImage.Mask.NoAlpha";
        public const string MaskTooLarge = "GptImage.Mask.TooLarge";
        public const string MaskSizeMismatch = "GptImage.Mask.SizeMismatch";
        public const string MaskNothingTransparent = "GptImage.Mask.NothingTransparent";
        public const string ImageUnreadable = "GptImage.Mask.ImageUnreadable";
        public const string ImageTooLarge = "GptImage.Mask.ImageTooLarge";

        // Mask report warnings
        public const string MaskAllTransparent = "GptImage.Mask.AllTransparent";
        public const string ModelUnknown = "GptImage.Mask.ModelUnknown";
    }
}
