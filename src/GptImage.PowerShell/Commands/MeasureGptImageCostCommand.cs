using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using GptImage.Orchestration;

namespace GptImage.Commands
{
    /// <summary>Estimates the tokens and USD of each row, or the total, for the input New-GptImage or Edit-GptImage would take; sends nothing.</summary>
    /// <remarks>
    /// <para>Run it on a CSV before an overnight batch. It takes the same input as New-GptImage (prompts, -Template with
    /// CSV rows) and, with -Path or -LiteralPath (plus -MaskPath and -InputFidelity), as Edit-GptImage. A piped file, or a
    /// row with a Path column, is estimated as an edit, as Edit-GptImage would take it. Invalid rows are reported as errors
    /// exactly as those cmdlets would report them, before any money is spent.</para>
    /// <para>It writes a GptImageCostEstimate per row (RowNumber, Prompt, Model, Size, Quality, Count, estimated tokens,
    /// EstimatedCostUsd, Basis), or with -Summary one GptImageCostTotal instead: never both in one stream, so the output
    /// goes to Export-Csv whole. Prices are the list prices the module carries (PriceSource says which); an edit adds its
    /// input images and mask as input tokens at a rough per-image figure, which the Basis column says.</para>
    /// </remarks>
    /// <example>
    /// <code>Import-Csv ./products.csv | Measure-GptImageCost</code>
    /// <para>An estimate per CSV row.</para>
    /// </example>
    /// <example>
    /// <code>Import-Csv ./products.csv | Measure-GptImageCost -Quality high -Summary</code>
    /// <para>What the same catalog would cost at high quality, as one total.</para>
    /// </example>
    /// <example>
    /// <code>Get-ChildItem ./shots/*.png | Measure-GptImageCost -Prompt 'Put the product on a marble table' -Summary</code>
    /// <para>The estimated cost of editing every image in a folder.</para>
    /// </example>
    /// <returns>A GptImageCostEstimate per valid row (RowNumber, Prompt, Model, Size, Quality, Count, estimated tokens, EstimatedCostUsd, Basis), then one GptImageCostTotal (Rows, Images, tokens, EstimatedCostUsd, UnpricedRows, InvalidRows, PriceSource); -Summary writes only the total.</returns>
    [Cmdlet(VerbsDiagnostic.Measure, "GptImageCost", DefaultParameterSetName = PromptInput.PromptSet, HelpUri = HelpLinks.Readme + "measure-gptimagecost")]
    [OutputType(typeof(GptImageCostEstimate), typeof(GptImageCostTotal))]
    public sealed class MeasureGptImageCostCommand : ImageRowCmdlet
    {
        private int _rows, _images, _unpriced, _invalid;
        private long _inputTokens, _outputTokens;
        private decimal _totalUsd;

        /// <summary>Write one GptImageCostTotal instead of a GptImageCostEstimate per row: each call writes one type only.</summary>
        [Parameter]
        public SwitchParameter Summary { get; set; }

        protected override void ProcessRecord()
        {
            int row = ++_rows;
            ImageGenerationRequest? request = TryBuildRowRequest(row, out object? source, out var fields);
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
            if (!Summary.IsPresent) return;
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
