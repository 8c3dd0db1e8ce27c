using System;
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
    /// <returns>With -PassThru, each result with its Path set to the file written; otherwise nothing.</returns>
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
            // Before the first record: -Force -NoClobber is a typing mistake, not a per-row failure.
            try { ExportWriter.ThrowIfSwitchesConflict(_options); }
            catch (GptImageValidationException e) { ThrowTerminatingError(ErrorRecords.From(e, null)); }
        }

        protected override void ProcessRecord()
        {
            GptImageResult result = InputObject!;
            string target = $"row {result.RowNumber} image {result.Index} ({result.Status}): '{Shorten(result.Prompt)}'";
            if (!ShouldProcess(target, "Export to " + _options!.DestinationPath)) return;
            // Created on the first record that is really written: -WhatIf creates no folder and no manifest.
            _writer ??= CreateWriter(_options);
            try
            {
                GptImageResult written = _writer.Write(result);
                if (PassThru.IsPresent) WriteObject(written);
            }
            catch (Exception e) when (e is GptImageBatchException || e is GptImageApiException || e is GptImageValidationException || e is IOException || e is UnauthorizedAccessException)
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

        private static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "...";

        protected override void EndProcessing()
        {
            if (_writer is null) return;
            WriteVerbose("Export totals: " + _writer.Complete());
        }
    }
}
