using System;

namespace GptImage.Orchestration
{
    /// <summary>
    /// The image_generation tool's tokens for one turn. The Responses API reports only the mainline model's usage, so
    /// the tool's share is counted from the one price list as the images endpoints bill it: output tokens by the image
    /// model, quality and size made (plus each partial image), the prompt's text tokens, and a flat figure per image the
    /// tool reads (the turn's uploads, or the conversation's last image). Null when the list has no price for the model.
    /// </summary>
    internal static class ImageToolUsage
    {
        public static ImageUsage? Count(ConversationTurnRequest request, string? sizeMade, string? qualityMade, string? revisedPrompt)
        {
            ModelPrice? price = PriceTable.Find(request.Model);
            if (price is null) return null;
            string quality = Resolve(qualityMade, request.Quality, PriceTable.AutoQuality);
            string size = Resolve(sizeMade, request.Size, PriceTable.AutoSize);
            if (!CostEstimator.TryParseSize(size, out int width, out int height)) return null;
            long? perImage = ImageTokens.PerImage(price, quality, width, height, out _);
            if (perImage is null) return null;
            long output = perImage.Value + Math.Max(0, request.PartialImages ?? 0) * ImageTokens.PerPartialImage;
            long text = ImageTokens.Text(revisedPrompt ?? request.Prompt);
            long images = InputImages(request) * PriceTable.InputImageTokens;
            return new ImageUsage
            {
                InputTokens = text + images,
                TextTokens = text,
                ImageTokens = images,
                OutputTokens = output,
                OutputImageTokens = output,
                TotalTokens = text + images + output,
            };
        }

        /// <summary>The images the tool reads: the turn's own, else the conversation's last one when there is an earlier turn.</summary>
        public static int InputImages(ConversationTurnRequest request) =>
            request.Images.Count > 0 ? request.Images.Count : request.PreviousResponseId != null ? 1 : 0;

        private static string Resolve(string? made, string? asked, string auto)
        {
            string? value = !string.IsNullOrWhiteSpace(made) ? made : asked;
            return string.IsNullOrWhiteSpace(value) || string.Equals(value!.Trim(), "auto", StringComparison.OrdinalIgnoreCase)
                ? auto : value.Trim().ToLowerInvariant();
        }
    }
}
