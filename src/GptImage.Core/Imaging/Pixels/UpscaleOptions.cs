namespace GptImage.Imaging.Pixels
{
    /// <summary>
    /// How big the resized image should be: one of a factor (<see cref="Scale"/>), a pixel size
    /// (<see cref="Width"/> and/or <see cref="Height"/>) or a print size in inches at <see cref="Dpi"/>.
    /// The aspect ratio is always kept; with both sides given the image fits inside them.
    /// </summary>
    public sealed class UpscaleOptions
    {
        public double? Scale { get; set; }
        public int? Width { get; set; }
        public int? Height { get; set; }
        public double? PrintWidthInches { get; set; }
        public double? PrintHeightInches { get; set; }

        /// <summary>Dots per inch written into the file, and the density of a print size. Default 300.</summary>
        public double Dpi { get; set; } = 300;

        /// <summary>png, jpeg or webp; null keeps the source's format.</summary>
        public string? OutputFormat { get; set; }

        /// <summary>JPEG and WebP quality, 1 to 100 (default 90).</summary>
        public int? Quality { get; set; }
    }

    /// <summary>A resized image, encoded, with its sizes.</summary>
    public sealed class UpscaledImage
    {
        public byte[] Bytes { get; internal set; } = System.Array.Empty<byte>();
        public string Format { get; internal set; } = "png";
        public int Width { get; internal set; }
        public int Height { get; internal set; }
        public int SourceWidth { get; internal set; }
        public int SourceHeight { get; internal set; }
        public double Dpi { get; internal set; }
    }
}
