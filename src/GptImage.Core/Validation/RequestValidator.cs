using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using GptImage.Validation;

namespace GptImage
{
    /// <summary>
    /// Pre-flight checks of a request against the model table (<see cref="ModelCatalog"/>), run before any
    /// network call so that a wrong request costs nothing. A model the table does not know (a gateway or
    /// Azure deployment name) gets only the generic checks that hold for every OpenAI-compatible server.
    /// Messages name the parameter as the cmdlet user types it (-Size), the value, and what is allowed.
    /// </summary>
    public static partial class RequestValidator
    {
        private static readonly string[] SpecQualities = { "standard", "hd", "low", "medium", "high", "auto" };
        private static readonly string[] SpecFormats = { "png", "jpeg", "webp" };
        private static readonly string[] SpecBackgrounds = { "transparent", "opaque", "auto" };
        private static readonly string[] SpecModeration = { "low", "auto" };
        private static readonly string[] SpecFidelity = { "low", "high" };
        private const int MaxPartialImages = 3;

        /// <summary>Checks a generation request. Throws <see cref="GptImageValidationException"/>; returns warnings (a retired model).</summary>
        public static IReadOnlyList<string> Validate(ImageGenerationRequest request, DateTime today)
        {
            if (request is null) throw new ArgumentNullException(nameof(request));
            // An edit passed as its base type still gets the edit checks.
            return request is ImageEditRequest edit ? Validate(edit, today) : ValidateCommon(request, today);
        }

        private static IReadOnlyList<string> ValidateCommon(ImageGenerationRequest request, DateTime today)
        {
            var warnings = new List<string>();
            ModelCapabilities? caps = CheckModel(request, today, warnings);
            CheckPrompt(request, caps);
            CheckCount(request, caps);
            CheckSize(request, caps, warnings);
            CheckQuality(request, caps);
            CheckOutput(request, caps);
            CheckModeration(request, caps);
            CheckPartialImages(request, caps);
            // A conversation turn's body is JSON, like a generation's; the multipart edit form takes scalars only.
            Wire.AdditionalBody.Check(request.AdditionalBody, request is ImageEditRequest && !(request is ConversationTurnRequest));
            return warnings;
        }

        /// <summary>Checks an edit request: everything a generation is checked for, plus the images, the mask and input fidelity.</summary>
        public static IReadOnlyList<string> Validate(ImageEditRequest request, DateTime today)
        {
            if (request is null) throw new ArgumentNullException(nameof(request));
            if (request is ConversationTurnRequest turn) return ValidateTurn(turn, today);
            if (request.Moderation != null)
                throw new GptImageValidationException(ErrorIds.InvalidModeration, "Moderation", request.Moderation,
                    "the edits endpoint (multipart/form-data) has no moderation field; leave -Moderation out when editing.");
            IReadOnlyList<string> warnings = ValidateCommon(request, today);
            ModelCapabilities? caps = ModelCatalog.Find(request.Model);
            CheckInputFidelity(request, caps);
            EditInputRules.CheckImages(request, caps);
            EditInputRules.CheckMask(request, caps);
            return warnings;
        }

        private static ModelCapabilities? CheckModel(ImageGenerationRequest r, DateTime today, List<string> warnings)
        {
            if (string.IsNullOrWhiteSpace(r.Model))
                throw new GptImageValidationException(ErrorIds.InvalidModel, "Model", r.Model,
                    $"a model or deployment name is required, for example {ImageGenerationRequest.DefaultModel}.");
            ModelCapabilities? caps = ModelCatalog.Find(r.Model);
            if (caps != null && caps.IsRetiredOn(today))
                warnings.Add($"Model '{caps.Name}' was shut down on {caps.ShutdownDate!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}; "
                    + $"the request is sent anyway (some gateways and Azure deployments still serve it). Use {ImageGenerationRequest.DefaultModel} instead.");
            if (caps != null && r is ImageEditRequest && caps.MaxInputImages == 0)
                throw new GptImageValidationException(ErrorIds.InvalidModel, "Model", r.Model, $"{caps.Name} cannot edit images; use {ImageGenerationRequest.DefaultModel}.");
            return caps;
        }

        private static void CheckPrompt(ImageGenerationRequest r, ModelCapabilities? caps)
        {
            if (string.IsNullOrWhiteSpace(r.Prompt))
                throw new GptImageValidationException(ErrorIds.InvalidPrompt, "Prompt", r.Prompt, "a non-empty text describing the image is required.");
            int max = caps?.MaxPromptLength ?? ModelCatalog.GenericMaxPromptLength;
            if (r.Prompt.Length > max)
                throw new GptImageValidationException(ErrorIds.InvalidPrompt, "Prompt", r.Prompt,
                    $"at most {max.ToString("N0", CultureInfo.InvariantCulture)} characters{ForModel(caps)}; this prompt has {r.Prompt.Length.ToString("N0", CultureInfo.InvariantCulture)}.");
        }

        private static void CheckCount(ImageGenerationRequest r, ModelCapabilities? caps)
        {
            if (r.Count is null) return;
            int max = caps?.MaxCount ?? ModelCatalog.GenericMaxCount;
            if (r.Count < 1 || r.Count > max)
                throw new GptImageValidationException(ErrorIds.InvalidCount, "Count", r.Count, $"1 to {max} images per request{ForModel(caps)}.");
        }

