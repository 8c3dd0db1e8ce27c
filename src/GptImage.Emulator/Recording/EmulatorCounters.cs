using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace GptImage.Emulator
{
    /// <summary>
    /// What the emulator received, so tests can assert how many calls a scenario made (one per retry, none
    /// for a cached row). Thread-safe; every read returns a snapshot.
    /// </summary>
    public sealed class EmulatorCounters
    {
        private readonly object _gate = new object();
        private readonly List<RecordedRequest> _requests = new List<RecordedRequest>();
        private int _inFlight;
        private int _maxInFlight;

        /// <summary>Every request received, whatever its path or outcome.</summary>
        public int Total { get { lock (_gate) return _requests.Count; } }

        public int Generations => Count(r => r.Endpoint == "generations");
        public int Edits => Count(r => r.Endpoint == "edits");
        public int Responses => Count(r => r.Endpoint == "responses");
        public int Models => Count(r => r.Endpoint == "models");

        /// <summary>Image calls (generations + edits) whose answer was a 200 delivered in full.</summary>
        public int Succeeded => Count(r => r.StatusCode == 200 && r.Outcome == RequestOutcome.Answered && r.Endpoint != "models");

        public int Dropped => Count(r => r.Outcome == RequestOutcome.Dropped);
        public int Truncated => Count(r => r.Outcome == RequestOutcome.Truncated);

        /// <summary>Requests being handled right now.</summary>
        public int InFlight => Volatile.Read(ref _inFlight);

        /// <summary>The most requests handled at once since the last <see cref="Reset"/>: checks a throttle limit.</summary>
        public int MaxInFlight => Volatile.Read(ref _maxInFlight);

        /// <summary>Requests answered with <paramref name="statusCode"/> (0: dropped before a status line).</summary>
        public int CountByStatus(int statusCode) => Count(r => r.StatusCode == statusCode);

        /// <summary>Requests whose error answer carried <paramref name="errorCode"/>.</summary>
        public int CountByErrorCode(string errorCode) => Count(r => string.Equals(r.ErrorCode, errorCode, StringComparison.Ordinal));

        /// <summary>Snapshot of every recorded request, oldest first.</summary>
        public IReadOnlyList<RecordedRequest> Requests { get { lock (_gate) return _requests.ToArray(); } }

        public void Reset()
        {
            lock (_gate) _requests.Clear();
            Interlocked.Exchange(ref _maxInFlight, Volatile.Read(ref _inFlight));
        }

        /// <summary>Records <paramref name="request"/> and counts it in flight until the returned scope ends (which also sets its Duration).</summary>
        internal IDisposable Track(RecordedRequest request)
        {
            lock (_gate) _requests.Add(request);
            int now = Interlocked.Increment(ref _inFlight);
            int seen;
            while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen) { }
            return new InFlightScope(this, request);
        }

        private sealed class InFlightScope : IDisposable
        {
            private readonly EmulatorCounters _owner;
            private readonly RecordedRequest _request;
            private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
            private int _ended;

            public InFlightScope(EmulatorCounters owner, RecordedRequest request)
            {
                _owner = owner;
                _request = request;
            }

            public void Dispose()
            {
                if (Interlocked.Exchange(ref _ended, 1) != 0) return;
                _request.Duration = _clock.Elapsed;
                Interlocked.Decrement(ref _owner._inFlight);
            }
        }

        private int Count(Func<RecordedRequest, bool> predicate)
        {
            lock (_gate) return _requests.Count(predicate);
        }
    }
}
