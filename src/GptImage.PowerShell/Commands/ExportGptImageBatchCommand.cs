using System;
using System.Collections;
using System.IO;
using System.Management.Automation;
using GptImage.Orchestration;

namespace GptImage.Commands
{
    /// <summary>Writes the results of New-GptImage, Edit-GptImage or Receive-GptImageBatchJob to image files and a manifest.</summary>
    /// <remarks>
    /// <para>Files go under -DestinationPath, into sub-folders by -Layout, named by the -FileName template. Every write is
    /// atomic (a temporary file, then a rename), so an interrupted run leaves no half-written image. An existing file
    /// with other content is that row's GptImage.FileExists error unless -Force; a file with the same content is left
    /// as it is.</para>
    /// <para>The manifest (-ManifestPath, .csv or .jsonl) is the run's ledger: a row per result, Failed and NotRun ones
    /// included, ordered by row and image, with the prompt, model, options, tokens, cost, SHA-256, path, the source row's
    /// columns as Source.Column, the status and the error id. It is written atomically when the run ends and replaces the
    /// previous run's; it has no totals row, so summing CostUsd gives the run's cost, and the totals go to
    /// &lt;name&gt;.summary.json beside it (Get-Help about_GptImage).</para>
    /// <para>Tiered storage: -Tier maps tier names to settings (Format png, jpeg or webp; Quality 1-100 for the tier's JPEG
    /// and WebP files; ThumbnailWidth 16-4096; ThumbnailFormat), and -TierBy says what names an image's tier: Quality (the
    /// default), Model, or a column of the source row. The tier '*' takes every other value. An image already in its tier's
    /// format (a PNG master of a PNG, or a JPEG/WebP at the quality asked) is written byte for byte, so its SHA-256 stays
    /// the API's; any other is decoded once and encoded anew without metadata. A thumbnail (Lanczos-3, aspect kept, never
    /// wider than the image) is written beside its image as &lt;name&gt;.thumb-&lt;width&gt;.&lt;ext&gt;. The whole table is
    /// checked before anything is written; a row whose tier cannot be told (its -TierBy column is missing, or its value has
    /// no tier and there is no '*') is that row's GptImage.TierNotFound error and the others go on. Every file, thumbnails
    /// included, follows the rules above (atomic, never replaced without -Force), and -WhatIf names each one. In the
    /// manifest, Format, Compression, Sha256, Path, Width, Height and FileBytes describe the file written, Tier names its
    /// tier, and a run with thumbnails adds Thumbnail.Path, Thumbnail.Format, Thumbnail.Width, Thumbnail.Height,
    /// Thumbnail.FileBytes and Thumbnail.Sha256 (JSON Lines: a Thumbnail object).</para>
    /// </remarks>
    /// <example>
    /// <code>Import-Csv ./products.csv | New-GptImage | Export-GptImageBatch -DestinationPath ./assets -FileName '{Sku}-{Index}' -ManifestPath ./assets/manifest.csv</code>
    /// <para>Generates an image per CSV row and writes them as ./assets/MUG-001-0.png and so on, with a CSV manifest.</para>
    /// </example>
    /// <example>
    /// <code>Import-Csv ./products.csv | New-GptImage | Export-GptImageBatch -DestinationPath ./assets -Layout ByQuality</code>
    /// <para>Sorts the files into sub-folders by quality: ./assets/low, ./assets/medium.</para>
    /// </example>
    /// <example>
    /// <code>$results = 'a kite', 'a boat' | New-GptImage -Quality low
    /// $results | Export-GptImageBatch -DestinationPath ./assets -ManifestPath ./assets/manifest.jsonl -PassThru |
    ///     Where-Object Status -ne 'Succeeded'</code>
    /// <para>Exports results kept in a variable, writes a JSON Lines manifest and, with -PassThru, lists the images that
    /// did not succeed.</para>
    /// </example>
    /// <example>
    /// <code>Import-Csv ./products.csv | New-GptImage -Quality low | Export-GptImageBatch -DestinationPath ./assets -Force</code>
    /// <para>Replaces files of an earlier run that have other content.</para>
    /// </example>
    /// <example>
    /// <code>$tiers = @{
    ///     high   = @{ Format = 'png' }
    ///     medium = @{ Format = 'webp'; Quality = 85 }
    ///     '*'    = @{ Format = 'webp'; Quality = 70; ThumbnailWidth = 256 }
    /// }
    /// Import-Csv ./catalog.csv | New-GptImage |
    ///     Export-GptImageBatch -DestinationPath ./catalog -FileName '{Sku}' -TierBy Quality -Tier $tiers -ManifestPath ./catalog/manifest.csv</code>
    /// <para>catalog.csv has a Quality column (high, medium, low). Keeps the high-quality image as a lossless PNG master
    /// (./catalog/MUG-001.png, the API's bytes), writes the medium one as WebP at quality 85 and every other one as WebP at
    /// quality 70 with a 256-pixel-wide thumbnail beside it (./catalog/BAG-203.thumb-256.webp); the manifest records each
    /// file with its format, pixel size, bytes and SHA-256.</para>
    /// </example>
    /// <example>
    /// <code>Import-Csv ./products.csv | New-GptImage -Quality low | Export-GptImageBatch -DestinationPath ./assets -ThumbnailWidth 128 -WhatIf</code>
    /// <para>Shows every image and 128-pixel thumbnail it would write, and writes nothing.</para>
    /// </example>
    /// <returns>With -PassThru, each result with its Path set to the file written (and Tier, Width, Height, ThumbnailPath); otherwise nothing.</returns>
    [Cmdlet(VerbsData.Export, "GptImageBatch", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        HelpUri = HelpLinks.Readme + "export-gptimagebatch")]
    [OutputType(typeof(GptImageResult))]
    public sealed class ExportGptImageBatchCommand : PSCmdlet
    {
        private ExportOptions? _options;
        private ExportWriter? _writer;