        private static void CheckSize(ImageGenerationRequest r, ModelCapabilities? caps, List<string> warnings)
        {
            if (r.Size is null) return;
            if (caps is null)
            {
                if (!string.Equals(r.Size.Trim(), "auto", StringComparison.OrdinalIgnoreCase) && !SizeRules.TryParse(r.Size, out _, out _))
                    throw new GptImageValidationException(ErrorIds.InvalidSize, "Size", r.Size, "auto or WIDTHxHEIGHT in pixels, for example 1024x1024.");
                return;
            }
            string? problem = SizeRules.Check(r.Size, caps);
            if (problem != null) throw new GptImageValidationException(ErrorIds.InvalidSize, "Size", r.Size, problem);
            if (SizeRules.IsExperimental(r.Size, caps))
                warnings.Add($"Size {r.Size.Trim()} is above 2560x1440, which OpenAI labels experimental for {caps.Name}.");
        }

        private static void CheckQuality(ImageGenerationRequest r, ModelCapabilities? caps) =>
            CheckChoice(ErrorIds.InvalidQuality, "Quality", r.Quality, caps?.Qualities ?? SpecQualities, caps);

        private static void CheckOutput(ImageGenerationRequest r, ModelCapabilities? caps)
        {
            CheckChoice(ErrorIds.InvalidOutputFormat, "OutputFormat", r.OutputFormat, caps?.OutputFormats ?? SpecFormats, caps);
            CheckChoice(ErrorIds.InvalidBackground, "Background", r.Background, caps?.Backgrounds ?? SpecBackgrounds, caps);

            // The API answers in png when no format is named, so a known GPT image model's default is png;
            // for an unknown model only an explicit format is judged.
            string? format = Lower(r.OutputFormat) ?? (caps?.IsGptImage == true ? "png" : null);
            if (r.Compression is int compression)
            {
                if (caps != null && caps.OutputFormats.Count == 0)
                    throw new GptImageValidationException(ErrorIds.InvalidCompression, "Compression", compression, $"{caps.Name} does not support output compression; leave it out.");
                if (compression < 0 || compression > 100)
                    throw new GptImageValidationException(ErrorIds.InvalidCompression, "Compression", compression, "0 to 100 (percent).");
                if (format == "png")
                    throw new GptImageValidationException(ErrorIds.InvalidCompression, "Compression", compression,
                        "compression applies to jpeg and webp only; add -OutputFormat jpeg or webp, or leave -Compression out for png.");
            }
            if (Lower(r.Background) == "transparent" && format != null)
            {
                IReadOnlyList<string> transparent = caps?.TransparentFormats ?? new[] { "png", "webp" };
                if (!transparent.Contains(format))
                    throw new GptImageValidationException(ErrorIds.InvalidBackground, "Background", r.Background,
                        $"a transparent background needs -OutputFormat {string.Join(" or ", transparent)}; {format} has no alpha channel.");
            }
        }

        private static void CheckModeration(ImageGenerationRequest r, ModelCapabilities? caps) =>
            CheckChoice(ErrorIds.InvalidModeration, "Moderation", r.Moderation, caps?.Moderation ?? SpecModeration, caps);

        private static void CheckPartialImages(ImageGenerationRequest r, ModelCapabilities? caps)
        {
            if (r.PartialImages is not int partial) return;
            if (caps != null && !caps.SupportsStreaming)
                throw new GptImageValidationException(ErrorIds.InvalidPartialImages, "PartialImages", partial, $"{caps.Name} does not stream partial images; leave it out.");
            if (partial < 0 || partial > MaxPartialImages)
                throw new GptImageValidationException(ErrorIds.InvalidPartialImages, "PartialImages", partial, $"0 to {MaxPartialImages}.");
        }

        private static void CheckInputFidelity(ImageEditRequest r, ModelCapabilities? caps)
        {
            if (r.InputFidelity is null) return;
            if (caps != null && caps.InputFidelity.Count == 0)
                throw new GptImageValidationException(ErrorIds.InvalidInputFidelity, "InputFidelity", r.InputFidelity,
                    $"{caps.Name} does not support input fidelity; leave -InputFidelity out.");
            CheckChoice(ErrorIds.InvalidInputFidelity, "InputFidelity", r.InputFidelity, caps?.InputFidelity ?? SpecFidelity, caps);
        }

        /// <summary>One of a fixed list, compared without regard to case (the serializer sends lower case).</summary>
        private static void CheckChoice(string errorId, string parameter, string? value, IReadOnlyList<string> allowed, ModelCapabilities? caps)
        {
            if (value is null) return;
            if (allowed.Count == 0)
                throw new GptImageValidationException(errorId, parameter, value, $"{caps?.Name ?? "this model"} does not support -{parameter}; leave it out.");
            if (!allowed.Contains(Lower(value)!, StringComparer.Ordinal))
                throw new GptImageValidationException(errorId, parameter, value, $"one of {string.Join(", ", allowed)}{ForModel(caps)}.");
        }

        internal static string? Lower(string? value) => value?.Trim().ToLowerInvariant();

        internal static string ForModel(ModelCapabilities? caps) => caps is null ? string.Empty : " for " + caps.Name;
    }
}
