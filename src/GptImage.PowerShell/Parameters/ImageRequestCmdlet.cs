using System;
using System.Collections.Generic;
using System.Management.Automation;
using GptImage.Orchestration;

namespace GptImage.Commands
{
    /// <summary>
    /// The request options shared by New-GptImage, Edit-GptImage, Measure-GptImageCost and Submit-GptImageBatchJob.
    /// Typed, an option holds for every record. Not typed, it comes from the piped row's column of the same name
    /// (an Import-Csv row, a [pscustomobject]), so CSV columns named Model, Size, Quality and so on become per-row
    /// values; a blank cell means "not given" (the API default). Only rows have columns: a piped file's own
    /// properties (Size, User...) never become options (see <see cref="PipelineRecord"/>). The options bind from the
    /// command line only, so PowerShell never drops a record over a cell: each cell is checked by the core and a
    /// bad one is its row's error.
    /// </summary>
    public abstract class ImageRequestCmdlet : StoppableCmdlet
    {
        /// <summary>Model or Azure deployment name, for example gpt-image-2, gpt-image-1.5 or gpt-image-1-mini. Default (also for a blank CSV cell): gpt-image-2. A name the module does not know (a gateway or deployment) gets only the generic checks. Not typed, a piped row's Model column sets it per row.</summary>
        [Parameter]
        [AllowNull, AllowEmptyString]
        [ArgumentCompleter(typeof(OptionalSetCompleter))]
        public string? Model { get; set; }

        /// <summary>Image size: auto, a preset (1024x1024, 1536x1024, 1024x1536), or on gpt-image-2 any WIDTHxHEIGHT with both sides multiples of 16, up to 3840 on a side and an aspect from 1:3 to 3:1. Default: the API's (auto). Checked per model before sending. Not typed, a piped row's Size column sets it per row (a file's own Size never does).</summary>
        [Parameter]
        [AllowEmptyString]
        [ArgumentCompleter(typeof(OptionalSetCompleter))]
        public string? Size { get; set; }

        /// <summary>Rendering quality: low, medium, high or auto (dall-e-3: standard or hd). Higher costs more. Default: the API's (auto). Not typed, a piped row's Quality column sets it per row.</summary>
        [Parameter]
        [ValidateOptionalSet(ParameterValues.QualityLow, ParameterValues.QualityMedium, ParameterValues.QualityHigh, ParameterValues.QualityAuto,
            ParameterValues.QualityStandard, ParameterValues.QualityHd)]
        [ArgumentCompleter(typeof(OptionalSetCompleter))]
        public string? Quality { get; set; }

        /// <summary>File format of the image: png, jpeg or webp. Default: png. Not typed, a piped row's OutputFormat column sets it per row.</summary>
        [Parameter]
        [ValidateOptionalSet(ParameterValues.FormatPng, ParameterValues.FormatJpeg, ParameterValues.FormatWebp)]
        [ArgumentCompleter(typeof(OptionalSetCompleter))]
        public string? OutputFormat { get; set; }

        /// <summary>Compression level from 0 to 100, for jpeg and webp output only. Default: the API's (100). Not typed, a piped row's Compression column (a whole number) sets it per row.</summary>
        [Parameter]
        public int? Compression { get; set; }

        /// <summary>Background: transparent (png or webp only), opaque or auto. Default: the API's (auto). Not typed, a piped row's Background column sets it per row.</summary>
        [Parameter]
        [ValidateOptionalSet(ParameterValues.BackgroundTransparent, ParameterValues.BackgroundOpaque, ParameterValues.BackgroundAuto)]
        [ArgumentCompleter(typeof(OptionalSetCompleter))]
        public string? Background { get; set; }

        /// <summary>Strictness of OpenAI's content filter for generations: low or auto. Default: the API's (auto). Edits take no moderation setting. Not typed, a piped row's Moderation column sets it per row.</summary>
        [Parameter]
        [ValidateOptionalSet(ParameterValues.ModerationLow, ParameterValues.ModerationAuto)]
        [ArgumentCompleter(typeof(OptionalSetCompleter))]
        public string? Moderation { get; set; }

