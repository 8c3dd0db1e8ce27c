using System;

namespace GptImage.Orchestration
{
    /// <summary>
    /// Where a batch reports. Implemented by each cmdlet. Every call happens on the thread that called
    /// <see cref="BatchSession"/>.Submit, Pump or Complete (the pipeline thread), never on a worker thread,
    /// because PowerShell's WriteObject/WriteError/WriteProgress must be called from the pipeline thread.
    /// </summary>
    public interface IJobSink
    {
        void OnResult(GptImageResult result);

        /// <summary>A row failed or was not run. The exception carries a stable ErrorId
        /// (<see cref="GptImageApiException"/>, <see cref="GptImageValidationException"/> or <see cref="GptImageBatchException"/>).</summary>
        void OnError(ImageJob job, Exception error);

        void OnProgress(BatchProgress progress);
        void OnVerbose(string message);
        void OnWarning(string message);
    }
}
