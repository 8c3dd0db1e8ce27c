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
    public sealed class MeasureGptImageCostCommand : ImageRowCmdlet
    {
        private int _rows, _images, _unpriced, _invalid;
        private long _inputTokens, _outputTokens;
        private decimal _totalUsd;

        /// <summary>Write only the total, not a row per input.</summary>
        [Parameter]
        public SwitchParameter Summary { get; set; }

        protected override void ProcessRecord()
        {
            int row = ++_rows;
            ImageGenerationRequest? request = TryBuildRowRequest(out object? source, out var fields);
            if (request is null)
            {
                _invalid++;
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
                InputImages = request is ImageEditRequest edited ? string.Join("; ", edited.Images.Select(i => i.Path ?? string.Empty)) : null,
                MaskPath = (request as ImageEditRequest)?.MaskPath,
                Count = images,
                EstimatedInputTokens = estimate.EstimatedInputTokens,
                EstimatedOutputTokens = estimate.EstimatedOutputTokens,
                EstimatedCostUsd = estimate.Usd,
                IsKnownModel = estimate.IsKnownModel,
                Basis = estimate.Basis,
                Source = source,
                SourceFields = FieldSet.From(fields),
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
                PriceSource = PriceTable.Source + "; reviewed " + PriceTable.Reviewed,
            });
        }
    }
}
