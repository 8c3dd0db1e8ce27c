using System;
using System.IO;
using System.Management.Automation;
using GptImage.Orchestration;

namespace GptImage.Commands
{
    /// <summary>
    /// <para type="synopsis">Writes New-GptImage / Edit-GptImage results to image files and appends a manifest row per image.</para>
    /// <para type="description">Files go under -DestinationPath by -Layout and the -FileName template; every write is
    /// atomic (temporary file, then rename). An existing file with other content is an error unless -Force.
    /// The manifest (.csv or .jsonl) gets the prompt, model, options, tokens, cost, SHA-256, path, the source row's
    /// fields, status and error of each result, and a total row at the end.</para>
    /// </summary>
    [Cmdlet(VerbsData.Export, "GptImageBatch", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(GptImageResult))]
    public sealed class ExportGptImageBatchCommand : PSCmdlet
    {
        private ExportOptions? _options;
        private ExportWriter? _writer;

        /// <summary>A result from New-GptImage or Edit-GptImage.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        public GptImageResult? InputObject { get; set; }

        /// <summary>The root folder (created when missing).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string DestinationPath { get; set; } = string.Empty;

        /// <summary>File name template, for example '{Sku}-{Index}': source columns and result fields ({Index}, {Model}, {Quality}, {Hash}, ...).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? FileName { get; set; }

        /// <summary>Sub-folders: Flat (none), ByQuality, ByModel or ByDate (yyyy-MM-dd).</summary>
        [Parameter]
        [ValidateSet(ParameterValues.LayoutFlat, ParameterValues.LayoutByQuality, ParameterValues.LayoutByModel, ParameterValues.LayoutByDate, IgnoreCase = true)]
        public string Layout { get; set; } = ParameterValues.LayoutFlat;

        /// <summary>A .csv or .jsonl manifest to append to.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ManifestPath { get; set; }

        /// <summary>Never replace a file (also the default; states it explicitly). Cannot be combined with -Force.</summary>
        [Parameter]
        public SwitchParameter NoClobber { get; set; }

        /// <summary>Replace existing files.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Write each result, with its Path set, to the pipeline.</summary>
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
