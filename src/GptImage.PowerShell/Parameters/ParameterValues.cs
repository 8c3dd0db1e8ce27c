namespace GptImage.Commands
{
    /// <summary>
    /// The fixed value lists used by ValidateSet. Only lists that hold for every model are fixed here;
    /// which of them a given model accepts (and every Size rule) is checked by the core's RequestValidator,
    /// whose errors name the parameter, the value and the allowed values for that model.
    /// </summary>
    internal static class ParameterValues
    {
        // gpt-image models take low/medium/high/auto; dall-e-3 takes standard/hd (dall-e-2 standard only).
        public const string QualityLow = "low", QualityMedium = "medium", QualityHigh = "high", QualityAuto = "auto";
        public const string QualityStandard = "standard", QualityHd = "hd";

        public const string FormatPng = "png", FormatJpeg = "jpeg", FormatWebp = "webp";

        public const string BackgroundTransparent = "transparent", BackgroundOpaque = "opaque", BackgroundAuto = "auto";

        public const string ModerationLow = "low", ModerationAuto = "auto";

        public const string FidelityLow = "low", FidelityHigh = "high";

        public const string LayoutFlat = "Flat", LayoutByQuality = "ByQuality", LayoutByModel = "ByModel", LayoutByDate = "ByDate";

        public static readonly string[] Qualities = { QualityLow, QualityMedium, QualityHigh, QualityAuto, QualityStandard, QualityHd };
        public static readonly string[] OutputFormats = { FormatPng, FormatJpeg, FormatWebp };
        public static readonly string[] Backgrounds = { BackgroundTransparent, BackgroundOpaque, BackgroundAuto };
        public static readonly string[] ModerationLevels = { ModerationLow, ModerationAuto };
        public static readonly string[] InputFidelities = { FidelityLow, FidelityHigh };

        /// <summary>Empty CSV cells arrive as "": treat them as "not given" so the API default applies.</summary>
        public static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
    }
}
