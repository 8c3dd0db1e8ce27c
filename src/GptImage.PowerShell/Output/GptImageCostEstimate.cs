using System.Collections.Generic;

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

        /// <summary>The input images of an edit row (empty for a generation).</summary>
        public string[] InputImages { get; internal set; } = new string[0];
        public string? MaskPath { get; internal set; }
        public int Count { get; internal set; }
        public long EstimatedInputTokens { get; internal set; }
        public long EstimatedOutputTokens { get; internal set; }

        /// <summary>USD; 0 when <see cref="IsKnownModel"/> is false.</summary>
        public decimal EstimatedCostUsd { get; internal set; }
        public bool IsKnownModel { get; internal set; }

        /// <summary>How the figure was reached.</summary>
        public string Basis { get; internal set; } = string.Empty;

        /// <summary>The pipeline record the row came from.</summary>
        public object? Source { get; internal set; }
        public IReadOnlyDictionary<string, string?>? SourceFields { get; internal set; }
    }
}
