using System.Management.Automation;
using GptImage.Orchestration;

namespace GptImage.Commands
{
    /// <summary>
    /// <para type="synopsis">Estimates tokens and USD per row, and the total, for the same input New-GptImage takes. Sends nothing.</para>
    /// <para type="description">Run it on a CSV before an overnight batch: invalid rows are reported as errors exactly as
    /// New-GptImage would report them, and the total tells what the valid rows would cost at list prices.</para>
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Measure, "GptImageCost", DefaultParameterSetName = PromptInput.PromptSet)]
    [OutputType(typeof(GptImageCostEstimate), typeof(GptImageCostTotal))]
    public sealed class MeasureGptImageCostCommand : ImageRequestCmdlet
    {
        private bool _promptTypedOnCommandLine;
        private int _rows, _images, _unpriced, _invalid;
        private long _outputTokens;
        private decimal _totalUsd;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PromptInput.PromptSet,
            ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Description", "Text")]
        [AllowEmptyString]
        public string Prompt { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PromptInput.TemplateSet)]
        [ValidateNotNullOrEmpty]
        public string Template { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ParameterSetName = PromptInput.TemplateSet, ValueFromPipeline = true)]
        [Parameter(ParameterSetName = PromptInput.PromptSet, ValueFromPipeline = true)]
        public PSObject? InputObject { get; set; }

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
            object? source = InputObject ?? (object)Prompt;
            var fields = SourceFieldReader.Read(InputObject);
            var request = new ImageGenerationRequest();
            if (!TryPrepare(request, source, r => r.Prompt = PromptInput.Resolve(ParameterSetName, Prompt, Template, InputObject, fields, _promptTypedOnCommandLine)))
            {
                _invalid++;
                return;
            }

            CostEstimate estimate = CostEstimator.Estimate(request);
            int images = request.Count ?? 1;
            _images += images;
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
                EstimatedOutputTokens = _outputTokens,
                EstimatedCostUsd = _totalUsd,
                UnpricedRows = _unpriced,
                InvalidRows = _invalid,
                PriceSource = PriceTable.Source + " (reviewed " + PriceTable.Reviewed + ")",
            });
        }
    }
}
