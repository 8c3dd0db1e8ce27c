namespace GptImage
{
    /// <summary>Usage block of an images response (ImagesUsage in the spec).</summary>
    public sealed class ImageUsage
    {
        public long InputTokens { get; init; }
        public long OutputTokens { get; init; }
        public long TotalTokens { get; init; }

        /// <summary>input_tokens_details.text_tokens</summary>
        public long TextTokens { get; init; }

        /// <summary>input_tokens_details.image_tokens</summary>
        public long ImageTokens { get; init; }

        /// <summary>output_tokens_details.image_tokens when present, else all output tokens are image tokens.</summary>
        public long? OutputImageTokens { get; init; }

        /// <summary>output_tokens_details.text_tokens when present.</summary>
        public long? OutputTextTokens { get; init; }

        /// <summary>The numbers, for Format-List and for one Export-Csv cell: "22 input + 272 output = 294 tokens".</summary>
        public override string ToString() => $"{InputTokens} input + {OutputTokens} output = {TotalTokens} tokens";
    }
}
