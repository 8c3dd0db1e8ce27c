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

        private RowInputs? _inputs;

        /// <summary>The text describing the image (or, with -Path, the change to make). Without it, a piped string or the piped row's Prompt, Description or Text column.</summary>
        [Parameter(Position = 0, ParameterSetName = PromptInput.PromptSet)]
        [Parameter(ParameterSetName = PathSet)]
        [Parameter(ParameterSetName = LiteralPathSet)]
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

        /// <summary>
        /// The pipeline record: a prompt string, a row (an Import-Csv row: its columns give the prompt, per-row options
        /// and, with a Path column, the image of an edit), or a file (Get-ChildItem), which is an edit of that file.
        /// </summary>
        // In every set and mandatory in none: a set with a mandatory pipeline parameter would win PowerShell's choice of set for every piped record.
        [Parameter(ValueFromPipeline = true)]
        [AllowNull]
        public PSObject? InputObject { get; set; }

        /// <summary>Input images of an edit; wildcards allowed. All matches go into one request, at most 16.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = Array.Empty<string>();

        /// <summary>Input images of an edit, taken literally: no character is a wildcard. A piped file, or a row's Path or LiteralPath column, does the same per record.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
        [Alias("PSPath", "FullName")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = Array.Empty<string>();

        /// <summary>PNG mask of an edit (transparent = area to edit); same size as the first image, checked as Edit-GptImage checks it. A row's MaskPath column sets it per row.</summary>
        [Parameter(ParameterSetName = PathSet)]
        [Parameter(ParameterSetName = LiteralPathSet)]
        [AllowNull, AllowEmptyString]
        public string? MaskPath { get; set; }

        /// <summary>For edits, how closely the output keeps the input's details: low or high. Only some models take it (not gpt-image-2). Default: the API's. Not typed, a piped row's InputFidelity column sets it per row.</summary>
        [Parameter(ParameterSetName = PathSet)]
        [Parameter(ParameterSetName = LiteralPathSet)]
        [ValidateOptionalSet(ParameterValues.FidelityLow, ParameterValues.FidelityHigh)]
        [ArgumentCompleter(typeof(OptionalSetCompleter))]
        public string? InputFidelity { get; set; }

        /// <summary>Upload the images of edits with their EXIF (GPS position, camera), XMP, ICC profile and comments. By default these are removed before upload, after turning the pixels upright by the EXIF orientation.</summary>
        [Parameter]
        public SwitchParameter KeepMetadata { get; set; }

        /// <summary>Refuse images over the model's limits (50 MB, or more pixels than the model makes: 8.3 megapixels on gpt-image-2) instead of resizing them to fit with a warning, which is the default.</summary>
        [Parameter]
        public SwitchParameter NoResize { get; set; }

        /// <summary>When an edit's first image is resized to fit, resize the mask with it. Without this switch such an edit with a mask is refused, as the mask would no longer match.</summary>
        [Parameter]
        public SwitchParameter ResizeMask { get; set; }

        /// <summary>Decides what -Template names (a library template or a literal text) before the first record; a bad one stops the run.</summary>
        protected override void BeginProcessing()
        {
            _template = PromptInput.SelectTemplate(this, ParameterSetName, Template, TemplatePath);
        }

        /// <summary>
        /// The current record's checked request, generation or edit by the one rule of <see cref="RowRequestBuilder"/>;
        /// <paramref name="source"/> and <paramref name="fields"/> describe the record for the output. Null after the
        /// record's error has been written: one bad row must not stop the rows after it.
        /// </summary>
        internal ImageGenerationRequest? TryBuildRowRequest(int row, out object? source, out IReadOnlyDictionary<string, string?> fields)
        {
            _inputs ??= new RowInputs
            {
                Accepts = RowKinds.Either,
                Template = _template,
                Prompt = MyInvocation.BoundParameters.ContainsKey(nameof(Prompt)) ? Prompt : null,
                Paths = ParameterSetName == LiteralPathSet ? LiteralPath : ParameterSetName == PathSet ? Path : null,
                PathsAreLiteral = ParameterSetName == LiteralPathSet,
                MaskPath = MaskPath,
                InputFidelity = InputFidelity,
                KeepMetadata = KeepMetadata.IsPresent,
                NoResize = NoResize.IsPresent,
                ResizeMask = ResizeMask.IsPresent,
            };
            PipelineRecord record = PipelineRecord.Read(InputObject);
            source = record.Source ?? (ParameterSetName == PathSet ? Path : ParameterSetName == LiteralPathSet ? (object)LiteralPath : Prompt);
            fields = record.Fields;
            return TryBuildRow(row, record, _inputs, source);
        }
    }
}
