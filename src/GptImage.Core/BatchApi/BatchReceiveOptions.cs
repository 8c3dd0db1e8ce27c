using GptImage.Orchestration;

namespace GptImage.BatchApi
{
    /// <summary>Where and how received images are written (all optional: without a folder, results carry their bytes).</summary>
    public sealed class BatchReceiveOptions
    {
        public string? OutputDirectory { get; set; }

        /// <summary>File name template; default image-{Row}-{Index}-{Hash}, so receiving twice finds the same names.</summary>
        public string? FileNameTemplate { get; set; }
        public FileLayout Layout { get; set; } = FileLayout.Flat;

        /// <summary>Replace an existing file with other content. A file with the same content is never rewritten.</summary>
        public bool Force { get; set; }

        /// <summary>Where the output and error files are downloaded to (deleted afterwards). Default: the temp folder.</summary>
        public string? WorkFolder { get; set; }

        public System.Action<string>? Log { get; set; }
    }
}