        /// <summary>A result of New-GptImage, Edit-GptImage or Receive-GptImageBatchJob, usually piped.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        public GptImageResult? InputObject { get; set; }

        /// <summary>The folder to write the images into; created when missing.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string DestinationPath { get; set; } = string.Empty;

        /// <summary>File name template, for example '{Sku}-{Index}': the source row's columns and the result's fields ({Row}, {Index}, {Model}, {Quality}, {Size}, {Format}, {Hash}, {Date}; Get-Help about_GptImage_FileNames). Default: 'image-{Row}-{Index}-{Hash}'.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? FileName { get; set; }

        /// <summary>Sub-folders: Flat (none), ByQuality, ByModel or ByDate (yyyy-MM-dd). Default: Flat.</summary>
        [Parameter]
        [ValidateSet(ParameterValues.LayoutFlat, ParameterValues.LayoutByQuality, ParameterValues.LayoutByModel, ParameterValues.LayoutByDate, IgnoreCase = true)]
        public string Layout { get; set; } = ParameterValues.LayoutFlat;

        /// <summary>The manifest file, .csv or .jsonl: the ledger of this run, a row per result (Failed and NotRun included) with its prompt, options, tokens, cost, hash, path, Source.Column columns, status and error, replacing the previous run's; the totals go to &lt;name&gt;.summary.json beside it. Default: none.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ManifestPath { get; set; }

        /// <summary>Never replace a file (also the default; states it explicitly). Cannot be combined with -Force.</summary>
        [Parameter]
        public SwitchParameter NoClobber { get; set; }

        /// <summary>Replace existing files that have other content. Cannot be combined with -NoClobber.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Write each result, with its Path set to the written file, to the pipeline. Default: nothing is written to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Tiers: a hashtable of tier name -> settings, for example @{ high = @{ Format = 'png' }; '*' = @{ Format = 'webp'; Quality = 80; ThumbnailWidth = 256 } }. Settings: Format (png, jpeg or webp; default: the format the image came in), Quality (1 to 100, for the tier's JPEG and WebP files; default 90), ThumbnailWidth (16 to 4096 pixels; default -ThumbnailWidth), ThumbnailFormat (png, jpeg or webp; default the master's). The tier '*' takes every value without a tier of its own; without it such an image is its row's GptImage.TierNotFound error. Names ignore case. Default: none (every image is written as it came).</summary>
        [Parameter]
        [ValidateNotNull]
        public IDictionary? Tier { get; set; }

        /// <summary>What picks an image's tier in -Tier: Quality (low, medium, high, auto), Model, or the name of a column of the source row (an Import-Csv column such as Tier). Default: Quality.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TierByCompleter))]
        public string? TierBy { get; set; }

