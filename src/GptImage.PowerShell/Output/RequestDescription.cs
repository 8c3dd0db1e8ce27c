using System.Globalization;
using System.Text;
using GptImage.Orchestration;

namespace GptImage.Commands
{
    /// <summary>
    /// The ShouldProcess texts: what would be sent (model, options, prompt) and the estimated cost. Built only
    /// from the request, which holds no key, so -WhatIf can never print one.
    /// </summary>
    internal static class RequestDescription
    {
        // Long enough for a filled library template, so -WhatIf shows the whole prompt that would be sent.
        private const int PromptShown = 1200;

        public static string Target(ImageGenerationRequest request, string? additionalHeaders = null)
        {
            var text = new StringBuilder();
            text.Append(request.Model);
            Append(text, "size", request.Size);
            Append(text, "quality", request.Quality);
            Append(text, "format", request.OutputFormat);
            Append(text, "compression", request.Compression?.ToString(CultureInfo.InvariantCulture));
            Append(text, "background", request.Background);
            Append(text, "moderation", request.Moderation);
            Append(text, "n", request.Count?.ToString(CultureInfo.InvariantCulture));
            if (request is ImageEditRequest edit)
            {
                Append(text, "images", string.Join(", ", edit.Images));
                Append(text, "mask", edit.MaskPath);
                Append(text, "input_fidelity", edit.InputFidelity);
            }
            if (request is ConversationTurnRequest turn)
            {
                Append(text, "partial_images", turn.PartialImages?.ToString(CultureInfo.InvariantCulture));
                Append(text, "via", turn.ResponsesModel);
                Append(text, "continues", turn.PreviousResponseId);
            }
            if (request.AdditionalBody is { Count: > 0 } extras) Append(text, "body+", Wire.AdditionalBody.Describe(extras));
            Append(text, "headers+", additionalHeaders);
            string prompt = request.Prompt.Length <= PromptShown ? request.Prompt : request.Prompt.Substring(0, PromptShown) + "...";
            text.Append(": '").Append(prompt.Replace("\r", " ").Replace("\n", " ")).Append('\'');
            return text.ToString();
        }

        public static string Action(string verb, ImageGenerationRequest request, CostEstimate estimate)
        {
            int count = request.Count ?? 1;
            string images = count == 1 ? "1 image" : count.ToString(CultureInfo.InvariantCulture) + " images";
            string cost = estimate.IsKnownModel
                ? "estimated " + estimate.Usd.ToString("0.0000", CultureInfo.InvariantCulture) + " USD"
                : "cost unknown for this model";
            return $"{verb} {images} ({cost})";
        }

        private static void Append(StringBuilder text, string name, string? value)
        {
            if (!string.IsNullOrEmpty(value)) text.Append(' ').Append(name).Append('=').Append(value);
        }
    }
}
