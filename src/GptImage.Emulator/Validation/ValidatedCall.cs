namespace GptImage.Emulator.Validation
{
    /// <summary>A request that passed every check, with the API's defaults filled in.</summary>
    internal sealed class ValidatedCall
    {
        public string Model { get; init; } = string.Empty;
        public ModelCapabilities? Capabilities { get; init; }
        public bool IsGptImage => Capabilities?.IsGptImage ?? true;
        public string Prompt { get; init; } = string.Empty;
        public int Count { get; init; } = 1;
        public int Width { get; init; }
        public int Height { get; init; }

        /// <summary>The size echoed in the answer ("auto" resolved to what was made).</summary>
        public string Size => $"{Width}x{Height}";

        /// <summary>Quality echoed in the answer (auto resolved to medium).</summary>
        public string Quality { get; init; } = "medium";

        public string OutputFormat { get; init; } = "png";
        public bool Transparent { get; init; }
        public bool Stream { get; init; }
        public int PartialImages { get; init; }

        /// <summary>dall-e only: "url" or "b64_json".</summary>
        public string ResponseFormat { get; init; } = "b64_json";

        public string? InputFidelity { get; init; }
    }
}
