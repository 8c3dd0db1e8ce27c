using System;
using System.Collections.Generic;
using System.Linq;

namespace GptImage.Emulator.Pipeline
{
    /// <summary>What the window decided for one request, and the numbers for the x-ratelimit-* headers.</summary>
    internal sealed record RateDecision(bool Admitted, string? Exceeded, TimeSpan RetryAfter,
        int LimitRequests, int RemainingRequests, TimeSpan ResetRequests,
        int LimitImages, int RemainingImages, TimeSpan ResetImages);

    /// <summary>
    /// Sliding one-minute window of admitted image calls (requests and images). Without a configured limit
    /// it still counts, against a nominal limit, so the headers always move the way real ones do.
    /// </summary>
    internal sealed class RateWindow
    {
        public const int NominalLimit = 10_000;
        private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
        private readonly object _gate = new object();
        private readonly Queue<(DateTime Time, int Images)> _admitted = new Queue<(DateTime, int)>();
        private readonly Func<DateTime> _clock;

        public RateWindow(Func<DateTime>? clock = null) => _clock = clock ?? (() => DateTime.UtcNow);

        public RateDecision TryAdmit(int images, int? requestsPerMinute, int? imagesPerMinute)
        {
            lock (_gate)
            {
                DateTime now = _clock();
                while (_admitted.Count > 0 && now - _admitted.Peek().Time >= Window) _admitted.Dequeue();
                int requestLimit = requestsPerMinute ?? NominalLimit;
                int imageLimit = imagesPerMinute ?? NominalLimit;
                int usedRequests = _admitted.Count;
                int usedImages = _admitted.Sum(a => a.Images);

                string? exceeded = null;
                TimeSpan retryAfter = TimeSpan.Zero;
                if (usedRequests + 1 > requestLimit)
                {
                    exceeded = $"requests per min (RPM): Limit {requestLimit}, Used {usedRequests}, Requested 1";
                    retryAfter = UntilFree(now, 1);
                }
                else if (usedImages + images > imageLimit)
                {
                    exceeded = $"images per min (IPM): Limit {imageLimit}, Used {usedImages}, Requested {images}";
                    retryAfter = UntilFreeImages(now, usedImages + images - imageLimit);
                }
                else
                {
                    _admitted.Enqueue((now, images));
                    usedRequests++;
                    usedImages += images;
                }
                TimeSpan reset = _admitted.Count == 0 ? TimeSpan.Zero : Window - (now - _admitted.Peek().Time);
                return new RateDecision(exceeded == null, exceeded, retryAfter,
                    requestLimit, Math.Max(0, requestLimit - usedRequests), reset,
                    imageLimit, Math.Max(0, imageLimit - usedImages), reset);
            }
        }

        private TimeSpan UntilFree(DateTime now, int slots)
        {
            var (time, _) = _admitted.ElementAt(Math.Min(slots, _admitted.Count) - 1);
            return Window - (now - time);
        }

        private TimeSpan UntilFreeImages(DateTime now, int imagesToFree)
        {
            int freed = 0;
            foreach (var (time, images) in _admitted)
            {
                freed += images;
                if (freed >= imagesToFree) return Window - (now - time);
            }
            return Window;
        }
    }
}
