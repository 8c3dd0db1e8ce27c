namespace GptImage.Orchestration
{
    /// <summary>A file Export-GptImageBatch wrote: what the manifest records of a master or a thumbnail.</summary>
    public sealed class ExportedFile
    {
        public string Path { get; internal set; } = string.Empty;

        /// <summary>png, jpeg or webp.</summary>
        public string Format { get; internal set; } = "png";
        public int Width { get; internal set; }
        public int Height { get; internal set; }

        /// <summary>The file's size in bytes.</summary>
        public long FileBytes { get; internal set; }

        /// <summary>Lower-case hex SHA-256 of the file.</summary>
        public string Sha256 { get; internal set; } = string.Empty;
    }
}
