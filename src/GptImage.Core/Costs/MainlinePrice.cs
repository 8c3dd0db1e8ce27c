using System.Collections.Generic;

namespace GptImage.Orchestration
{
    /// <summary>A mainline model's text prices (USD per 1M tokens), from Data/prices.json's mainlineModels: what a conversation turn's model costs beside its image tool.</summary>
    public sealed class MainlinePrice
    {
        public IReadOnlyList<string> Names { get; init; } = new string[0];
        public decimal InputPerMillion { get; init; }
        public decimal OutputPerMillion { get; init; }
    }
}
