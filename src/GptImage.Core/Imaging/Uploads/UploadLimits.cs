using System;
using System.Globalization;
using System.Linq;

namespace GptImage.Imaging.Uploads
{
    /// <summary>
    /// How large an input image a model takes: its byte limit, and in pixels the largest image it makes (gpt-image-2:
    /// 3840 a side and 8,294,400 pixels; the preset models: their largest preset, 1536x1024). A bigger input only
    /// costs upload time and input tokens, so it is resized to fit. A model the table does not know has only the
    /// generic byte limit.
    /// </summary>
    internal sealed class UploadLimits
    {
        public long MaxBytes { get; private set; }
        public long? MaxPixels { get; private set; }
        public int? MaxEdge { get; private set; }

        public static UploadLimits For(ModelCapabilities? caps)
        {
            var limits = new UploadLimits { MaxBytes = caps?.MaxImageBytes ?? ModelCatalog.GenericMaxImageBytes };
            if (caps?.FlexibleSize is { } flexible)
            {
                limits.MaxPixels = flexible.MaxPixels;
                limits.MaxEdge = flexible.MaxEdge;
            }
            else if (caps != null)
            {
                var presets = caps.Sizes.Select(ParseSize).Where(s => s.HasValue).Select(s => s!.Value).ToList();
                if (presets.Count > 0)
                {
                    limits.MaxPixels = presets.Max(p => (long)p.Width * p.Height);
                    limits.MaxEdge = presets.Max(p => Math.Max(p.Width, p.Height));
                }
            }
            return limits;
        }

        public bool PixelsFit(int width, int height) =>
            (MaxPixels is null || (long)width * height <= MaxPixels) && (MaxEdge is null || Math.Max(width, height) <= MaxEdge);

        /// <summary>The largest size with the same aspect ratio inside the pixel limits (the size itself when it fits).</summary>
        public (int Width, int Height) Fit(int width, int height)
        {
            double scale = 1;
            if (MaxPixels is long pixels && (long)width * height > pixels) scale = Math.Min(scale, Math.Sqrt((double)pixels / ((long)width * height)));
            if (MaxEdge is int edge && Math.Max(width, height) > edge) scale = Math.Min(scale, (double)edge / Math.Max(width, height));
            return (Math.Max(1, (int)Math.Floor(width * scale)), Math.Max(1, (int)Math.Floor(height * scale)));
        }

        public string Describe(string? model)
        {
            string pixels = MaxPixels is long p ? $", {(p / 1e6).ToString("0.0", CultureInfo.InvariantCulture)} megapixels and {MaxEdge} pixels a side" : string.Empty;
            return $"{model ?? "the model"} takes {MaxBytes / (1024 * 1024)} MB{pixels}";
        }

        private static (int Width, int Height)? ParseSize(string size) =>
            Validation.SizeRules.TryParse(size, out int w, out int h) ? (w, h) : ((int, int)?)null;
    }
}
