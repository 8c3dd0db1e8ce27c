using System;
using System.Management.Automation;
using GptImage.BatchApi;

namespace GptImage.Commands
{
    /// <summary>Cancels Batch API batches.</summary>
    /// <remarks>
    /// <para>The batch goes to cancelling, then cancelled. Requests already finished stay in its output and are billed;
    /// Receive-GptImageBatchJob then gets those rows and reports the others as not run (GptImage.BatchRowNotRun).</para>
    /// <para>ConfirmImpact is High: it asks before each batch unless -Confirm:$false.</para>
    /// </remarks>
    /// <example>
    /// <code>$batch = 'a kite', 'a boat' | Submit-GptImageBatchJob -Quality low
    /// Stop-GptImageBatchJob -Id $batch.Id -Confirm:$false</code>
    /// <para>Cancels a batch without asking.</para>
    /// </example>
    /// <example>
    /// <code>Get-GptImageBatchJob | Where-Object Status -eq 'in_progress' | Stop-GptImageBatchJob -Confirm:$false</code>
    /// <para>Cancels every batch recorded on this machine that is still running.</para>
    /// </example>
    /// <returns>The batch after the cancel request (Status cancelling or cancelled).</returns>
    [Cmdlet(VerbsLifecycle.Stop, "GptImageBatchJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High,
        HelpUri = HelpLinks.Readme + "stop-gptimagebatchjob")]
    [OutputType(typeof(GptImageBatchJob))]
    public sealed class StopGptImageBatchJobCommand : GptImageBatchJobCmdlet
    {
        /// <summary>Batch id (batch_...): typed, piped as text, or from a Submit-/Get-GptImageBatchJob object's Id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("BatchId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(BatchIdCompleter))]
        public string[] Id { get; set; } = Array.Empty<string>();

        protected override void ProcessRecord()
        {
            foreach (string id in Id)
            {
                if (!ShouldProcess(id, "Cancel the batch")) continue;
                try
                {
                    BatchInfo info = Support.Wait(new BatchApiClient(Client).CancelBatchAsync(id, StopToken));
                    BatchRecord? record = Store.Load(id);
                    if (record != null)
                    {
                        GptImageBatchJob batch = GptImageBatchJob.From(record, Store.PathFor(id), info);
                        Store.Save(record);
                        WriteObject(batch);
                    }
                    else WriteObject(GptImageBatchJob.From(info));
                }
                catch (GptImageApiException e)
                {
                    WriteError(ErrorRecords.From(e, id));
                }
            }
        }
    }
}
