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
        /// <summary>Model or Azure deployment name. Default (also for a blank CSV cell) gpt-image-2.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull, AllowEmptyString]
        public string? Model { get; set; }

        /// <summary>auto, a preset such as 1536x1024, or WxH where the model allows it (gpt-image-2). Checked per model by the core.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string? Size { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateOptionalSet(ParameterValues.QualityLow, ParameterValues.QualityMedium, ParameterValues.QualityHigh, ParameterValues.QualityAuto,
            ParameterValues.QualityStandard, ParameterValues.QualityHd)]
        [ArgumentCompleter(typeof(OptionalSetCompleter))]
        public string? Quality { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateOptionalSet(ParameterValues.FormatPng, ParameterValues.FormatJpeg, ParameterValues.FormatWebp)]
        [ArgumentCompleter(typeof(OptionalSetCompleter))]
        public string? OutputFormat { get; set; }

        /// <summary>0 to 100, jpeg and webp only. Checked by the core (a ValidateRange would reject the null of a piped result).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [BlankAsNull]
        public int? Compression { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateOptionalSet(ParameterValues.BackgroundTransparent, ParameterValues.BackgroundOpaque, ParameterValues.BackgroundAuto)]
        [ArgumentCompleter(typeof(OptionalSetCompleter))]
        public string? Background { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateOptionalSet(ParameterValues.ModerationLow, ParameterValues.ModerationAuto)]
        [ArgumentCompleter(typeof(OptionalSetCompleter))]
        public string? Moderation { get; set; }

        /// <summary>Images per request (wire: n). The most a model allows is checked by the core. A blank CSV cell means not given.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("N")]
        [BlankAsNull]
        public int? Count { get; set; }

        /// <summary>End-user id for OpenAI's abuse monitoring.</summary>
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
