using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace GptImage.Orchestration
{
    /// <summary>The embedded price list (Data/prices.json): the one place prices live, with their source and date.</summary>
    public static class PriceTable
    {
        private static readonly Lazy<Loaded> Data = new Lazy<Loaded>(Load);

        /// <summary>Where the prices come from and when they were reviewed.</summary>
        public static string Source => Data.Value.Source;
        public static string Reviewed => Data.Value.Reviewed;

        /// <summary>Fraction of the price the Batch API charges (0.5).</summary>
        public static decimal BatchDiscount => Data.Value.BatchDiscount;

        internal static int CharactersPerTextToken => Data.Value.CharactersPerTextToken;
        internal static long InputImageTokens => Data.Value.InputImageTokens;
        internal static long PartialImageOutputTokens => Data.Value.PartialImageOutputTokens;
        internal static string AutoQuality => Data.Value.AutoQuality;
        internal static string AutoSize => Data.Value.AutoSize;

        /// <summary>Where the mainline models' prices come from, and when they were reviewed.</summary>
        public static string MainlineSource => Data.Value.MainlineSource;
        public static string MainlineReviewed => Data.Value.MainlineReviewed;

        /// <summary>The estimate's output tokens of a mainline model per conversation turn (it only calls the tool).</summary>
        internal static long MainlineOutputTokens => Data.Value.MainlineOutputTokens;

        /// <summary>The text prices of a conversation's mainline model (names ignore case), or null when the table has none.</summary>
        public static MainlinePrice? FindMainline(string? model)
        {
            if (string.IsNullOrWhiteSpace(model)) return null;
            return Data.Value.Mainline.TryGetValue(model!.Trim(), out var price) ? price : null;
        }

        /// <summary>The prices of a model (names ignore case), or null when the table has none.</summary>
        public static ModelPrice? Find(string? model)
        {
            if (string.IsNullOrWhiteSpace(model)) return null;
            return Data.Value.Models.TryGetValue(model!.Trim(), out var price) ? price : null;
        }

        private sealed class Loaded
        {
            public string Source = string.Empty, Reviewed = string.Empty, AutoQuality = "high", AutoSize = "1536x1024";
            public decimal BatchDiscount;
            public int CharactersPerTextToken;
            public long InputImageTokens;
            public long PartialImageOutputTokens;
            public Dictionary<string, ModelPrice> Models = new Dictionary<string, ModelPrice>(StringComparer.OrdinalIgnoreCase);
            public string MainlineSource = string.Empty, MainlineReviewed = string.Empty;
            public long MainlineOutputTokens;
            public Dictionary<string, MainlinePrice> Mainline = new Dictionary<string, MainlinePrice>(StringComparer.OrdinalIgnoreCase);
        }

        private static Loaded Load()
        {
            using Stream stream = typeof(PriceTable).Assembly.GetManifestResourceStream("GptImage.Data.prices.json")
                ?? throw new InvalidOperationException("The embedded price list GptImage.Data.prices.json is missing from GptImage.Core.");
            using JsonDocument doc = JsonDocument.Parse(stream);
            JsonElement root = doc.RootElement;
            JsonElement estimate = root.GetProperty("estimate");
            var loaded = new Loaded
            {
                Source = root.GetProperty("_source").GetString()!,
                Reviewed = root.GetProperty("reviewed").GetString()!,
                BatchDiscount = root.GetProperty("batchDiscount").GetDecimal(),
                CharactersPerTextToken = estimate.GetProperty("charactersPerTextToken").GetInt32(),
                InputImageTokens = estimate.GetProperty("inputImageTokens").GetInt64(),
                PartialImageOutputTokens = estimate.GetProperty("partialImageOutputTokens").GetInt64(),
                AutoQuality = estimate.GetProperty("autoQualityCountsAs").GetString()!,
                AutoSize = estimate.GetProperty("autoSizeCountsAs").GetString()!,
            };
            JsonElement mainline = root.GetProperty("mainlineModels");
            loaded.MainlineSource = mainline.GetProperty("_source").GetString()!;
            loaded.MainlineReviewed = mainline.GetProperty("reviewed").GetString()!;
            loaded.MainlineOutputTokens = mainline.GetProperty("outputTokens").GetInt64();
            foreach (JsonElement m in mainline.GetProperty("models").EnumerateArray())
            {
                var names = new List<string>();
                foreach (JsonElement n in m.GetProperty("names").EnumerateArray()) names.Add(n.GetString()!);
                var price = new MainlinePrice { Names = names, InputPerMillion = m.GetProperty("input").GetDecimal(), OutputPerMillion = m.GetProperty("output").GetDecimal() };
                foreach (string name in names) loaded.Mainline[name] = price;
            }
            foreach (JsonElement m in root.GetProperty("models").EnumerateArray())
            {
                var tokens = new Dictionary<string, IReadOnlyDictionary<string, long>>(StringComparer.OrdinalIgnoreCase);
                foreach (JsonProperty quality in m.GetProperty("outputTokens").EnumerateObject())
                {
                    var bySize = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
                    foreach (JsonProperty size in quality.Value.EnumerateObject()) bySize[size.Name] = size.Value.GetInt64();
                    tokens[quality.Name] = bySize;
                }
                var names = new List<string>();
                foreach (JsonElement n in m.GetProperty("names").EnumerateArray()) names.Add(n.GetString()!);
                var price = new ModelPrice
                {
                    Names = names,
                    TextInputPerMillion = m.GetProperty("textInput").GetDecimal(),
                    ImageInputPerMillion = m.GetProperty("imageInput").GetDecimal(),
                    ImageOutputPerMillion = m.GetProperty("imageOutput").GetDecimal(),
                    OutputTokenBasis = m.GetProperty("outputTokenBasis").GetString()!,
                    OutputTokens = tokens,
                };
                foreach (string name in names) loaded.Models[name] = price;
            }
            return loaded;
        }
    }
}
