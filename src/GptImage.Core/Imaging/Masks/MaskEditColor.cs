namespace GptImage
{
    /// <summary>Which colour of a black-and-white mask marks the area to edit.</summary>
    public enum MaskEditColor
    {
        /// <summary>Dark pixels (luminance below the threshold) are edited.</summary>
        Black,

        /// <summary>Light pixels (luminance at or above the threshold) are edited.</summary>
        White,
    }
}
