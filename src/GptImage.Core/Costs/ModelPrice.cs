using System.Collections.Generic;

namespace GptImage.Orchestration
{
    /// <summary>One model's prices (USD per 1M tokens) and its output-token table, from Data/prices.json.</summary>
    public sealed class ModelPrice
    {
        public IReadOnlyList<string> Names { get; init; } = new string[0];
        public decimal TextInputPerMillion { get; init; }
        public decimal ImageInputPerMillion { get; init; }
        public decimal ImageOutputPerMillion { get; init; }

        /// <summary>"table": the size must be one of the table's; "area": 1024x1024 figure scaled by pixel area.</summary>
        public string OutputTokenBasis { get; init; } = "table";

        /// <summary>quality -> size -> output tokens per image.</summary>
        public IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> OutputTokens { get; init; } =
            new Dictionary<string, IReadOnlyDictionary<string, long>>();
    }
}
