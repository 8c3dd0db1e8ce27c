using System.Collections.Generic;

namespace GptImage.Orchestration
{
    /// <summary>The files Export-GptImageBatch writes for one image, decided before any pixel is touched (so -WhatIf can name them).</summary>
    public sealed class ExportPlan
    {
        /// <summary>The tier's name as -Tier spells it; null without -Tier.</summary>
        public string? Tier { get; internal set; }

        /// <summary>The master file's full path.</summary>
        public string Path { get; internal set; } = string.Empty;

        /// <summary>png, jpeg or webp: the master's format.</summary>
        public string Format { get; internal set; } = "png";

        /// <summary>True when the master is encoded anew; false when the image's own bytes are written as they are.</summary>
        public bool Reencode { get; internal set; }

        /// <summary>The quality of a re-encoded JPEG or WebP master; null otherwise.</summary>
        public int? Quality { get; internal set; }

        /// <summary>The thumbnail's full path, &lt;name&gt;.thumb-&lt;width&gt;.&lt;ext&gt; beside the master; null without a thumbnail.</summary>
        public string? ThumbnailPath { get; internal set; }
        public int? ThumbnailWidth { get; internal set; }
        public string? ThumbnailFormat { get; internal set; }

        /// <summary>The quality of a JPEG or WebP thumbnail; null for PNG.</summary>
        public int? ThumbnailQuality { get; internal set; }

        /// <summary>Every file the plan writes: the master, then the thumbnail.</summary>
        public IReadOnlyList<string> Files => ThumbnailPath is null ? new[] { Path } : new[] { Path, ThumbnailPath };
    }
}
