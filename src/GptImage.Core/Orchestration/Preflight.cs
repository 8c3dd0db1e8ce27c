using System;
using System.Collections.Generic;
using System.Linq;

namespace GptImage.Orchestration
{
    /// <summary>
    /// The checks a row passes before any money is spent: the request's parameters against the model table
    /// (RequestValidator) and, for an edit with a mask file, the mask's pixels against the first image
    /// (MaskValidator). Throws GptImageValidationException; returns warnings (a retired model, a fully
    /// transparent mask...). Cmdlets call it before -WhatIf/-Confirm and mark the job as checked, so the
    /// session does not decode the mask a second time.
    /// </summary>
    public static class Preflight
    {
        public static IReadOnlyList<string> Check(ImageGenerationRequest request, DateTime today)
        {
            if (request is null) throw new ArgumentNullException(nameof(request));
            var warnings = new List<string>(RequestValidator.Validate(request, today));
            if (request is ImageEditRequest resized)
                warnings.AddRange(ResizeWarnings(resized));
            // Only file inputs can be inspected here; stream inputs are checked by the server.
            if (request is ImageEditRequest edit && edit.Mask is null && edit.MaskPath != null
                && edit.Images.Count > 0 && edit.Images.All(i => i.Path != null))
            {
                MaskReport report = MaskValidator.Validate(edit.MaskPath, edit.Images.Select(i => i.Path!).ToList(), edit.Model);
                GptImageValidationException? error = report.ToValidationError("MaskPath");
                if (error != null) throw error;
                warnings.AddRange(report.Warnings.Select(w => w.Message));
            }
            return warnings;
        }

        /// <summary>One warning per image that is over the model's limits and will be sent resized.</summary>
        private static IEnumerable<string> ResizeWarnings(ImageEditRequest edit)
        {
            ModelCapabilities? caps = ModelCatalog.Find(edit.Model);
            foreach (ImageInput image in edit.Images.Distinct())
                if (Imaging.Uploads.UploadPreparer.ResizeWarning(image, Imaging.Uploads.UploadPreparer.Plan(image, edit, caps), caps, edit.Model) is string warning)
                    yield return warning;
        }
    }
}
