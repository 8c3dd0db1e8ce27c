using System;
using System.Management.Automation;
using GptImage.BatchApi;

namespace GptImage.Commands
{
    /// <summary>
    /// <para type="synopsis">Cancels Batch API batches (POST /batches/{id}/cancel).</para>
    /// <para type="description">The batch goes to cancelling, then cancelled; requests already finished stay in its output
    /// file and are billed. Receive-GptImageBatchJob then gets those rows, and reports the others as not run.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "GptImageBatchJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
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
