using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace GptImage
{
    /// <summary>
    /// The one table of model capabilities, read from the embedded Data/models.json. Both the client's
    /// pre-flight checks and the emulator's server-side checks use it.
    /// </summary>
    public static class ModelCatalog
    {
        /// <summary>Generic limits for names the table does not know (gateway and Azure deployment names).</summary>
        public const int GenericMaxPromptLength = 32000;
        public const int GenericMaxCount = 10;
        public const int GenericMaxInputImages = 16;
        public const long GenericMaxImageBytes = 50L * 1024 * 1024;
        public const long GenericMaxMaskBytes = 4L * 1024 * 1024;

        private static readonly Lazy<IReadOnlyDictionary<string, ModelCapabilities>> Table =
            new Lazy<IReadOnlyDictionary<string, ModelCapabilities>>(Load);

        public static IReadOnlyCollection<ModelCapabilities> All => Table.Value.Values.ToList();

        /// <summary>The capabilities of a known model, or null for a name the table does not hold.</summary>
        public static ModelCapabilities? Find(string? model)
        {
            if (string.IsNullOrWhiteSpace(model)) return null;
            return Table.Value.TryGetValue(model!.Trim(), out var caps) ? caps : null;
        }

        private static IReadOnlyDictionary<string, ModelCapabilities> Load()
        {
            using Stream stream = typeof(ModelCatalog).Assembly.GetManifestResourceStream("GptImage.Data.models.json")
                ?? throw new InvalidOperationException("The embedded model table GptImage.Data.models.json is missing from GptImage.Core.");
            using JsonDocument doc = JsonDocument.Parse(stream);
            var result = new Dictionary<string, ModelCapabilities>(StringComparer.OrdinalIgnoreCase);
            foreach (JsonElement m in doc.RootElement.GetProperty("models").EnumerateArray())
            {
                var caps = new ModelCapabilities
                {
                    Name = m.GetProperty("name").GetString()!,
                    Family = m.GetProperty("family").GetString()!,
                    SizeRule = m.GetProperty("sizeRule").GetString()!,
                    Sizes = Strings(m, "sizes"),
                    FlexibleSize = m.TryGetProperty("flexibleSize", out var f) ? ReadFlexible(f) : null,
                    Qualities = Strings(m, "qualities"),
                    OutputFormats = Strings(m, "outputFormats"),
                    Backgrounds = Strings(m, "backgrounds"),
                    TransparentFormats = Strings(m, "transparentFormats"),
                    Moderation = Strings(m, "moderation"),
                    InputFidelity = Strings(m, "inputFidelity"),
                    MaxCount = m.GetProperty("maxCount").GetInt32(),
                    MaxPromptLength = m.GetProperty("maxPromptLength").GetInt32(),
                    MaxInputImages = m.GetProperty("maxInputImages").GetInt32(),
                    MaxImageBytes = m.GetProperty("maxImageBytes").GetInt64(),
                    MaxMaskBytes = m.GetProperty("maxMaskBytes").GetInt64(),
                    SupportsStreaming = m.GetProperty("supportsStreaming").GetBoolean(),
                    ShutdownDate = m.GetProperty("shutdownDate").ValueKind == JsonValueKind.String
                        ? DateTime.ParseExact(m.GetProperty("shutdownDate").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture)
                        : (DateTime?)null,
                };
                result[caps.Name] = caps;
            }
            return result;
        }

        private static FlexibleSizeRule ReadFlexible(JsonElement f) => new FlexibleSizeRule
        {
            MultipleOf = f.GetProperty("multipleOf").GetInt32(),
            MaxEdge = f.GetProperty("maxEdge").GetInt32(),
            MaxPixels = f.GetProperty("maxPixels").GetInt64(),
            MinAspect = f.GetProperty("minAspect").GetDouble(),
            MaxAspect = f.GetProperty("maxAspect").GetDouble(),
            ExperimentalAbovePixels = f.GetProperty("experimentalAbovePixels").GetInt64(),
        };

        private static IReadOnlyList<string> Strings(JsonElement m, string name) =>
            m.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToArray();
    }
}
