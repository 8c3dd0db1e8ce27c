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

        /// <summary>Input images (png, jpeg or webp); wildcards allowed. All matches go into one request, at most 16. Without it, each piped file, piped path, New-GptImage result or row's Path column is an image.</summary>
        [Parameter(Position = 0, ParameterSetName = PathSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = Array.Empty<string>();

        /// <summary>Input images taken literally: no character is a wildcard. A row's LiteralPath, PSPath or FullName column does the same per row.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
        [Alias("PSPath", "FullName")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = Array.Empty<string>();

        /// <summary>What to change, in words. Not typed, the piped row's Prompt, Description or Text column.</summary>
        [Parameter]
        [Alias("Description", "Text")]
        [ValidateNotNullOrEmpty]
        public string Prompt { get; set; } = string.Empty;

        /// <summary>A PNG with an alpha channel whose fully transparent pixels mark the area to edit; the same size as the first image. Default: none (the whole image may change). Not typed, a piped row's MaskPath column sets it per row.</summary>
        [Parameter]
        [AllowNull, AllowEmptyString]
        public string? MaskPath { get; set; }

        /// <summary>How closely the output keeps the input's details (faces, logos): low or high. Only some models take it (not gpt-image-2); the error says which. Default: the API's. Not typed, a piped row's InputFidelity column sets it per row.</summary>
        [Parameter]
        [ValidateOptionalSet(ParameterValues.FidelityLow, ParameterValues.FidelityHigh)]
        [ArgumentCompleter(typeof(OptionalSetCompleter))]
        public string? InputFidelity { get; set; }

        /// <summary>Upload the images with their EXIF (GPS position, camera), XMP, ICC profile and comments. By default these are removed before upload, after turning the pixels upright by the EXIF orientation.</summary>
        [Parameter]
        public SwitchParameter KeepMetadata { get; set; }

        /// <summary>Refuse images over the model's limits (50 MB, or more pixels than the model makes: 8.3 megapixels on gpt-image-2) instead of resizing them to fit with a warning, which is the default.</summary>
        [Parameter]
        public SwitchParameter NoResize { get; set; }

        /// <summary>When the first image is resized to fit, resize the mask with it. Without this switch such an edit with a mask is refused, as the mask would no longer match.</summary>
        [Parameter]
        public SwitchParameter ResizeMask { get; set; }

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
                KeepMetadata = KeepMetadata.IsPresent,
                NoResize = NoResize.IsPresent,
                ResizeMask = ResizeMask.IsPresent,
            };
            PipelineRecord record = PipelineRecord.Read(InputObject);
            // The record as it came down the pipeline, else the paths typed.
            object? source = record.Source ?? (ParameterSetName == LiteralPathSet ? (object)LiteralPath : Path);
            // Checks the images and the mask (format, size, alpha, dimensions against the first image, its pixels) before any upload.
            ImageGenerationRequest? request = TryBuildBatchRow(row, record, _inputs, source);
            if (request is null) return;

            CostEstimate estimate = CostEstimator.Estimate(request);
            if (!ShouldProcess(DescribeTarget(request), RequestDescription.Action("Edit", request, estimate))) return;

            var fields = record.Fields.Count == 0 && request is ImageEditRequest edit ? InputFilesAsFields(edit) : record.Fields;
            Dispatch(new ImageJob(request) { RowNumber = row, Source = source, SourceFields = fields, PreflightDone = true });
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
    }
}
