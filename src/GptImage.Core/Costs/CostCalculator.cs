namespace GptImage.Orchestration
{
    /// <summary>What a response actually cost, from its usage block and the price list.</summary>
    public static class CostCalculator
    {
        /// <summary>
        /// USD for one response, or null when the model has no price or the response had no usage.
        /// Output text tokens (when reported) are charged at the image-out rate: the list has no separate
        /// rate, and overstating is the safe side for -MaxCost.
        /// </summary>
        public static decimal? Actual(string model, ImageUsage? usage, bool batchApi = false)
        {
            if (usage is null) return null;
            ModelPrice? price = PriceTable.Find(model);
            if (price is null) return null;
            long textIn = usage.TextTokens, imageIn = usage.ImageTokens;
            if (textIn + imageIn == 0) textIn = usage.InputTokens;
            long output = usage.OutputTokens;
            decimal usd = (textIn * price.TextInputPerMillion + imageIn * price.ImageInputPerMillion + output * price.ImageOutputPerMillion) / 1_000_000m;
            return batchApi ? usd * PriceTable.BatchDiscount : usd;
        }

        /// <summary>
        /// USD for one answer: its image usage at <paramref name="model"/>'s prices (the answer's own model when it names
        /// one), plus, for a conversation turn, the mainline model's tokens when the price list has that model (a
        /// mainline model it does not know adds nothing: the image tool is what the list can price).
        /// </summary>
        public static decimal? Actual(ImageResult result, string model)
        {
            if (result is null) return null;
            decimal? image = Actual(result.Model.Length > 0 ? result.Model : model, result.Usage);
            if (image is null) return null;
            return image + (Mainline(result.MainlineModel, result.MainlineUsage?.InputTokens ?? 0, result.MainlineUsage?.OutputTokens ?? 0) ?? 0m);
        }

        /// <summary>A mainline model's text tokens in USD, or null when the list has no price for it.</summary>
        internal static decimal? Mainline(string? model, long inputTokens, long outputTokens)
        {
            MainlinePrice? price = PriceTable.FindMainline(model);
            if (price is null) return null;
            return (inputTokens * price.InputPerMillion + outputTokens * price.OutputPerMillion) / 1_000_000m;
        }
    }
}
