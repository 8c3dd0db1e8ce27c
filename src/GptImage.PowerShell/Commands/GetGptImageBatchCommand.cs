using System;
using System.Management.Automation;
using GptImage.BatchApi;

namespace GptImage.Commands
{
    /// <summary>
    /// <para type="synopsis">Shows the status and request counts of Batch API batches submitted with Submit-GptImageBatch.</para>
    /// <para type="description">With -Id, asks the API for each batch's status; without it, lists the batches recorded on this
    /// machine (refreshing the ones not yet finished). -Wait polls every -PollIntervalSec until each batch is finished,
    /// with a progress bar of the requests done.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "GptImageBatch")]
    [OutputType(typeof(GptImageBatch))]
    public sealed class GetGptImageBatchCommand : GptImageBatchCmdlet
    {
        private const int ProgressActivityId = 0x6771;

        /// <summary>Batch id (batch_...): typed, piped as text, or from a Submit-GptImageBatch object's Id. Without it: every batch recorded here.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("BatchId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary>Poll until the batch is completed, failed, expired or cancelled.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>Seconds between polls with -Wait.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int PollIntervalSec { get; set; } = 30;

        protected override void ProcessRecord()
        {
            if (Id.Length == 0)
            {
                foreach (BatchRecord record in Store.List())
                    WriteObject(record.Status != null && BatchInfo.IsFinishedStatus(record.Status) && !Wait
                        ? GptImageBatch.From(record, Store.PathFor(record.BatchId))
                        : Show(record.BatchId));
                return;
            }
            foreach (string id in Id) WriteObject(Show(id));
        }

        /// <summary>The batch now (or, with -Wait, once finished); the local record is updated on the way.</summary>
        private GptImageBatch Show(string id)
        {
            var api = new BatchApiClient(Client);
            while (true)
            {
                GptImageBatch batch;
                try
                {
                    BatchInfo info = Support.Wait(api.GetBatchAsync(id, StopToken));
                    BatchRecord? record = Store.Load(id);
                    if (record != null)
                    {
                        batch = GptImageBatch.From(record, Store.PathFor(id), info);
                        Store.Save(record);
                    }
                    else batch = GptImageBatch.From(info);
                }
                catch (GptImageApiException e)
                {
                    ThrowTerminatingError(ErrorRecords.From(e, id));
                    throw; // not reached
                }
                if (!Wait || batch.IsFinished)
                {
                    if (Wait) WriteProgress(new ProgressRecord(ProgressActivityId, "Waiting for batch " + id, batch.Status) { RecordType = ProgressRecordType.Completed });
                    return batch;
                }
                WriteProgress(new ProgressRecord(ProgressActivityId, "Waiting for batch " + id,
                    $"{batch.Status}: {batch.Completed} completed, {batch.Failed} failed of {batch.Total}") { PercentComplete = batch.PercentComplete });
                Support.Sleep(TimeSpan.FromSeconds(PollIntervalSec));
            }
        }
    }
}
