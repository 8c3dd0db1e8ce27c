using System.Management.Automation;
using GptImage.Orchestration;

namespace GptImage.Commands
{
    /// <summary>
    /// <para type="synopsis">Generates images from text prompts with an OpenAI GPT image model.</para>
    /// <para type="description">Each pipeline record is one request: a prompt string, or an object (an Import-Csv row)
    /// whose Prompt/Description/Text column, or whose columns filled into -Template, give the prompt. Columns named
    /// like the request parameters (Size, Quality, Model, ...) become per-row values.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "GptImage", DefaultParameterSetName = PromptInput.PromptSet,
        SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(GptImageResult))]
    public sealed class NewGptImageCommand : ImageBatchCmdlet
    {
        private RowInputs? _inputs;

        /// <summary>The text describing the image. Without it, a piped string or the piped row's Prompt, Description or Text column is the prompt.</summary>
        [Parameter(Position = 0, ParameterSetName = PromptInput.PromptSet)]
        [Alias("Description", "Text")]
        [AllowEmptyString]
        public string Prompt { get; set; } = string.Empty;

        /// <summary>A prompt with {Column} placeholders filled from each input object, for example 'Product shot of {Product} in {Scene}'.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PromptInput.TemplateSet)]
        [ValidateNotNullOrEmpty]
        public string Template { get; set; } = string.Empty;

        /// <summary>The pipeline record: a prompt string, or a row (an Import-Csv row) whose columns give the prompt and per-row options, fill -Template and -FileName, and make each error's TargetObject.</summary>
        // In every set and mandatory in none: a set with a mandatory pipeline parameter would win PowerShell's choice of set for every piped record.
        [Parameter(ValueFromPipeline = true)]
        [AllowNull]
        public PSObject? InputObject { get; set; }

        internal override string ProgressActivity => "Generating images";

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            PromptInput.ThrowIfTemplateInvalid(this, ParameterSetName, Template);
        }

        protected override void ProcessRecord()
        {
            int row = NextRowNumber();
            // Only command-line values are ever bound (the record binds to -InputObject alone), so this holds for every record.
            _inputs ??= new RowInputs
            {
                Accepts = RowKinds.Generation,
                Template = ParameterSetName == PromptInput.TemplateSet ? Template : null,
                Prompt = MyInvocation.BoundParameters.ContainsKey(nameof(Prompt)) ? Prompt : null,
            };
            PipelineRecord record = PipelineRecord.Read(InputObject);
            object? source = record.Source ?? Prompt;
            ImageGenerationRequest? request = TryBuildBatchRow(row, record, _inputs, source);
            if (request is null) return;

            CostEstimate estimate = CostEstimator.Estimate(request);
            if (!ShouldProcess(RequestDescription.Target(request), RequestDescription.Action("Generate", request, estimate))) return;

            Run.Submit(new ImageJob(request) { RowNumber = row, Source = source, SourceFields = record.Fields, PreflightDone = true });
        }
    }
}
