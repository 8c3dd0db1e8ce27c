namespace GptImage.Templates
{
    /// <summary>
    /// The request options a library template suggests. Each applies only where the row and the command line give
    /// no value, so a CSV column or a typed -Size always wins.
    /// </summary>
    public sealed class TemplateDefaults
    {
        public string? Size { get; internal set; }
        public string? Quality { get; internal set; }
        public string? Background { get; internal set; }
        public string? OutputFormat { get; internal set; }

        /// <summary>Fills the request's unset options (after the row's and the command line's values were applied).</summary>
        public void ApplyTo(ImageGenerationRequest request)
        {
            request.Size ??= Size;
            request.Quality ??= Quality;
            request.Background ??= Background;
            request.OutputFormat ??= OutputFormat;
        }

        public override string ToString()
        {
            var parts = new System.Collections.Generic.List<string>();
            if (Size != null) parts.Add("Size=" + Size);
            if (Quality != null) parts.Add("Quality=" + Quality);
            if (Background != null) parts.Add("Background=" + Background);
            if (OutputFormat != null) parts.Add("OutputFormat=" + OutputFormat);
            return string.Join("; ", parts);
        }
    }
}
