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
    [OutputType(typeof(GptImageResult), typeof(GptImageJob))]
    public sealed class NewGptImageCommand : ImageBatchCmdlet
    {
        private bool _promptTypedOnCommandLine;

        /// <summary>The text describing the image.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PromptInput.PromptSet,
            ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Description", "Text")]
        [AllowEmptyString]
        public string Prompt { get; set; } = string.Empty;

        /// <summary>
        /// The name of a library template (product-shot, poster, ...; Get-GptImageTemplate lists them) or a prompt with {Column}
        /// placeholders, for example 'Product shot of {Product} in {Scene}'. Each input object's columns fill it.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PromptInput.TemplateSet)]
        [ArgumentCompleter(typeof(TemplateNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string Template { get; set; } = string.Empty;

        /// <summary>Folders of your own template files (.psd1, .json) for -Template, read before the per-user folder and the built-in templates.</summary>
        [Parameter(ParameterSetName = PromptInput.TemplateSet)]
        [ValidateNotNullOrEmpty]
        public string[]? TemplatePath { get; set; }

        private TemplateSelection? _template;

        /// <summary>The pipeline record (an Import-Csv row): fills -Template and -FileName, and is each error's TargetObject.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PromptInput.TemplateSet, ValueFromPipeline = true)]
        [Parameter(ParameterSetName = PromptInput.PromptSet, ValueFromPipeline = true)]
        public PSObject? InputObject { get; set; }

        internal override string ProgressActivity => "Generating images";

        protected override void BeginProcessing()
        {
            // Only parameters typed on the command line are bound at this point; pipeline values come later.
            _promptTypedOnCommandLine = MyInvocation.BoundParameters.ContainsKey(nameof(Prompt));
            _template = PromptInput.SelectTemplate(this, ParameterSetName, Template, TemplatePath);
            ThrowIfAdditionalFieldsInvalid();
        }

        protected override void ProcessRecord()
        {
            int row = NextRowNumber();
            object? source = InputObject ?? (object)Prompt;
            var fields = SourceFieldReader.Read(InputObject);
            var request = new ImageGenerationRequest();
            bool prepared = TryPrepare(request, source, r =>
            {
                ApplyStreamingOptions(r);
                r.Prompt = PromptInput.Resolve(ParameterSetName, Prompt, _template, InputObject, fields, _promptTypedOnCommandLine);
                _template?.ApplyDefaults(r);
            });
            if (!prepared) return;

            CostEstimate estimate = CostEstimator.Estimate(request);
            if (!ShouldProcess(DescribeTarget(request), RequestDescription.Action("Generate", request, estimate))) return;

            Dispatch(new ImageJob(request) { RowNumber = row, Source = source, SourceFields = fields, PreflightDone = true });
        }
    }
}
