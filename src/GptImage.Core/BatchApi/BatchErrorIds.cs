namespace GptImage.BatchApi
{
    /// <summary>Stable error ids of the Batch API cmdlets (ErrorRecord.FullyQualifiedErrorId); never rename one.</summary>
    public static class BatchErrorIds
    {
        /// <summary>Receive was asked for a batch that is still validating, in progress or finalizing.</summary>
        public const string NotFinished = "GptImage.BatchNotFinished";

        /// <summary>No local record of the batch id (submitted from another machine, or the state folder moved).</summary>
        public const string RecordNotFound = "GptImage.BatchRecordNotFound";

        /// <summary>Stop-GptImageBatchJob on a batch that has already finished (the API answers 409): nothing to cancel.</summary>
        public const string NotCancellable = "GptImage.BatchNotCancellable";

        /// <summary>A row the batch never ran (cancelled or expired before it).</summary>
        public const string NotRun = "GptImage.BatchRowNotRun";

        /// <summary>The batch could not run a row and gave no API answer for it (a line-level error).</summary>
        public const string RequestFailed = "GptImage.BatchRequestFailed";
    }
}
