namespace GptImage.Imaging.Png
{
    /// <summary>One place that words PNG failures, so every message names the file the same way.</summary>
    internal static class PngErrors
    {
        public static GptImageImageException Fail(string id, string what, string? path) =>
            new GptImageImageException(id, $"{Describe(path)} is not a readable PNG: {what}.", path);

        public static string Describe(string? path) => path is null ? "The image" : $"'{path}'";
    }
}
