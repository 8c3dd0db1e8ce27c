using System;
using System.Management.Automation;
using GptImage.BatchApi;
using GptImage.Orchestration;

namespace GptImage.Commands
{
    /// <summary>Downloads a finished batch and writes the same result objects New-GptImage writes, one per image.</summary>
    /// <remarks>
    /// <para>Each output line is mapped back to its input row (prompt, options, the CSV row's columns), so the results
    /// pipe to Export-GptImageBatch as after New-GptImage. Rows the API refused are non-terminating errors with their id
    /// (GptImage.ModerationBlocked, ...); rows a cancelled or expired batch never ran are GptImage.BatchRowNotRun errors.</para>
    /// <para>It works in a later session too: the batch's record is on disk (-StatePath). Receiving again writes no second
    /// copy of a file already there with the same content. An unfinished batch is a GptImage.BatchNotFinished error
    /// unless -Wait.</para>
    /// </remarks>
    /// <example>
    /// <code>$batch = Import-Csv ./products.csv | Submit-GptImageBatchJob -Quality low
    /// Receive-GptImageBatchJob -Id $batch.Id -Wait -PollIntervalSec 5 -OutputDirectory ./out -FileName '{Sku}-{Index}'</code>
    /// <para>Waits for the batch, then writes each image as ./out/MUG-001-0.png and so on.</para>
    /// </example>
    /// <example>
    /// <code>$batch = 'a kite', 'a boat' | Submit-GptImageBatchJob -Quality low
    /// $batch | Receive-GptImageBatchJob -Wait -PollIntervalSec 5 | Export-GptImageBatch -DestinationPath ./assets -ManifestPath ./assets/manifest.csv</code>
    /// <para>Pipes the received results to Export-GptImageBatch for files and a manifest.</para>
    /// </example>
    /// <example>
    /// <code>$batch = 'a kite' | Submit-GptImageBatchJob -Quality low
    /// Receive-GptImageBatchJob -Id $batch.Id -OutputDirectory ./out -WhatIf</code>
    /// <para>Says which batch it would download (its rows and last known status) and where the images would go; downloads and writes nothing.</para>
    /// </example>
    /// <returns>One result per image, as New-GptImage writes them, mapped back to its input row.</returns>
    [Cmdlet(VerbsCommunications.Receive, "GptImageBatchJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        HelpUri = HelpLinks.Readme + "receive-gptimagebatchjob")]
    [OutputType(typeof(GptImageResult))]
    public sealed class ReceiveGptImageBatchJobCommand : GptImageBatchJobCmdlet
    {
        private const int ProgressActivityId = 0x6772;

        /// <summary>Batch id (batch_...): typed, piped as text, or from a Submit-/Get-GptImageBatchJob object's Id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("BatchId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(BatchIdCompleter))]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary>Folder to write the images into. Without it results carry the bytes (pipe them to Export-GptImageBatch).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? OutputDirectory { get; set; }

        /// <summary>File name template such as '{Sku}-{Index}': the source row's columns and the result's fields (Get-Help about_GptImage_FileNames). Default: 'image-{Row}-{Index}-{Hash}'.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? FileName { get; set; }

        /// <summary>Replace existing files with other content. Files with the same content are never rewritten.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Wait for an unfinished batch instead of reporting GptImage.BatchNotFinished (polls every -PollIntervalSec).</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>Seconds between polls with -Wait, 1 to 3600. Default: 30.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int PollIntervalSec { get; set; } = 30;

        /// <summary>The batch as the local record knows it: -WhatIf asks the API nothing.</summary>
        private static string WhatIfTarget(BatchRecord record) =>
            $"batch {record.BatchId} ({record.Rows.Count} rows, last known status {record.Status ?? "unknown"})";

        private string WhatIfAction(string? outputDirectory) =>
            (Wait ? "Wait until it is finished, then download" : "Download") + " its output and error files"
            + (outputDirectory is null ? " and return the images in the results (no image file is written)" : " and write the images to " + outputDirectory);

        protected override void ProcessRecord()
        {
            foreach (string id in Id)
            {
                BatchRecord? record = LoadRecord(id);
                if (record is null) continue;
                string? outputDirectory = OutputDirectory is null ? null : FileSystemPaths.ResolveLiteral(this, OutputDirectory);
                if (!ShouldProcess(WhatIfTarget(record), WhatIfAction(outputDirectory))) continue;
                var options = new BatchReceiveOptions
                {
                    OutputDirectory = outputDirectory,
                    FileNameTemplate = FileName,
                    Force = Force.IsPresent,
                    Log = Support.Log.Enqueue,
                };
                try
                {
                    if (Wait) Support.Poll(id, wait: true, PollIntervalSec, Client, record.Rows.Count);
                    var rowsDone = new System.Collections.Generic.HashSet<int>();
                    foreach (GptImageResult result in new BatchReceiver(Client, Store).Receive(record, options, StopToken))
                    {
                        Support.FlushLog();
                        if (rowsDone.Add(result.RowNumber))
                            WriteProgress(new ProgressRecord(ProgressActivityId, "Receiving batch " + id, $"Row {rowsDone.Count} of {record.Rows.Count}")
                            {
                                PercentComplete = Math.Min(100, rowsDone.Count * 100 / Math.Max(1, record.Rows.Count)),
                            });
                        if (result.ErrorId is null) WriteObject(result);
                        else WriteError(ErrorRecords.From(new GptImageBatchException(result.ErrorId, result.ErrorMessage ?? result.ErrorId), result.Source));
                    }
                    Support.FlushLog();
                    WriteProgress(new ProgressRecord(ProgressActivityId, "Receiving batch " + id, "Done") { RecordType = ProgressRecordType.Completed });
                }
                catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
                {
                    throw new PipelineStoppedException();
                }
                catch (Exception e) when (e is GptImageApiException || e is GptImageBatchException || e is GptImageValidationException)
                {
                    WriteError(ErrorRecords.From(e, id));
                }
            }
        }
    }
}
