using System;
using GptImage.Emulator.Images;
using GptImage.Emulator.Validation;
using GptImage.Orchestration;
// The record has an ImageTokens property; the price list's counter goes by another name here.
using PriceListTokens = GptImage.Orchestration.ImageTokens;

namespace GptImage.Emulator.Responses
{
    /// <summary>The usage block of an answer (ImagesUsage in the spec).</summary>
    internal sealed record TokenUsage(long TextTokens, long ImageTokens, long OutputTokens)
    {
        public long InputTokens => TextTokens + ImageTokens;
        public long TotalTokens => InputTokens + OutputTokens;

        /// <summary>
        /// Realistic counts from the module's own price list (GptImage.Core's Data/prices.json), so that what the
        /// client estimates before a request is what the emulator bills: output tokens per image by model,
        /// quality and size, plus the extra tokens of each partial image; text at about one token per four
        /// characters; input images like vision inputs (85 + 170 per 512-pixel tile after scaling), plus a flat
        /// extra for input_fidelity=high. Good enough to test cost arithmetic; not OpenAI's exact tokenizer.
        /// </summary>
        public static TokenUsage For(ValidatedCall call, System.Collections.Generic.IReadOnlyList<UploadedImageInfo> inputs)
        {
            long text = PriceListTokens.Text(call.Prompt);
            long image = 0;
            foreach (UploadedImageInfo input in inputs)
                image += InputImageTokens(input.Width, input.Height) + (call.InputFidelity == "high" ? 4096 : 0);
            long perImage = OutputTokensPerImage(call.Model, call.Quality, call.Width, call.Height) + call.PartialImages * PriceListTokens.PerPartialImage;
            return new TokenUsage(text, image, perImage * call.Count);
        }

        /// <summary>
        /// Output tokens of one image from the price list; models it has no prices for (dall-e, unknown names) and
        /// qualities it has no row for (dall-e's standard/hd) bill like gpt-image-1 at medium quality.
        /// </summary>
        public static long OutputTokensPerImage(string model, string quality, int width, int height)
        {
            ModelPrice fallback = PriceTable.Find("gpt-image-1")!;
            ModelPrice price = PriceTable.Find(model) ?? fallback;
            return PriceListTokens.PerImage(price, quality, width, height, out _)
                ?? PriceListTokens.PerImage(fallback, "medium", width, height, out _)
                ?? throw new InvalidOperationException("The price list has no medium-quality row for gpt-image-1.");
        }

        public static long InputImageTokens(int width, int height)
        {
            double w = width, h = height;
            double fit = Math.Min(1.0, 2048.0 / Math.Max(w, h));
            w *= fit; h *= fit;
            double shortSide = Math.Min(w, h);
            if (shortSide > 768) { double s = 768.0 / shortSide; w *= s; h *= s; }
            long tiles = (long)Math.Ceiling(w / 512.0) * (long)Math.Ceiling(h / 512.0);
            return 85 + 170 * tiles;
        }
    }
}
