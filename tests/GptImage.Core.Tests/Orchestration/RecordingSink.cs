using System;
using System.Collections.Generic;
using System.Threading;
using GptImage.Orchestration;

namespace GptImage.Tests.Orchestration
{
    /// <summary>A sink like a cmdlet's: records everything and the thread each call came on.</summary>
    internal sealed class RecordingSink : IJobSink
    {
        public List<GptImageResult> Results { get; } = new List<GptImageResult>();
        public List<(ImageJob Job, Exception Error)> Errors { get; } = new List<(ImageJob, Exception)>();
        public List<BatchProgress> Progress { get; } = new List<BatchProgress>();
        public List<string> Verbose { get; } = new List<string>();
        public List<string> Warnings { get; } = new List<string>();
        public HashSet<int> Threads { get; } = new HashSet<int>();

        public void OnResult(GptImageResult result) { Note(); Results.Add(result); }
        public void OnError(ImageJob job, Exception error) { Note(); Errors.Add((job, error)); }
        public void OnProgress(BatchProgress progress) { Note(); Progress.Add(progress); }
        public void OnVerbose(string message) { Note(); Verbose.Add(message); }
        public void OnWarning(string message) { Note(); Warnings.Add(message); }

        public int Finished => Results.Count + Errors.Count;

        private void Note() => Threads.Add(Environment.CurrentManagedThreadId);
    }
}
