using System;

namespace GptImage.Bench
{
    /// <summary>
    /// The fastest any client could finish N requests against a sliding one-minute window of L requests with at most
    /// C in flight and a fixed latency: request k is admitted at max(a[k-C] + latency, a[k-L] + 60 s). Throughput as a
    /// fraction of the limit is this ideal time over the measured time (a burst of L at the start makes the plain
    /// "requests per minute / L" exceed 1 for short runs, so it is reported only for reference).
    /// </summary>
    internal static class IdealSchedule
    {
        public static TimeSpan Finish(int requests, int perMinute, int inFlight, TimeSpan latency)
        {
            var admitted = new double[requests];
            for (int k = 0; k < requests; k++)
            {
                double slotFree = k >= inFlight ? admitted[k - inFlight] + latency.TotalSeconds : 0;
                double windowFree = k >= perMinute ? admitted[k - perMinute] + 60 : 0;
                admitted[k] = Math.Max(slotFree, windowFree);
            }
            return TimeSpan.FromSeconds(admitted[requests - 1] + latency.TotalSeconds);
        }
    }
}
