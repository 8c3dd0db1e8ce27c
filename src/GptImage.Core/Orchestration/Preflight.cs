using System;
using System.Collections.Generic;

namespace GptImage.Orchestration
{
    /// <summary>
    /// The checks a row passes before any money is spent: the request's parameters against the model table,
    /// and for edits the mask against the first image. Throws GptImageValidationException; returns warnings.
    /// </summary>
    internal static class Preflight
    {
        public static IReadOnlyList<string> Check(ImageJob job, DateTime today)
        {
            var warnings = new List<string>();
            ImageGenerationRequest request = job.Request;

            // SEAM(client): replace with RequestValidator.Validate(request, today) (branch `client`) once merged.
            // Until then only what the batch itself relies on is checked here.
            if (string.IsNullOrWhiteSpace(request.Prompt))
                throw new GptImageValidationException(ErrorIds.InvalidPrompt, "Prompt", request.Prompt, "a non-empty prompt");
            _ = today;

            if (request is ImageEditRequest edit)
            {
                if (edit.Images.Count == 0)
                    throw new GptImageValidationException(ErrorIds.InvalidImage, "Path", null, "at least one input image");
                // SEAM(imaging): MaskValidator.Validate(edit.MaskPath, edit.Images[0].Path) (branch `imaging`) once merged:
                // report.IsValid == false -> GptImageValidationException(MaskMismatch or InvalidMask) naming -MaskPath.
            }
            return warnings;
        }
    }
}
