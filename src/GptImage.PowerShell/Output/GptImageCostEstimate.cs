namespace GptImage.Commands
{
    /// <summary>One row of Measure-GptImageCost: what its request is expected to cost. Nothing was sent.</summary>
    public sealed class GptImageCostEstimate
    {
        public int RowNumber { get; internal set; }
        public string Prompt { get; internal set; } = string.Empty;
        public string Model { get; internal set; } = string.Empty;
        public string? Size { get; internal set; }
        public string? Quality { get; internal set; }

        /// <summary>The input images of an edit row separated by '; ' (as on a result), null for a generation.</summary>
        public string? InputImages { get; internal set; }
        public string? MaskPath { get; internal set; }
        public int Count { get; internal set; }
        public long EstimatedInputTokens { get; internal set; }
        public long EstimatedOutputTokens { get; internal set; }

        /// <summary>USD; 0 when <see cref="IsKnownModel"/> is false.</summary>
        public decimal EstimatedCostUsd { get; internal set; }
        public bool IsKnownModel { get; internal set; }

        /// <summary>How the figure was reached.</summary>
        public string Basis { get; internal set; } = string.Empty;

        /// <summary>The pipeline record the row came from (not public: Export-Csv and ConvertTo-Json show <see cref="SourceFields"/>).</summary>
        internal object? Source { get; set; }

        /// <summary>The source row's properties, as text; one "Sku=MUG-001; ..." cell in Export-Csv.</summary>
        public FieldSet SourceFields { get; internal set; } = FieldSet.Empty;
    }
}
