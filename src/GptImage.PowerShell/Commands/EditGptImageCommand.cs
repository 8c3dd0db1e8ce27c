using System;
using System.Collections.Generic;
using System.Management.Automation;
using GptImage.Orchestration;

namespace GptImage.Commands
{
    /// <summary>Edits images with a prompt (up to 16 input images per request), optionally only inside a mask.</summary>
    /// <remarks>
    /// <para>Each pipeline record is one edit request. -Path takes wildcards and puts every match into one request (up
    /// to 16 reference images); -LiteralPath takes names as they are. Files piped from Get-ChildItem are edited one
    /// request per file, and New-GptImage results pipe in by their Path. Columns of a piped CSV row named like the
    /// parameters (Path, MaskPath, Prompt, Size, Quality, ...) become that row's values.</para>
    /// <para>The mask is a PNG with an alpha channel, the same size as the first image; its fully transparent pixels
    /// mark the area to change. It is checked against the first image (format, size, alpha) before anything is
    /// uploaded: Test-GptImageMask runs the same check, ConvertTo-GptImageMask makes one.</para>
    /// <para>Output, caching, -MaxCost, -ThrottleLimit and -WhatIf work as for New-GptImage. Edits take no -Moderation,
    /// and -InputFidelity only on the models that accept it.</para>
    /// </remarks>
    /// <example>
    /// <code>Edit-GptImage -Path ./photo.png -MaskPath ./photo.mask.png -Prompt 'Replace the sky with a sunset' -OutputDirectory ./edited</code>
    /// <para>Changes only the area the mask leaves transparent and writes the result to ./edited.</para>
    /// </example>
    /// <example>
    /// <code>Get-ChildItem ./shots/*.png | Edit-GptImage -Prompt 'Put the product on a white background' -OutputDirectory ./white</code>
    /// <para>One edit per file; a file that fails (unreadable, wrong format) is that file's error and the others go on.</para>
    /// </example>
    /// <example>
    /// <code>Edit-GptImage -Path ./refs/*.png -Prompt 'A gift basket with all of these items' -OutputDirectory ./out</code>
    /// <para>Every matching image goes into one request as a reference, and one new image comes back.</para>
    /// </example>
    /// <example>
    /// <code>Edit-GptImage -Path ./team.png -Prompt 'Make it a winter scene' -Model gpt-image-1.5 -InputFidelity high -OutputDirectory ./out</code>
    /// <para>Keeps faces and logos closer to the input, on a model that takes -InputFidelity.</para>
    /// </example>
    /// <example>
    /// <code>New-GptImage 'A small house in a meadow' -Quality low -OutputDirectory ./out |
    ///     Edit-GptImage -Prompt 'Add snow on the roof' -Quality low -OutputDirectory ./out/winter</code>
    /// <para>Generates an image, then edits it: the result binds to -Path by its Path property.</para>
    /// </example>
    /// <example>
    /// <code>$job = Get-ChildItem ./shots/*.png | Edit-GptImage -Prompt 'Put the product on a white background' -Size 1024x1024 -OutputDirectory ./white -AsJob
    /// $job | Wait-Job | Receive-Job</code>
    /// <para>Edits every shot in the background (-AsJob returns a job at once); Receive-Job returns the results and writes any row's error.</para>
    /// </example>
    /// <returns>One result per image, as New-GptImage writes them: Status, Prompt, Model, Size, Quality, Format, Path, Sha256, Usage, CostUsd, RowNumber, SourceFields. With -AsJob: a GptImageJob (Receive-Job returns the results).</returns>
    [Cmdlet(VerbsData.Edit, "GptImage", DefaultParameterSetName = PathSet,
        SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Readme + "edit-gptimage")]
    [OutputType(typeof(GptImageResult), typeof(GptImageJob))]
    public sealed class EditGptImageCommand : ImageBatchCmdlet
    {
        private const string PathSet = EditRequestInput.PathSet;
        private const string LiteralPathSet = EditRequestInput.LiteralPathSet;

        /// <summary>Input images (png, jpeg or webp); wildcards allowed. All matches go into one request, at most 16.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = Array.Empty<string>();

        /// <summary>Input images taken literally: no character is a wildcard. Get-ChildItem output binds here by its PSPath.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "FullName")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = Array.Empty<string>();

        /// <summary>What to change, in words.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Description", "Text")]
        [ValidateNotNullOrEmpty]
        public string Prompt { get; set; } = string.Empty;

        /// <summary>A PNG with an alpha channel whose fully transparent pixels mark the area to edit; the same size as the first image. Default: none (the whole image may change).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull, AllowEmptyString]
        public string? MaskPath { get; set; }

        /// <summary>How closely the output keeps the input's details (faces, logos): low or high. Only some models take it (not gpt-image-2); the error says which. Default: the API's.</summary>
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
                if (fields.Count == 0) fields = InputFilesAsFields(request);
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

        /// <summary>
        /// Paths typed or piped as plain text are no row with columns: the row's one field is then its input
        /// files, named Path like the CSV column that would have bound -Path.
        /// </summary>
        private static IReadOnlyDictionary<string, string?> InputFilesAsFields(ImageEditRequest request)
        {
            var names = new List<string>();
            foreach (var image in request.Images) names.Add(image.ToString());
            return new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase) { ["Path"] = string.Join("; ", names) };
        }

        /// <summary>The record as it came down the pipeline, else the paths typed.</summary>
        private object CurrentPipelineObject() =>
            InputObject ?? (ParameterSetName == LiteralPathSet ? (object)LiteralPath : Path);
    }
}
