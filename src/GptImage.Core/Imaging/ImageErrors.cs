namespace GptImage.Imaging
{
    /// <summary>One wording for unreadable images, so a PNG, JPEG or WebP failure names the file the same way.</summary>
    internal static class ImageErrors
    {
        /// <summary>The file as messages name it: its quoted path, or "The image" for bytes held in memory.</summary>
        public static string Describe(string? path) => path is null ? "The image" : $"'{path}'";

        /// <summary>A <paramref name="format"/> ("PNG", "JPEG", "WebP") file whose bytes break its format at <paramref name="what"/>.</summary>
        public static GptImageImageException Unreadable(string format, string id, string what, string? path) =>
            new GptImageImageException(id, $"{Describe(path)} is not a readable {format}: {what}.", path);
    }
}
