using System;
using System.Threading;
using GptImage.Emulator.Images;
using GptImage.Emulator.Pipeline;

namespace GptImage.Emulator
{
    /// <summary>What every request handler shares: knobs, counters, the rate window, the image cache.</summary>
    internal sealed class EmulatorServerState
    {
        public EmulatorServerState(EmulatorOptions options)
        {
            Options = options;
            StartOptions = new EmulatorOptions();
            StartOptions.CopyFrom(options);
            Chance = new Chance(options.Seed);
        }

        /// <summary>The knobs the server started with (what /_emulator/reset returns to).</summary>
        public EmulatorOptions StartOptions { get; }

        public EmulatorOptions Options { get; }
        public EmulatorCounters Counters { get; } = new EmulatorCounters();
        public RateWindow RateWindow { get; private set; } = new RateWindow();

        /// <summary>The rate window's clock (null: the system clock); tests set a fast one so that minutes pass in seconds.</summary>
        private Func<DateTime>? _clock;

        /// <summary>A fresh rate window on <paramref name="clock"/> (kept across resets).</summary>
        public void UseClock(Func<DateTime> clock)
        {
            _clock = clock;
            RateWindow = new RateWindow(clock);
        }
        public GeneratedImageStore Images { get; } = new GeneratedImageStore();
        public Chance Chance { get; private set; }
        public Files.FileStore Files { get; } = new Files.FileStore();
        public Batches.BatchStore Batches { get; } = new Batches.BatchStore();

        /// <summary>Conversation turns answered so far (kept across resets, as the real API keeps responses).</summary>
        public Conversations.ResponseStore Responses { get; } = new Conversations.ResponseStore();

        /// <summary>Back to a fresh server: default knobs (or <paramref name="options"/>), empty counters and rate window.</summary>
        public void Reset(EmulatorOptions? options)
        {
            Options.CopyFrom(options);
            Counters.Reset();
            RateWindow = new RateWindow(_clock);
            Chance = new Chance(Options.Seed);
        }

        /// <summary>Where dall-e "url" answers point (served by the emulator itself).</summary>
        public Uri ImageUrlBase { get; set; } = new Uri("http://127.0.0.1/emulator/images/");

        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        public CancellationToken Stopping => _stopping.Token;
        public void SignalStopping() => _stopping.Cancel();
    }
}
