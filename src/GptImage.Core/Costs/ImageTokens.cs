using System;

namespace GptImage.Orchestration
{
    /// <summary>
    /// Token counts read from the one price list (Data/prices.json). The estimator and the emulator both count
    /// through here, so what -MaxCost reserves before a request is what the emulator bills after it.
    /// </summary>
    internal static class ImageTokens
    {
        /// <summary>
        /// Output tokens of one image: the table's figure for the size (or for its shape, square / portrait /
        /// landscape, on a "table" model), or the 1024x1024 figure scaled by pixel area (rounded up) on an
        /// "area" model. Null when the price list has no such quality for the model.
        /// </summary>
        public static long? PerImage(ModelPrice price, string quality, int width, int height, out string basis)
        {
            basis = string.Empty;
            if (!price.OutputTokens.TryGetValue(quality, out var bySize) || width <= 0 || height <= 0) return null;
            if (price.OutputTokenBasis == "area")
            {
                long square = bySize["1024x1024"];
                basis = $"{quality} quality, {width}x{height} scaled by pixel area from {square} tokens at 1024x1024";
                return (long)Math.Ceiling(square * (double)width * height / (1024.0 * 1024.0));
            }
            string exact = width + "x" + height;
            string shape = width == height ? "1024x1024" : height > width ? "1024x1536" : "1536x1024";
            string key = bySize.ContainsKey(exact) ? exact : shape;
            basis = $"{quality} quality, {key} from OpenAI's output-token table";
            return bySize[key];
        }

        /// <summary>Extra output tokens each streamed partial image bills.</summary>
        public static long PerPartialImage => PriceTable.PartialImageOutputTokens;

        /// <summary>Text input tokens of a prompt: about one per so many characters, rounded up, at least one.</summary>
        public static long Text(string? prompt)
        {
            int perToken = Math.Max(1, PriceTable.CharactersPerTextToken);
            int length = prompt?.Length ?? 0;
            return Math.Max(1, (length + perToken - 1) / perToken);
        }
    }
}
