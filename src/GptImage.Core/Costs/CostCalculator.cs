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
    }
}
