using System;
using System.Collections.Generic;
using System.Management.Automation;
using GptImage.Orchestration;

namespace GptImage.Commands
{
    /// <summary>
    /// <para type="synopsis">Edits images (up to 16 per request) with a prompt, optionally inside a mask.</para>
    /// <para type="description">Each pipeline record is one edit request. `Get-ChildItem *.png | Edit-GptImage -Prompt ...`
    /// edits each file; New-GptImage results pipe in by their Path. The mask is checked against the first image
    /// before anything is uploaded.</para>
    /// </summary>
    [Cmdlet(VerbsData.Edit, "GptImage", DefaultParameterSetName = PathSet,
        SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(GptImageResult))]
    public sealed class EditGptImageCommand : ImageBatchCmdlet
    {
        private const string PathSet = EditRequestInput.PathSet;
        private const string LiteralPathSet = EditRequestInput.LiteralPathSet;

        /// <summary>Input images; wildcards allowed. All matches go into one request (at most 16). Without it, each piped file, piped path or row's Path column is an image.</summary>
        [Parameter(Position = 0, ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = Array.Empty<string>();

        /// <summary>Input images taken literally (no wildcards). A row's LiteralPath, PSPath or FullName column does the same per row.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
        [Alias("PSPath", "FullName")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = Array.Empty<string>();

        /// <summary>What to change. Without it, the piped row's Prompt, Description or Text column.</summary>
        [Parameter]
        [Alias("Description", "Text")]
        [ValidateNotNullOrEmpty]
        public string Prompt { get; set; } = string.Empty;

        /// <summary>PNG whose fully transparent pixels mark the area to edit; same size as the first image. A row's MaskPath column sets it per row.</summary>
        [Parameter]
        [AllowNull, AllowEmptyString]
        public string? MaskPath { get; set; }

        /// <summary>How closely the output keeps the input's details (faces, logos): low or high. Not every model takes it. A row's InputFidelity column sets it per row.</summary>
        [Parameter]
        [ValidateOptionalSet(ParameterValues.FidelityLow, ParameterValues.FidelityHigh)]
        [ArgumentCompleter(typeof(OptionalSetCompleter))]
        public string? InputFidelity { get; set; }

        /// <summary>
        /// The pipeline record: a file (Get-ChildItem, Get-Item), a path string, a New-GptImage result (its Path) or a
        /// row with a Path column; kept for -FileName fields and as each error's TargetObject.
        /// </summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        [AllowNull]
        public PSObject? InputObject { get; set; }

        internal override string ProgressActivity => "Editing images";

        private RowInputs? _inputs;

        protected override void ProcessRecord()
        {
            int row = NextRowNumber();
            _inputs ??= new RowInputs
            {
                Accepts = RowKinds.Edit,
                PipedTextIsPath = true,
                Paths = ParameterSetName == LiteralPathSet ? LiteralPath : MyInvocation.BoundParameters.ContainsKey(nameof(Path)) ? Path : null,
                PathsAreLiteral = ParameterSetName == LiteralPathSet,
                Prompt = MyInvocation.BoundParameters.ContainsKey(nameof(Prompt)) ? Prompt : null,
                MaskPath = MaskPath,
                InputFidelity = InputFidelity,
            };
            PipelineRecord record = PipelineRecord.Read(InputObject);
            // The record as it came down the pipeline, else the paths typed.
            object? source = record.Source ?? (ParameterSetName == LiteralPathSet ? (object)LiteralPath : Path);
            // Checks the images and the mask (format, size, alpha, dimensions against the first image, its pixels) before any upload.
            ImageGenerationRequest? request = TryBuildBatchRow(row, record, _inputs, source);
            if (request is null) return;

            CostEstimate estimate = CostEstimator.Estimate(request);
            if (!ShouldProcess(RequestDescription.Target(request), RequestDescription.Action("Edit", request, estimate))) return;

            Run.Submit(new ImageJob(request) { RowNumber = row, Source = source, SourceFields = record.Fields, PreflightDone = true });
        }
    }
}
