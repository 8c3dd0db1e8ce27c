using System;
using System.Collections.Generic;

namespace GptImage.Orchestration
{
    /// <summary>
    /// The checks a row passes before any money is spent: the request's parameters against the model table
    /// (the client's RequestValidator), and for edits the mask against the first image. Throws
    /// GptImageValidationException; returns warnings (a retired model, for example).
    /// </summary>
    internal static class Preflight
    {
        public static IReadOnlyList<string> Check(ImageJob job, DateTime today)
        {
            if (job.Request is ImageEditRequest edit)
            {
                IReadOnlyList<string> warnings = RequestValidator.Validate(edit, today);
                // SEAM(imaging): once branch `imaging` lands MaskValidator, check the mask here:
                // MaskValidator.Validate(edit.MaskPath, edit.Images[0].Path) -> report.IsValid == false ->
                // GptImageValidationException(MaskMismatch or InvalidMask) naming -MaskPath. Until then the
                // RequestValidator's own mask checks (PNG, size limit) are all that runs before upload.
                return warnings;
            }
            return RequestValidator.Validate(job.Request, today);
        }
    }
}