        /// <summary>Writes a thumbnail of this width in pixels (16 to 4096, aspect kept, Lanczos-3) beside every image, named &lt;name&gt;.thumb-&lt;width&gt;.&lt;ext&gt;, in the image's format; a tier's own ThumbnailWidth wins. An image narrower than the width keeps its size. Default: no thumbnails.</summary>
        [Parameter]
        [ValidateRange(TierLimits.MinThumbnailWidth, TierLimits.MaxThumbnailWidth)]
        public int? ThumbnailWidth { get; set; }

        protected override void BeginProcessing()
        {
            _options = new ExportOptions
            {
                DestinationPath = FileSystemPaths.ResolveLiteral(this, DestinationPath),
                FileNameTemplate = FileName,
                Layout = (FileLayout)Enum.Parse(typeof(FileLayout), Layout, ignoreCase: true),
                ManifestPath = ManifestPath is null ? null : FileSystemPaths.ResolveLiteral(this, ManifestPath),
                NoClobber = NoClobber.IsPresent,
                Force = Force.IsPresent,
            };
            // Before the first record: -Force -NoClobber or a bad -Tier table is a typing mistake, not a per-row failure.
            try
            {
                ExportWriter.ThrowIfSwitchesConflict(_options);
                _options.Tiers = TierRules.Create(TierBy, TierTableInput.Unwrap(Tier), ThumbnailWidth);
            }
            catch (GptImageValidationException e) { ThrowTerminatingError(ErrorRecords.From(e, null)); }
        }

        protected override void ProcessRecord()
        {
            GptImageResult result = InputObject!;
            string target = $"row {result.RowNumber} image {result.Index} ({result.Status}): '{Shorten(result.Prompt)}'";
            string? action;
            try
            {
                action = Describe(result, _options!);
            }
            catch (GptImageValidationException e)
            {
                WriteError(ErrorRecords.From(e, result.Source ?? result));
                return;
            }
            if (!ShouldProcess(target, action)) return;
            // Created on the first record that is really written: -WhatIf creates no folder and no manifest.
            _writer ??= CreateWriter(_options!);
            try
            {
                GptImageResult written = _writer.Write(result);
                if (PassThru.IsPresent) WriteObject(written);
            }
            catch (Exception e) when (e is GptImageBatchException || e is GptImageApiException || e is GptImageValidationException || e is GptImageImageException || e is IOException || e is UnauthorizedAccessException)
            {
                WriteError(ErrorRecords.From(e, result.Source ?? result));
            }
        }

        private ExportWriter CreateWriter(ExportOptions options)
        {
            try
            {
                return new ExportWriter(options);
            }
            catch (Exception e) when (e is GptImageValidationException || e is GptImageBatchException || e is IOException || e is UnauthorizedAccessException)
            {
                // Conflicting switches, a bad template or an unwritable folder: no result could be exported.
                ThrowTerminatingError(ErrorRecords.From(e, DestinationPath));
                throw; // not reached
            }
        }

        /// <summary>
        /// What -WhatIf and -Confirm say: every file the result would be written to, with its tier and encoding.
        /// Throws the row's GptImageValidationException when its tier or file name cannot be told.
        /// </summary>
        private static string Describe(GptImageResult result, ExportOptions options)
        {
            bool hasImage = result.Status == GptImageResult.StatusSucceeded || result.Status == GptImageResult.StatusCached;
            if (!hasImage) return "Record in the manifest (no image to write)";
            GptImageResult named = result.Copy();
            if (named.Sha256 is null && named.Bytes != null) named.Sha256 = AtomicFile.Sha256Hex(named.Bytes);
            ExportPlan plan = ExportPlanner.Plan(named, options);
            string tier = plan.Tier is null ? string.Empty : $"tier '{plan.Tier}': ";
            string master = plan.Reencode ? $"{plan.Format}{(plan.Quality is int q ? " quality " + q : string.Empty)}, encoded anew" : $"{plan.Format} as it came";
            string text = $"Write {plan.Path} ({tier}{master})";
            if (plan.ThumbnailPath != null)
                text += $" and {plan.ThumbnailPath} ({plan.ThumbnailWidth} px wide, {plan.ThumbnailFormat}{(plan.ThumbnailQuality is int t ? " quality " + t : string.Empty)})";
            return text;
        }

        private static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "...";

        protected override void EndProcessing()
        {
            if (_writer is null) return;
            WriteVerbose("Export totals: " + _writer.Complete());
        }
    }
}
