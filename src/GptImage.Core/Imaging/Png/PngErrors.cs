namespace GptImage.Imaging.Png
{
    /// <summary>PNG failures, worded like the other formats' (<see cref="ImageErrors"/>).</summary>
    internal static class PngErrors
    {
        public static GptImageImageException Fail(string id, string what, string? path) => ImageErrors.Unreadable("PNG", id, what, path);
    }
}
