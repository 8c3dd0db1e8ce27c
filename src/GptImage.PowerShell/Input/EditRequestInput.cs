namespace GptImage.Commands
{
    /// <summary>The names of the parameter sets in which the images of an edit are typed: -Path (wildcards) or -LiteralPath.</summary>
    internal static class EditRequestInput
    {
        public const string PathSet = "Path";
        public const string LiteralPathSet = "LiteralPath";
    }
}
