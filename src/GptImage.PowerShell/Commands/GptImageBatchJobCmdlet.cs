using System;
using System.Management.Automation;
using System.Security;
using GptImage.BatchApi;

namespace GptImage.Commands
{
    /// <summary>
    /// Base of Get-, Receive- and Stop-GptImageBatchJob (each declares its -Id): the connection options and the state folder,
    /// and Ctrl+C. (Submit-GptImageBatchJob takes the request options instead and declares the same connection options.)
    /// </summary>
    public abstract class GptImageBatchJobCmdlet : StoppableCmdlet
    {
        private GptImageBatchJobSupport? _support;

        /// <summary>API key as a SecureString. Default: the key given to Connect-GptImage, then $env:OPENAI_API_KEY.</summary>
        [Parameter]
        [SecureStringOnly]
        public SecureString? ApiKey { get; set; }

        /// <summary>Base URL. Default: the session, $env:OPENAI_BASE_URL, then https://api.openai.com/v1.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Endpoint { get; set; }

        /// <summary>Retries of a transient failure (rate limit, server error, dropped connection) after the first attempt, 0 to 10. Default: 3.</summary>
        [Parameter]
        [ValidateRange(0, 10)]
        public int MaxRetries { get; set; } = 3;

        /// <summary>Timeout of each HTTP attempt in seconds, 1 to 3600. Default: 600 (downloads of large output files take a while).</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 600;

        /// <summary>Folder of the local batch records. Default: $env:GPTIMAGE_BATCH_STATE, else the per-user GptImage.PowerShell/batches folder.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? StatePath { get; set; }

        internal GptImageBatchJobSupport Support => _support ??= new GptImageBatchJobSupport(this, StopToken);

        internal GptImageClient Client => Support.Client(ApiKey, Endpoint, MaxRetries, TimeoutSec);

        private BatchRecordStore? _store;
        internal BatchRecordStore Store => _store ??= GptImageBatchJobSupport.Store(this, StatePath);

        /// <summary>The local record, or a non-terminating GptImage.BatchRecordNotFound error (null).</summary>
        internal BatchRecord? LoadRecord(string id)
        {
            BatchRecord? record = Store.Load(id);
            if (record is null)
                WriteError(new ErrorRecord(new GptImage.Orchestration.GptImageBatchException(BatchErrorIds.RecordNotFound,
                        $"No record of batch '{id}' in {Store.Folder}: it was submitted from another machine or another -StatePath. Only batches submitted with Submit-GptImageBatchJob can be received."),
                    BatchErrorIds.RecordNotFound, ErrorCategory.ObjectNotFound, id));
            return record;
        }

        protected override void ReleaseResources() => _support?.Dispose();
    }
}
