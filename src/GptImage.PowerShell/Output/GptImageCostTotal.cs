namespace GptImage.Commands
{
    /// <summary>The total Measure-GptImageCost writes after the rows.</summary>
    public sealed class GptImageCostTotal
    {
        public int Rows { get; internal set; }
        public int Images { get; internal set; }
        public long EstimatedInputTokens { get; internal set; }
        public long EstimatedOutputTokens { get; internal set; }
        public decimal EstimatedCostUsd { get; internal set; }

        /// <summary>Rows whose model has no price in the table (their cost is not in the total).</summary>
        public int UnpricedRows { get; internal set; }

        /// <summary>Rows that failed validation (reported as errors; they would cost nothing because they would not be sent).</summary>
        public int InvalidRows { get; internal set; }

        /// <summary>Where the prices come from and when they were reviewed.</summary>
        public string PriceSource { get; internal set; } = string.Empty;
    }
}
