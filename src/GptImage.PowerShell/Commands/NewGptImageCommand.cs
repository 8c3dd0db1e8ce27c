using System.Management.Automation;
using GptImage.Orchestration;

namespace GptImage.Commands
{
    /// <summary>Generates images from text prompts with an OpenAI GPT image model, one request per pipeline record.</summary>
    /// <remarks>
    /// <para>Each pipeline record is one request. The prompt comes from -Prompt, a piped string, a Prompt, Description or
    /// Text column of a piped object (an Import-Csv row), or -Template filled from the record's columns. Every request
    /// parameter (-Model, -Size, -Quality, -OutputFormat, -Compression, -Background, -Moderation, -Count, -User) not typed
    /// comes from the piped row's column of that name, so CSV columns with those names become per-row values; a blank cell
    /// means not given. A piped file, or a row with a Path column, is an edit: New-GptImage refuses it (use Edit-GptImage).
    /// Every record gets its number ({Row}, RowNumber) in input order, and a row that fails also writes a result with
    /// Status Failed or NotRun, so every input row has an output object.</para>
    /// <para>Every row is checked against its model's rules before anything is sent; a bad row is that row's error and
    /// the others go on. Requests run in parallel up to -ThrottleLimit and slow down as the rate limit nears. With
    /// -OutputDirectory each image is written as it arrives and finished requests are cached there, so rerunning the
    /// same command after a crash or Ctrl+C pays for nothing twice. -MaxCost stops sending once the spend would pass it.</para>
    /// <para>Without -OutputDirectory the image bytes stay in the results: pipe them to Export-GptImageBatch.</para>
    /// </remarks>
    /// <example>
    /// <code>New-GptImage -Prompt 'A lighthouse at dawn, watercolour' -Size 1536x1024 -Quality low -OutputDirectory ./out</code>
    /// <para>Generates one landscape image and writes it to ./out; the result object gives its Path, tokens and cost.</para>
    /// </example>
    /// <example>
    /// <code>'a red fox', 'a snow owl' | New-GptImage -Quality low -OutputDirectory ./out -FileName 'animal-{Row}-{Index}'</code>
    /// <para>Each piped string is a prompt; the files are named animal-1-0.png and animal-2-0.png by the -FileName template.</para>
    /// </example>
    /// <example>
    /// <code>Import-Csv ./products.csv | New-GptImage -Template 'Product shot of {Product} in {Scene}, studio lighting' -OutputDirectory ./out -FileName '{Sku}-{Index}'</code>
    /// <para>One image per CSV row: the Product and Scene columns fill the prompt, the Sku column names the file, and the
    /// row's Size and Quality columns become that row's -Size and -Quality.</para>
    /// </example>
    /// <example>
    /// <code>Import-Csv ./products.csv | New-GptImage -OutputDirectory ./out -WhatIf</code>
    /// <para>Rehearses the run: shows each request and its estimated cost, sends nothing and needs no key.</para>
    /// </example>
    /// <example>
    /// <code>Import-Csv ./products.csv | New-GptImage -OutputDirectory ./out -FileName '{Sku}' -MaxCost 5 -ThrottleLimit 8</code>
    /// <para>The real run, at most 8 requests at a time and stopped before it would spend more than 5 USD (rows not sent
    /// are NotRun). Running the same line again makes no call for the rows already done: they come back as Cached.</para>
    /// </example>
    /// <example>
    /// <code>Import-Csv ./products.csv | New-GptImage -Template product-shot -OutputDirectory ./out -FileName '{Sku}-shot'</code>
    /// <para>Uses the built-in product-shot template (Get-GptImageTemplate lists the others): the Product column fills it, its
    /// Negative part ends the prompt as "Avoid: ...", and its defaults apply where the row gives no Size or Quality.</para>
    /// </example>
    /// <example>
    /// <code>$job = Import-Csv ./products.csv | New-GptImage -OutputDirectory ./out -FileName '{Sku}-job' -AsJob
    /// $job | Wait-Job | Receive-Job</code>
    /// <para>Runs in the background: returns a job at once (Get-Job shows it), then waits for it and receives its results.</para>
    /// </example>
    /// <example>
    /// <code>'a paper boat' | New-GptImage -AdditionalBody @{ seed = 42 } -AdditionalHeader @{ 'X-Gateway-Route' = 'eu' } -WhatIf</code>
    /// <para>Shows a request with a body field and a header this module does not know (for a gateway), without sending it.</para>
    /// </example>
    /// <returns>One result per image: Status (Succeeded, Cached, Failed, NotRun), Prompt, Model, Size, Quality, Format, Path, Sha256, Usage, CostUsd, RowNumber and the input row's SourceFields. Without -OutputDirectory it also holds the image bytes. With -AsJob: a GptImageJob (Receive-Job returns the results).</returns>
    [Cmdlet(VerbsCommon.New, "GptImage", DefaultParameterSetName = PromptInput.PromptSet,
        SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Readme + "new-gptimage")]
    [OutputType(typeof(GptImageResult), typeof(GptImageJob))]
    public sealed class NewGptImageCommand : ImageBatchCmdlet
    {
        private RowInputs? _inputs;

        /// <summary>The text describing the image. Without it, a piped string or the piped row's Prompt, Description or Text column is the prompt.</summary>
        [Parameter(Position = 0, ParameterSetName = PromptInput.PromptSet)]
        [Alias("Description", "Text")]
        [AllowEmptyString]
        public string Prompt { get; set; } = string.Empty;

        /// <summary>
        /// The name of a library template (product-shot, poster, ...; Get-GptImageTemplate lists them) or a prompt with {Column}
        /// placeholders filled from each piped object, for example 'Product shot of {Product} in {Scene}'. A row without a needed
        /// column is that row's GptImage.TemplateColumnMissing error (Get-Help about_GptImage_Templates).
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

        /// <summary>The pipeline record: a prompt string, or a row (an Import-Csv row) whose columns give the prompt and per-row options, fill -Template and -FileName, and make each error's TargetObject.</summary>
        // In every set and mandatory in none: a set with a mandatory pipeline parameter would win PowerShell's choice of set for every piped record.
        [Parameter(ValueFromPipeline = true)]
        [AllowNull]
        public PSObject? InputObject { get; set; }

        internal override string ProgressActivity => "Generating images";

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _template = PromptInput.SelectTemplate(this, ParameterSetName, Template, TemplatePath);
        }

        protected override void ProcessRecord()
        {
            int row = NextRowNumber();
            // Only command-line values are ever bound (the record binds to -InputObject alone), so this holds for every record.
            _inputs ??= new RowInputs
            {
                Accepts = RowKinds.Generation,
                Template = _template,
                Prompt = MyInvocation.BoundParameters.ContainsKey(nameof(Prompt)) ? Prompt : null,
            };
            PipelineRecord record = PipelineRecord.Read(InputObject);
            object? source = record.Source ?? Prompt;
            ImageGenerationRequest? request = TryBuildBatchRow(row, record, _inputs, source);
            if (request is null) return;

            CostEstimate estimate = CostEstimator.Estimate(request);
            if (!ShouldProcess(DescribeTarget(request), RequestDescription.Action("Generate", request, estimate))) return;

            Dispatch(new ImageJob(request) { RowNumber = row, Source = source, SourceFields = record.Fields, PreflightDone = true });
        }
    }
}
