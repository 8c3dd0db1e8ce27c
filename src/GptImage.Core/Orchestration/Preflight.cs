using System;
using System.Collections.Generic;
using System.Linq;

namespace GptImage.Orchestration
{
    /// <summary>
    /// The checks a row passes before any money is spent: the request's parameters against the model table
    /// (the client's RequestValidator) and, for an edit with a mask file, the mask against the first image
    /// (the imaging MaskValidator). Throws GptImageValidationException; returns warnings (a retired model...).
    /// </summary>
    internal static class Preflight
    {
        public static IReadOnlyList<string> Check(ImageJob job, DateTime today)
        {
            if (!(job.Request is ImageEditRequest edit)) return RequestValidator.Validate(job.Request, today);

            var warnings = new List<string>(RequestValidator.Validate(edit, today));
            // Only file inputs can be inspected here; stream inputs are checked by the server.
            if (edit.Mask is null && edit.MaskPath != null && edit.Images.Count > 0 && edit.Images.All(i => i.Path != null))
            {
                MaskReport report = MaskValidator.Validate(edit.MaskPath, edit.Images.Select(i => i.Path!).ToList(), edit.Model);
                GptImageValidationException? error = report.ToValidationError("MaskPath");
                if (error != null) throw error;
                warnings.AddRange(report.Warnings.Select(w => w.Message));
            }
            return warnings;
        }
    }
}
