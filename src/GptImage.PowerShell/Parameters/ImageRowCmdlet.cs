using System;
using System.Collections.Generic;
using System.Management.Automation;
using GptImage.Orchestration;

namespace GptImage.Commands
{
    /// <summary>
    /// The record input of the cmdlets that take both New-GptImage's rows and Edit-GptImage's edits without sending
    /// them at once (Measure-GptImageCost, Submit-GptImageBatchJob): -Prompt/-Template/-InputObject, the -Path/-LiteralPath
    /// edit sets with -MaskPath and -InputFidelity, and the building of one record's checked request. Declared once
    /// so that both cmdlets accept exactly the same rows and report exactly the same rows as invalid.
    /// </summary>
    public abstract class ImageRowCmdlet : ImageRequestCmdlet
    {
        private protected const string PathSet = EditRequestInput.PathSet;
        private protected const string LiteralPathSet = EditRequestInput.LiteralPathSet;

        private bool _promptTypedOnCommandLine;

        /// <summary>The text describing the image (or, with -Path, the change to make).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PromptInput.PromptSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Parameter(Mandatory = true, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Description", "Text")]
        [AllowEmptyString]
        public string Prompt { get; set; } = string.Empty;

        /// <summary>The name of a library template (Get-GptImageTemplate lists them) or a prompt with {Column} placeholders filled from each piped object, for example 'Product shot of {Product}' (Get-Help about_GptImage_Templates).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PromptInput.TemplateSet)]
        [ArgumentCompleter(typeof(TemplateNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string Template { get; set; } = string.Empty;

        /// <summary>Folders of your own template files (.psd1, .json) for -Template, read before the per-user folder and the built-in templates.</summary>
        [Parameter(ParameterSetName = PromptInput.TemplateSet)]
        [ValidateNotNullOrEmpty]
        public string[]? TemplatePath { get; set; }

        private TemplateSelection? _template;

        /// <summary>The pipeline record (an Import-Csv row, a file): fills -Template, and its fields go into the output.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PromptInput.TemplateSet, ValueFromPipeline = true)]
        [Parameter(ParameterSetName = PromptInput.PromptSet, ValueFromPipeline = true)]
        [Parameter(ParameterSetName = PathSet, ValueFromPipeline = true)]
        [Parameter(ParameterSetName = LiteralPathSet, ValueFromPipeline = true)]
        public PSObject? InputObject { get; set; }

        /// <summary>Input images of an edit; wildcards allowed. All matches go into one request, at most 16.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = Array.Empty<string>();

        /// <summary>Input images of an edit, taken literally: no character is a wildcard. Get-ChildItem output binds here by its PSPath.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "FullName")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = Array.Empty<string>();

        /// <summary>PNG mask of an edit (transparent = area to edit); same size as the first image, checked as Edit-GptImage checks it.</summary>
        [Parameter(ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [AllowNull, AllowEmptyString]
        public string? MaskPath { get; set; }

        /// <summary>For edits, how closely the output keeps the input's details: low or high. Only some models take it (not gpt-image-2). Default: the API's.</summary>
        [Parameter(ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [ValidateOptionalSet(ParameterValues.FidelityLow, ParameterValues.FidelityHigh)]
        [ArgumentCompleter(typeof(OptionalSetCompleter))]
        public string? InputFidelity { get; set; }

        protected override void BeginProcessing()
        {
            _promptTypedOnCommandLine = MyInvocation.BoundParameters.ContainsKey(nameof(Prompt));
            _template = PromptInput.SelectTemplate(this, ParameterSetName, Template, TemplatePath);
        }

        /// <summary>
        /// The current record's request with the request options applied and the core's checks run (warning once per
        /// distinct warning); <paramref name="source"/> and <paramref name="fields"/> describe the record for the output.
        /// Null after the record's error has been written: one bad row must not stop the rows after it.
        /// </summary>
        internal ImageGenerationRequest? TryBuildRowRequest(out object? source, out IReadOnlyDictionary<string, string?> fields)
        {
            // A file piped with a typed -Prompt arrives in the Prompt set (see PipedFile): it is an edit of that file.
            string? pipedFile = ParameterSetName == PromptInput.PromptSet && _promptTypedOnCommandLine ? PipedFile.PathOf(InputObject?.BaseObject) : null;
            bool edit = EditRequestInput.IsEditSet(ParameterSetName) || pipedFile != null;
            source = InputObject ?? (edit ? (object)(ParameterSetName == PathSet ? Path : LiteralPath) : Prompt);
            fields = SourceFieldReader.Read(InputObject);
            try
            {
                ImageGenerationRequest request = pipedFile != null
                    ? EditRequestInput.Build(this, LiteralPathSet, new[] { pipedFile }, null, null)
                    : edit
                    ? EditRequestInput.Build(this, ParameterSetName, ParameterSetName == LiteralPathSet ? LiteralPath : Path, MaskPath, InputFidelity)
                    : new ImageGenerationRequest();
                ApplyRequestOptions(request);
                request.Prompt = edit ? Prompt : PromptInput.Resolve(ParameterSetName, Prompt, _template, InputObject, fields, _promptTypedOnCommandLine);
                if (!edit) _template?.ApplyDefaults(request);
                // The same checks as New-GptImage and Edit-GptImage, so the rows that error here are the rows that would fail there.
                foreach (string warning in Preflight.Check(request, DateTime.UtcNow)) WarnOnce(warning);
                return request;
            }
            catch (Exception e) when (e is GptImageValidationException || e is GptImageImageException || e is PSArgumentException || FileSystemPaths.IsResolutionError(e))
            {
                WriteError(FileSystemPaths.IsResolutionError(e) ? new ErrorRecord(e, "GptImage.ImageNotFound", ErrorCategory.ObjectNotFound, source) : ErrorRecords.From(e, source));
                return null;
            }
        }
    }
}
