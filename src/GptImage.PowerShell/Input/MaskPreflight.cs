using System;
using System.Collections.Generic;
using System.Linq;

namespace GptImage.Commands
{
    /// <summary>
    /// Edit-GptImage's check of the mask with the mask engine (MaskValidator: alpha, size against the first image,
    /// anything transparent at all), before -WhatIf/-Confirm and before anything is uploaded. The request
    /// validator has already checked the headers; this reads the pixels.
    /// </summary>
    internal static class MaskPreflight
    {
        /// <summary>Returns the report's warnings; throws a GptImageValidationException naming -MaskPath when the mask cannot work.</summary>
        public static IReadOnlyList<string> Check(ImageEditRequest request)
        {
            var images = request.Images.Select(i => i.Path).Where(p => p != null).Select(p => p!).ToList();
            if (request.MaskPath is null || images.Count == 0) return Array.Empty<string>();

            MaskReport report = MaskValidator.Validate(request.MaskPath, images, request.Model);
            GptImageValidationException? error = report.ToValidationError("MaskPath");
            if (error != null) throw error;
            return report.Warnings.Select(w => w.ToString()).ToList();
        }
    }
}
