namespace GptImage.Orchestration
{
    /// <summary>Export-GptImageBatch's parameters.</summary>
    public sealed class ExportOptions
    {
        /// <summary>-DestinationPath: the root folder (created when missing).</summary>
        public string DestinationPath { get; set; } = ".";

        /// <summary>-FileName template; null: <see cref="FileNamer.DefaultTemplate"/>.</summary>
        public string? FileNameTemplate { get; set; }
        public FileLayout Layout { get; set; } = FileLayout.Flat;

        /// <summary>-ManifestPath (.csv or .jsonl): the ledger of the run, replaced by each run.</summary>
        public string? ManifestPath { get; set; }

        /// <summary>-NoClobber: an existing file with other content is an error (GptImage.FileExists). This is also
        /// the behaviour without -Force; the switch states it explicitly and cannot be combined with Force.</summary>
        public bool NoClobber { get; set; }

        /// <summary>-Force: replace existing files.</summary>
        public bool Force { get; set; }

        /// <summary>-TierBy, -Tier and -ThumbnailWidth (<see cref="TierRules.Create"/>); null writes every image as it came.</summary>
        public TierRules? Tiers { get; set; }
    }
}
