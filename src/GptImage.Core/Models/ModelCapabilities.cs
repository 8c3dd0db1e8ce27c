using System;
using System.Collections.Generic;

namespace GptImage
{
    /// <summary>What one model accepts. Loaded from Data/models.json; see <see cref="ModelCatalog"/>.</summary>
    public sealed class ModelCapabilities
    {
        public string Name { get; init; } = string.Empty;

        /// <summary>"gpt-image" or "dall-e": the families differ in wire rules (response_format, output_format).</summary>
        public string Family { get; init; } = "gpt-image";

        /// <summary>"presets" (only <see cref="Sizes"/>) or "flexible" (presets plus WxH under <see cref="FlexibleSize"/>).</summary>
        public string SizeRule { get; init; } = "presets";

        public IReadOnlyList<string> Sizes { get; init; } = Array.Empty<string>();
        public FlexibleSizeRule? FlexibleSize { get; init; }
        public IReadOnlyList<string> Qualities { get; init; } = Array.Empty<string>();
        public IReadOnlyList<string> OutputFormats { get; init; } = Array.Empty<string>();
        public IReadOnlyList<string> Backgrounds { get; init; } = Array.Empty<string>();

        /// <summary>Output formats that can carry a transparent background.</summary>
        public IReadOnlyList<string> TransparentFormats { get; init; } = Array.Empty<string>();

        public IReadOnlyList<string> Moderation { get; init; } = Array.Empty<string>();

        /// <summary>Allowed input_fidelity values; empty means the parameter must be left out.</summary>
        public IReadOnlyList<string> InputFidelity { get; init; } = Array.Empty<string>();

        public int MaxCount { get; init; } = 1;
        public int MaxPromptLength { get; init; }
        public int MaxInputImages { get; init; }
        public long MaxImageBytes { get; init; }
        public long MaxMaskBytes { get; init; }
        public bool SupportsStreaming { get; init; }

        /// <summary>The day the model stops being served, when announced.</summary>
        public DateTime? ShutdownDate { get; init; }

        public bool IsGptImage => string.Equals(Family, "gpt-image", StringComparison.Ordinal);

        /// <summary>True when the model is past its shutdown date on <paramref name="today"/>.</summary>
        public bool IsRetiredOn(DateTime today) => ShutdownDate.HasValue && today.Date >= ShutdownDate.Value.Date;
    }

    /// <summary>gpt-image-2's free WxH rule.</summary>
    public sealed class FlexibleSizeRule
    {
        public int MultipleOf { get; init; } = 16;
        public int MaxEdge { get; init; }
        public long MaxPixels { get; init; }
        public double MinAspect { get; init; }
        public double MaxAspect { get; init; }

        /// <summary>Sizes with more pixels than this work but are labelled experimental by OpenAI.</summary>
        public long ExperimentalAbovePixels { get; init; }
    }
}
