namespace GptImage.Orchestration
{
    /// <summary>What a request is expected to cost before it is sent.</summary>
    public sealed class CostEstimate
    {
        public decimal Usd { get; init; }
        public long EstimatedInputTokens { get; init; }
        public long EstimatedOutputTokens { get; init; }

        /// <summary>False when the price list has no entry for the model: <see cref="Usd"/> is then 0.</summary>
        public bool IsKnownModel { get; init; }

        /// <summary>How the figure was reached, in one sentence for -WhatIf and Measure-GptImageCost.</summary>
        public string Basis { get; init; } = string.Empty;

        public override string ToString() => IsKnownModel ? $"~{Usd:0.0000} USD ({EstimatedOutputTokens} output tokens; {Basis})" : Basis;
    }
}
