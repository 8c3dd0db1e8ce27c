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
    [OutputType(typeof(GptImageResult), typeof(GptImageJob))]
    public sealed class EditGptImageCommand : ImageBatchCmdlet
    {
        private const string PathSet = EditRequestInput.PathSet;
        private const string LiteralPathSet = EditRequestInput.LiteralPathSet;

        /// <summary>Input images; wildcards allowed. All matches go into one request (at most 16).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = Array.Empty<string>();

        /// <summary>Input images taken literally (no wildcards). Get-ChildItem output binds here by PSPath.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "FullName")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = Array.Empty<string>();

        /// <summary>What to change.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Description", "Text")]
        [ValidateNotNullOrEmpty]
        public string Prompt { get; set; } = string.Empty;

        /// <summary>PNG whose fully transparent pixels mark the area to edit; same size as the first image.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull, AllowEmptyString]
        public string? MaskPath { get; set; }

        /// <summary>How closely the output keeps the input's details (faces, logos): low or high. Not every model takes it.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateOptionalSet(ParameterValues.FidelityLow, ParameterValues.FidelityHigh)]
        [ArgumentCompleter(typeof(OptionalSetCompleter))]
        public string? InputFidelity { get; set; }

        /// <summary>
        /// The pipeline record itself (a FileInfo, a New-GptImage result, a CSV row), kept for -FileName fields and
        /// as each error's TargetObject. Compiled cmdlets do not see $_, so it binds alongside -Path/-LiteralPath.
        /// </summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        internal override string ProgressActivity => "Editing images";

        // Whether -Path/-LiteralPath were typed (only command-line values are bound when BeginProcessing runs).
        private bool _pathsTyped;

        protected override void BeginProcessing()
        {
            _pathsTyped = MyInvocation.BoundParameters.ContainsKey(nameof(Path)) || MyInvocation.BoundParameters.ContainsKey(nameof(LiteralPath));
            ThrowIfAdditionalFieldsInvalid();
        }

        protected override void ProcessRecord()
        {
            int row = NextRowNumber();
            object? source = CurrentPipelineObject();
            var fields = SourceFieldReader.Read(source);
            var request = new ImageEditRequest();
            try
            {
                ApplyRequestOptions(request);
                ApplyStreamingOptions(request);
                request.Prompt = Prompt;
                request.InputFidelity = ParameterValues.NullIfEmpty(InputFidelity)?.ToLowerInvariant();
                foreach (string image in ResolveImages()) request.Images.Add(image);
                if (!string.IsNullOrWhiteSpace(MaskPath)) request.MaskPath = FileSystemPaths.ResolveLiteral(this, MaskPath!);
                // Checks the images and the mask (format, size, alpha, dimensions against the first image, its pixels) before any upload.
                foreach (string warning in Preflight.Check(request, DateTime.UtcNow)) WarnOnce(warning);
            }
            catch (Exception e) when (e is GptImageValidationException || e is GptImageImageException || e is PSArgumentException)
            {
                WriteRowError(ErrorRecords.From(e, source));
                return;
            }
            catch (Exception e) when (FileSystemPaths.IsResolutionError(e))
            {
                // No file matches -Path, the drive does not exist, or the pattern is malformed.
                WriteRowError(new ErrorRecord(e, "GptImage.ImageNotFound", ErrorCategory.ObjectNotFound, source));
                return;
            }

            CostEstimate estimate = CostEstimator.Estimate(request);
            if (!ShouldProcess(DescribeTarget(request), RequestDescription.Action("Edit", request, estimate))) return;

            Dispatch(new ImageJob(request) { RowNumber = row, Source = source, SourceFields = fields, PreflightDone = true });
        }

        private IEnumerable<string> ResolveImages()
        {
            // A piped file reaches -Path through its ToString(): the binder latches on to the default Path set before
            // PSPath could bind -LiteralPath, and Windows PowerShell's FileInfo.ToString() can be the bare name. The
            // file's own full path is the image, taken literally (names like 'shot[1].png' are not patterns).
            if (!_pathsTyped && PipedFile.PathOf(InputObject?.BaseObject) is string piped)
            {
                yield return piped;
                yield break;
            }
            if (ParameterSetName == LiteralPathSet)
            {
                foreach (string path in LiteralPath) yield return FileSystemPaths.ResolveLiteral(this, path);
                yield break;
            }
            foreach (string pattern in Path)
                foreach (string path in FileSystemPaths.ResolveWildcards(this, pattern))
                    yield return path;
        }

        /// <summary>The record as it came down the pipeline, else the paths typed.</summary>
        private object CurrentPipelineObject() =>
            InputObject ?? (ParameterSetName == LiteralPathSet ? (object)LiteralPath : Path);
    }
}