        /// <summary>Images per request, 1 to 10 (dall-e-3: 1). Default: 1. Not typed, a piped row's Count (or N) column, a whole number, sets it per row; a blank cell means not given.</summary>
        [Parameter]
        [Alias("N")]
        public int? Count { get; set; }

        /// <summary>An id of your end user, passed to OpenAI for abuse monitoring. Default: none is sent. Not typed, a piped row's User column sets it per row (a file's owner never does).</summary>
        [Parameter]
        [AllowEmptyString]
        public string? User { get; set; }

        private static readonly string[] CountColumns = { "Count", "N" };
        private const string CountAllowed = "a whole number of images such as 1 or 4 (a blank cell means the API default).";
        private const string CompressionAllowed = "a whole number from 0 to 100 (percent; a blank cell means the API default).";

        private readonly HashSet<string> _warned = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>Writes a warning the first time it comes up: a retired model in a 1000-row CSV warns once, not 1000 times.</summary>
        internal void WarnOnce(string message)
        {
            if (_warned.Add(message)) WriteWarning(message);
        }

        /// <summary>
        /// The current record's checked request (see <see cref="RowRequestBuilder"/>); null after the record's error has
        /// been written with <paramref name="target"/> as its TargetObject: one bad row must not stop the rows after it.
        /// </summary>
        internal ImageGenerationRequest? TryBuildRow(int row, PipelineRecord record, RowInputs inputs, object? target,
            Action<ImageGenerationRequest>? complete = null) => TryBuildRow(row, record, inputs, target, complete, out _);

        /// <summary>As above; <paramref name="error"/> is the row's error when one was written.</summary>
        internal ImageGenerationRequest? TryBuildRow(int row, PipelineRecord record, RowInputs inputs, object? target,
            Action<ImageGenerationRequest>? complete, out ErrorRecord? error)
        {
            error = null;
            if (record.UpstreamFailure is GptImageResult failed)
            {
                // A row that failed upstream has no image to work on, and its error was reported where it happened.
                WriteVerbose($"Row {row}: passed over: the piped result of row {failed.RowNumber} is {failed.Status} ({failed.ErrorId}).");
                return null;
            }
            try
            {
                return RowRequestBuilder.Build(this, inputs, record, row, complete);
            }
            catch (Exception e) when (e is GptImageValidationException || e is GptImageImageException || e is PSArgumentException || FileSystemPaths.IsResolutionError(e))
            {
                error = ErrorRecords.ForRow(e, target, row, record.Label);
                WriteRowError(error);
                return null;
            }
        }

        /// <summary>One row's error: the cmdlet's error stream, or (-AsJob) the background job's.</summary>
        internal virtual void WriteRowError(ErrorRecord error) => WriteError(error);

        /// <summary>Sets the request options on a request: each typed value, else the record's cell (noting the column in <paramref name="columns"/>).</summary>
        internal void ApplyRequestOptions(ImageGenerationRequest request, PipelineRecord record, IDictionary<string, string> columns)
        {
            request.Model = Option(Model, nameof(Model), record, columns) ?? ImageGenerationRequest.DefaultModel;
            request.Size = Option(Size, nameof(Size), record, columns);
            request.Quality = Option(Quality, nameof(Quality), record, columns)?.ToLowerInvariant();
            request.OutputFormat = Option(OutputFormat, nameof(OutputFormat), record, columns)?.ToLowerInvariant();
            request.Compression = Compression ?? RowCells.WholeNumber(
                RowRequestBuilder.Cell(record, new[] { nameof(Compression) }, nameof(Compression), columns), ErrorIds.InvalidCompression, nameof(Compression), CompressionAllowed);
            request.Background = Option(Background, nameof(Background), record, columns)?.ToLowerInvariant();
            request.Moderation = Option(Moderation, nameof(Moderation), record, columns)?.ToLowerInvariant();
            request.Count = Count ?? RowCells.WholeNumber(
                RowRequestBuilder.Cell(record, CountColumns, nameof(Count), columns), ErrorIds.InvalidCount, nameof(Count), CountAllowed);
            request.User = Option(User, nameof(User), record, columns);
        }

        private static string? Option(string? typed, string name, PipelineRecord record, IDictionary<string, string> columns) =>
            RowRequestBuilder.Typed(typed) ?? RowRequestBuilder.Cell(record, new[] { name }, name, columns);
    }
}
