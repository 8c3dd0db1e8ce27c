using System;
using GptImage.Emulator.Images;
using GptImage.Emulator.Validation;

namespace GptImage.Emulator.Responses
{
    /// <summary>The usage block of an answer (ImagesUsage in the spec).</summary>
    internal sealed record TokenUsage(long TextTokens, long ImageTokens, long OutputTokens)
    {
        public long InputTokens => TextTokens + ImageTokens;
        public long TotalTokens => InputTokens + OutputTokens;

        /// <summary>Each partial image of a stream costs this many extra output tokens (OpenAI's pricing note).</summary>
        public const int TokensPerPartialImage = 100;

        /// <summary>
        /// Realistic counts: the gpt-image-1 family's published output tokens per image (square / portrait /
        /// landscape by quality), scaled by pixel count for other sizes; text ~ one token per four characters;
        /// input images like vision inputs (85 + 170 per 512-pixel tile after scaling), plus a flat extra for
        /// input_fidelity=high. Good enough to test cost arithmetic; not OpenAI's exact tokenizer.
        /// </summary>
        public static TokenUsage For(ValidatedCall call, System.Collections.Generic.IReadOnlyList<UploadedImageInfo> inputs)
        {
            long text = Math.Max(1, (call.Prompt.Length + 3) / 4);
            long image = 0;
            foreach (UploadedImageInfo input in inputs)
                image += InputImageTokens(input.Width, input.Height) + (call.InputFidelity == "high" ? 4096 : 0);
            long perImage = OutputTokensPerImage(call.Quality, call.Width, call.Height) + (long)call.PartialImages * TokensPerPartialImage;
            return new TokenUsage(text, image, perImage * call.Count);
        }

        public static long OutputTokensPerImage(string quality, int width, int height)
        {
            var (square, portrait, landscape) = quality switch
            {
                "low" => (272, 408, 400),
                "high" => (4160, 6240, 6208),
                _ => (1056, 1584, 1568),
            };
            if (width == 1024 && height == 1024) return square;
            if (width == 1024 && height == 1536) return portrait;
            if (width == 1536 && height == 1024) return landscape;
            return (long)Math.Round(square * ((double)width * height / (1024.0 * 1024.0)));
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
