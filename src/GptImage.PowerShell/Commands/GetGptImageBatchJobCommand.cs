using System;
using System.Management.Automation;
using GptImage.BatchApi;

namespace GptImage.Commands
{
    /// <summary>Shows the status and request counts of Batch API batches submitted with Submit-GptImageBatchJob.</summary>
    /// <remarks>
    /// <para>With -Id, asks the API for each batch's status; without it, lists the batches recorded on this machine,
    /// refreshing the ones not yet finished. -Wait polls every -PollIntervalSec seconds until each batch is completed,
    /// failed, expired or cancelled, with a progress bar of the requests done.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-GptImageBatchJob</code>
    /// <para>Every batch recorded on this machine, the unfinished ones refreshed from the API.</para>
    /// </example>
    /// <example>
    /// <code>$batch = 'a kite', 'a boat' | Submit-GptImageBatchJob -Quality low
    /// $batch | Get-GptImageBatchJob -Wait -PollIntervalSec 5</code>
    /// <para>Submits a small batch and waits for it to finish, showing progress.</para>
    /// </example>
    /// <returns>A GptImageBatchJob per batch: Id, Status, Total, Completed, Failed and the rest of its record.</returns>
    [Cmdlet(VerbsCommon.Get, "GptImageBatchJob", HelpUri = HelpLinks.Readme + "get-gptimagebatchjob")]
    [OutputType(typeof(GptImageBatchJob))]
    public sealed class GetGptImageBatchJobCommand : GptImageBatchJobCmdlet
    {

        /// <summary>Batch id (batch_...): typed, piped as text, or from a Submit-GptImageBatchJob object's Id. Without it: every batch recorded here.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("BatchId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(BatchIdCompleter))]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary>Poll until each batch is completed, failed, expired or cancelled.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>Seconds between polls with -Wait, 1 to 3600. Default: 30.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int PollIntervalSec { get; set; } = 30;

        protected override void ProcessRecord()
        {
            if (Id.Length == 0)
            {
                foreach (BatchRecord record in Store.List())
                {
                    if (record.Status != null && BatchInfo.IsFinishedStatus(record.Status) && !Wait) WriteObject(GptImageBatchJob.From(record, Store.PathFor(record.BatchId)));
                    else Show(record.BatchId);
                }
                return;
            }
            foreach (string id in Id) Show(id);
        }

        /// <summary>Writes the batch now (or, with -Wait, once finished), updating the local record; an unknown id is a per-id error.</summary>
        private void Show(string id)
        {
            BatchInfo info;
            try
            {
                info = Support.Poll(id, Wait, PollIntervalSec, Client, Store.Load(id)?.Rows.Count ?? 0);
            }
            catch (GptImageApiException e)
            {
                WriteError(ErrorRecords.From(e, id));
                return;
            }
            BatchRecord? record = Store.Load(id);
            if (record is null)
            {
                WriteObject(GptImageBatchJob.From(info));
                return;
            }
            GptImageBatchJob batch = GptImageBatchJob.From(record, Store.PathFor(id), info);
            Store.Save(record);
            WriteObject(batch);
        }
    }
}
