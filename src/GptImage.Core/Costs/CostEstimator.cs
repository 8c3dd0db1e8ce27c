using System;
using System.Collections.Generic;
using System.Globalization;

namespace GptImage.Orchestration
{
    /// <summary>
    /// Tokens and USD of a request before anything is spent. Output tokens come from the price list's table
    /// by quality and size (gpt-image-1 family) or from the 1024x1024 figure scaled by pixel area (gpt-image-2's
    /// free sizes); "auto" quality and size count as the dearest likely choice so -MaxCost errs on the safe side.
    /// </summary>
    public static class CostEstimator
    {
        public static CostEstimate Estimate(ImageGenerationRequest request, bool batchApi = false)
        {
            if (request is null) throw new ArgumentNullException(nameof(request));
            ModelPrice? price = PriceTable.Find(request.Model);
            if (price is null)
                return new CostEstimate { IsKnownModel = false, Basis = $"no price is known for model '{request.Model}' (prices reviewed {PriceTable.Reviewed})" };

            int count = Math.Max(1, request.Count ?? 1);
            string quality = string.IsNullOrWhiteSpace(request.Quality) || string.Equals(request.Quality, "auto", StringComparison.OrdinalIgnoreCase)
                ? PriceTable.AutoQuality : request.Quality!.Trim().ToLowerInvariant();
            string size = string.IsNullOrWhiteSpace(request.Size) || string.Equals(request.Size, "auto", StringComparison.OrdinalIgnoreCase)
                ? PriceTable.AutoSize : request.Size!.Trim().ToLowerInvariant();

            string basis = string.Empty;
            long? tokens = TryParseSize(size, out int width, out int height) ? ImageTokens.PerImage(price, quality, width, height, out basis) : null;
            if (tokens is null)
                return new CostEstimate { IsKnownModel = false, Basis = $"no token table for quality '{quality}' and size '{size}' of model '{request.Model}'" };

            // Each streamed partial image bills extra output tokens on top of the final image.
            int partials = Math.Max(0, request.PartialImages ?? 0);
            long perImage = tokens.Value + partials * ImageTokens.PerPartialImage;
            if (partials > 0) basis += $"; {partials} partial image(s) at {ImageTokens.PerPartialImage} tokens each";
            if (!string.Equals(request.Quality, quality, StringComparison.OrdinalIgnoreCase)) basis += "; quality 'auto' counted as " + quality;
            if (!string.Equals(request.Size, size, StringComparison.OrdinalIgnoreCase)) basis += "; size 'auto' counted as " + size;

            long output = perImage * count;
            long textIn = ImageTokens.Text(request.Prompt);
            long imageIn = 0;
            long mainlineIn = 0, mainlineOut = 0;
            decimal? mainlineUsd = null;
            if (request is ConversationTurnRequest turn)
            {
                int read = ImageToolUsage.InputImages(turn);
                imageIn = read * PriceTable.InputImageTokens;
                if (read > 0) basis += $"; {read} image(s) read at about {PriceTable.InputImageTokens} input tokens each";
                mainlineIn = textIn + imageIn;
                mainlineOut = PriceTable.MainlineOutputTokens;
                mainlineUsd = CostCalculator.Mainline(turn.ResponsesModel, mainlineIn, mainlineOut);
                basis += mainlineUsd is null
                    ? $"; mainline model '{turn.ResponsesModel}' has no price in the list: its tokens are not counted"
                    : $"; mainline model {turn.ResponsesModel.Trim()}: about {mainlineIn} input and {mainlineOut} output tokens (prices reviewed {PriceTable.MainlineReviewed})";
            }
            else if (request is ImageEditRequest edit)
            {
                imageIn = InputImageTokens(edit, out string inputBasis);
                basis += "; " + inputBasis;
            }
            decimal usd = (textIn * price.TextInputPerMillion + imageIn * price.ImageInputPerMillion + output * price.ImageOutputPerMillion) / 1_000_000m
                + (mainlineUsd ?? 0m);
            if (batchApi) { usd *= PriceTable.BatchDiscount; basis += "; Batch API price"; }
            if (count > 1) basis += $"; {count} images";
            return new CostEstimate
            {
                Usd = usd,
                EstimatedInputTokens = textIn + imageIn + mainlineIn,
                EstimatedOutputTokens = output + mainlineOut,
                IsKnownModel = true,
                Basis = basis + $"; prices reviewed {PriceTable.Reviewed}",
            };
        }

        /// <summary>
        /// Input-image tokens of an edit: a flat figure per uploaded image (the mask counted as one, to err high),
        /// because OpenAI bills input images by their size and detail, which this estimate does not read.
        /// </summary>
        private static long InputImageTokens(ImageEditRequest edit, out string basis)
        {
            bool hasMask = edit.MaskPath != null || edit.Mask != null;
            int uploads = edit.Images.Count + (hasMask ? 1 : 0);
            long perImage = PriceTable.InputImageTokens;
            string images = edit.Images.Count == 1 ? "1 input image" : edit.Images.Count.ToString(CultureInfo.InvariantCulture) + " input images";
            basis = $"{images}{(hasMask ? " and the mask" : string.Empty)} at about {perImage} input tokens each (a rough figure: OpenAI bills input images by size";
            basis += string.Equals(edit.InputFidelity, "high", StringComparison.OrdinalIgnoreCase) ? "; high input fidelity costs more than this)" : ")";
            return perImage * uploads;
        }

        /// <summary>Estimates for many rows and their total (Measure-GptImageCost).</summary>
        public static decimal Total(IEnumerable<ImageGenerationRequest> requests)
        {
            decimal total = 0;
            foreach (var r in requests) total += Estimate(r).Usd;
            return total;
        }

        internal static bool TryParseSize(string size, out int width, out int height)
        {
            width = height = 0;
            string[] parts = size.Split('x', 'X');
            return parts.Length == 2
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out width)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out height)
                && width > 0 && height > 0;
        }
    }
}
