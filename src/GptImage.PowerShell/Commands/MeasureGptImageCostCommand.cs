using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using GptImage.Orchestration;

namespace GptImage.Commands
{
    /// <summary>
    /// <para type="synopsis">Estimates tokens and USD per row, and the total, for the same input New-GptImage and Edit-GptImage take. Sends nothing.</para>
    /// <para type="description">Run it on a CSV before an overnight batch: invalid rows are reported as errors exactly as
    /// New-GptImage (or, with -Path/-LiteralPath, Edit-GptImage) would report them, and the total tells what the valid rows
    /// would cost at list prices. Edits add their input images (and mask) as input tokens, a rough per-image figure.</para>
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Measure, "GptImageCost", DefaultParameterSetName = PromptInput.PromptSet)]
    [OutputType(typeof(GptImageCostEstimate), typeof(GptImageCostTotal))]
    public sealed class MeasureGptImageCostCommand : ImageRequestCmdlet
    {
        private const string PathSet = EditRequestInput.PathSet;
        private const string LiteralPathSet = EditRequestInput.LiteralPathSet;

        private bool _promptTypedOnCommandLine;
        private int _rows, _images, _unpriced, _invalid;
        private long _inputTokens, _outputTokens;
        private decimal _totalUsd;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PromptInput.PromptSet,
            ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Parameter(Mandatory = true, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Description", "Text")]
        [AllowEmptyString]
        public string Prompt { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PromptInput.TemplateSet)]
        [ValidateNotNullOrEmpty]
        public string Template { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ParameterSetName = PromptInput.TemplateSet, ValueFromPipeline = true)]
        [Parameter(ParameterSetName = PromptInput.PromptSet, ValueFromPipeline = true)]
        [Parameter(ParameterSetName = PathSet, ValueFromPipeline = true)]
        [Parameter(ParameterSetName = LiteralPathSet, ValueFromPipeline = true)]
        public PSObject? InputObject { get; set; }

        /// <summary>Input images of an edit to estimate; wildcards allowed. All matches count as one request.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = Array.Empty<string>();

        /// <summary>Input images of an edit, taken literally. Get-ChildItem output binds here by PSPath.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "FullName")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = Array.Empty<string>();

        /// <summary>PNG mask of an edit; checked as Edit-GptImage checks it. Counted as one more input image.</summary>
        [Parameter(ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [AllowNull, AllowEmptyString]
        public string? MaskPath { get; set; }

        /// <summary>Edits: low or high (high costs more input tokens than the estimate counts; the basis says so).</summary>
        [Parameter(ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [ValidateOptionalSet(ParameterValues.FidelityLow, ParameterValues.FidelityHigh)]
        [ArgumentCompleter(typeof(OptionalSetCompleter))]
        public string? InputFidelity { get; set; }

        /// <summary>Write only the total, not a row per input.</summary>
        [Parameter]
        public SwitchParameter Summary { get; set; }

        protected override void BeginProcessing()
        {
            _promptTypedOnCommandLine = MyInvocation.BoundParameters.ContainsKey(nameof(Prompt));
        }

        protected override void ProcessRecord()
        {
            int row = ++_rows;
            // A file piped with a typed -Prompt arrives in the Prompt set (see PipedFile): it is an edit of that file.
            string? pipedFile = ParameterSetName == PromptInput.PromptSet && _promptTypedOnCommandLine ? PipedFile.PathOf(InputObject?.BaseObject) : null;
            bool edit = EditRequestInput.IsEditSet(ParameterSetName) || pipedFile != null;
            object? source = InputObject ?? (edit ? (object)(ParameterSetName == PathSet ? Path : LiteralPath) : Prompt);
            var fields = SourceFieldReader.Read(InputObject);
            ImageGenerationRequest request;
            try
            {
                request = pipedFile != null
                    ? EditRequestInput.Build(this, LiteralPathSet, new[] { pipedFile }, null, null)
                    : edit
                    ? EditRequestInput.Build(this, ParameterSetName, ParameterSetName == LiteralPathSet ? LiteralPath : Path, MaskPath, InputFidelity)
                    : new ImageGenerationRequest();
                ApplyRequestOptions(request);
                request.Prompt = edit ? Prompt : PromptInput.Resolve(ParameterSetName, Prompt, Template, InputObject, fields, _promptTypedOnCommandLine);
                // The same checks as Edit-GptImage and New-GptImage, so the rows that error here are the rows that would fail there.
                foreach (string warning in Preflight.Check(request, DateTime.UtcNow)) WarnOnce(warning);
            }
            catch (Exception e) when (e is GptImageValidationException || e is GptImageImageException || e is ItemNotFoundException || e is PSArgumentException)
            {
                _invalid++;
                WriteError(e is ItemNotFoundException ? new ErrorRecord(e, "GptImage.ImageNotFound", ErrorCategory.ObjectNotFound, source) : ErrorRecords.From(e, source));
                return;
            }

            CostEstimate estimate = CostEstimator.Estimate(request);
            int images = request.Count ?? 1;
            _images += images;
            _inputTokens += estimate.EstimatedInputTokens;
            _outputTokens += estimate.EstimatedOutputTokens;
            _totalUsd += estimate.Usd;
            if (!estimate.IsKnownModel) _unpriced++;
            if (Summary.IsPresent) return;

            WriteObject(new GptImageCostEstimate
            {
                RowNumber = row,
                Prompt = request.Prompt,
                Model = request.Model,
                Size = request.Size,
                Quality = request.Quality,
                InputImages = request is ImageEditRequest edited ? edited.Images.Select(i => i.Path ?? string.Empty).ToArray() : new string[0],
                MaskPath = (request as ImageEditRequest)?.MaskPath,
                Count = images,
                EstimatedInputTokens = estimate.EstimatedInputTokens,
                EstimatedOutputTokens = estimate.EstimatedOutputTokens,
                EstimatedCostUsd = estimate.Usd,
                IsKnownModel = estimate.IsKnownModel,
                Basis = estimate.Basis,
                Source = source,
                SourceFields = fields,
            });
        }

        protected override void EndProcessing()
        {
            WriteObject(new GptImageCostTotal
            {
                Rows = _rows,
                Images = _images,
                EstimatedInputTokens = _inputTokens,
                EstimatedOutputTokens = _outputTokens,
                EstimatedCostUsd = _totalUsd,
                UnpricedRows = _unpriced,
                InvalidRows = _invalid,
                PriceSource = PriceTable.Source + " (reviewed " + PriceTable.Reviewed + ")",
            });
        }
    }
}
