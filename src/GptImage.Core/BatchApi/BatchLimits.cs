namespace GptImage.BatchApi
{
    /// <summary>
    /// The Batch API's limits per input file (CreateBatchRequest.input_file_id: at most 50,000 requests and
    /// 200 MB). A submission larger than either is split into several batches. Tests inject small values.
    /// </summary>
    public sealed class BatchLimits
    {
        public const int ApiMaxRequestsPerFile = 50_000;
        public const long ApiMaxBytesPerFile = 200L * 1024 * 1024;

        public int MaxRequestsPerFile { get; set; } = ApiMaxRequestsPerFile;
        public long MaxBytesPerFile { get; set; } = ApiMaxBytesPerFile;

        public static BatchLimits Default => new BatchLimits();
    }
}
