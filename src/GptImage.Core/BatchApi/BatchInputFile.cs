using System.Collections.Generic;

namespace GptImage.BatchApi
{
    /// <summary>One JSONL input file on disk, within the limits, and the custom_ids of its lines in order.</summary>
    public sealed class BatchInputFile
    {
        internal BatchInputFile(string path, string endpoint)
        {
            Path = path;
            Endpoint = endpoint;
        }

        public string Path { get; }

        /// <summary>/v1/images/generations or /v1/images/edits: one endpoint per batch.</summary>
        public string Endpoint { get; }

        public List<string> CustomIds { get; } = new List<string>();
        public long Bytes { get; internal set; }
    }
}
