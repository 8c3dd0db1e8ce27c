using System;
using System.Collections.Generic;
using System.Management.Automation;
using GptImage.Orchestration;

namespace GptImage.Commands
{
    /// <summary>
    /// The request options shared by New-GptImage, Edit-GptImage and Measure-GptImageCost. Every one binds
    /// by property name too, so CSV columns named Model, Size, Quality and so on become per-row values. A blank
    /// cell or a null property (a piped result's unset option) means "not given": the API default applies.
    /// </summary>
    public abstract class ImageRequestCmdlet : StoppableCmdlet
    {
        /// <summary>Model or Azure deployment name, for example gpt-image-2, gpt-image-1.5 or gpt-image-1-mini. Default (also for a blank CSV cell): gpt-image-2. A name the module does not know (a gateway or deployment) gets only the generic checks.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull, AllowEmptyString]
        [ArgumentCompleter(typeof(OptionalSetCompleter))]
        public string? Model { get; set; }

        /// <summary>Image size: auto, a preset (1024x1024, 1536x1024, 1024x1536), or on gpt-image-2 any WIDTHxHEIGHT with both sides multiples of 16, up to 3840 on a side and an aspect from 1:3 to 3:1. Default: the API's (auto). Checked per model before sending.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [ArgumentCompleter(typeof(OptionalSetCompleter))]
        public string? Size { get; set; }

        /// <summary>Rendering quality: low, medium, high or auto (dall-e-3: standard or hd). Higher costs more. Default: the API's (auto).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateOptionalSet(ParameterValues.QualityLow, ParameterValues.QualityMedium, ParameterValues.QualityHigh, ParameterValues.QualityAuto,
            ParameterValues.QualityStandard, ParameterValues.QualityHd)]
        [ArgumentCompleter(typeof(OptionalSetCompleter))]
        public string? Quality { get; set; }

        /// <summary>File format of the image: png, jpeg or webp. Default: png.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateOptionalSet(ParameterValues.FormatPng, ParameterValues.FormatJpeg, ParameterValues.FormatWebp)]
        [ArgumentCompleter(typeof(OptionalSetCompleter))]
        public string? OutputFormat { get; set; }

        /// <summary>Compression level from 0 to 100, for jpeg and webp output only. Default: the API's (100).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [BlankAsNull]
        public int? Compression { get; set; }

        /// <summary>Background: transparent (png or webp only), opaque or auto. Default: the API's (auto).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateOptionalSet(ParameterValues.BackgroundTransparent, ParameterValues.BackgroundOpaque, ParameterValues.BackgroundAuto)]
        [ArgumentCompleter(typeof(OptionalSetCompleter))]
        public string? Background { get; set; }

        /// <summary>Strictness of OpenAI's content filter for generations: low or auto. Default: the API's (auto). Edits take no moderation setting.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateOptionalSet(ParameterValues.ModerationLow, ParameterValues.ModerationAuto)]
        [ArgumentCompleter(typeof(OptionalSetCompleter))]
        public string? Moderation { get; set; }

        /// <summary>Images per request, 1 to 10 (dall-e-3: 1). Default: 1. A blank CSV cell means not given.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("N")]
        [BlankAsNull]
        public int? Count { get; set; }

        /// <summary>An id of your end user, passed to OpenAI for abuse monitoring. Default: none is sent.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string? User { get; set; }

        private readonly HashSet<string> _warned = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>Writes a warning the first time it comes up: a retired model in a 1000-row CSV warns once, not 1000 times.</summary>
        internal void WarnOnce(string message)
        {
            if (_warned.Add(message)) WriteWarning(message);
        }

        /// <summary>
        /// Builds the current record's request: the request options, then <paramref name="fill"/> (the prompt and
        /// the cmdlet's own values), then the core's checks, warning once per distinct warning. False after the
        /// record's error has been written with <paramref name="source"/> as its TargetObject: one bad row must
        /// not stop the rows after it.
        /// </summary>
        internal bool TryPrepare(ImageGenerationRequest request, object? source, Action<ImageGenerationRequest> fill)
        {
            try
            {
                ApplyRequestOptions(request);
                fill(request);
                foreach (string warning in Preflight.Check(request, DateTime.UtcNow)) WarnOnce(warning);
                return true;
            }
            catch (GptImageValidationException e)
            {
                WriteRowError(ErrorRecords.From(e, source));
                return false;
            }
        }

        /// <summary>One row's error: the cmdlet's error stream, or (-AsJob) the background job's.</summary>
        internal virtual void WriteRowError(ErrorRecord error) => WriteError(error);

        /// <summary>Copies the request options of the current record onto a request.</summary>
        internal void ApplyRequestOptions(ImageGenerationRequest request)
        {
            request.Model = ParameterValues.NullIfEmpty(Model) ?? ImageGenerationRequest.DefaultModel;
            request.Size = ParameterValues.NullIfEmpty(Size);
            request.Quality = ParameterValues.NullIfEmpty(Quality)?.ToLowerInvariant();
            request.OutputFormat = ParameterValues.NullIfEmpty(OutputFormat)?.ToLowerInvariant();
            request.Compression = Compression;
            request.Background = ParameterValues.NullIfEmpty(Background)?.ToLowerInvariant();
            request.Moderation = ParameterValues.NullIfEmpty(Moderation)?.ToLowerInvariant();
            request.Count = Count;
            request.User = ParameterValues.NullIfEmpty(User);
        }
    }
}
