using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace GptImage.Emulator
{
    /// <summary>
    /// Every knob of the emulator. The server reads these on each request, so a test may change them while
    /// the server runs (for example switch <see cref="InsufficientQuota"/> on half way through a batch).
    /// </summary>
    public sealed class EmulatorOptions
    {
        /// <summary>Lower bound of the artificial time each image request takes before it is answered.</summary>
        public TimeSpan MinLatency { get; set; } = TimeSpan.Zero;

        /// <summary>Upper bound of the artificial latency; a value below <see cref="MinLatency"/> means exactly MinLatency.</summary>
        public TimeSpan MaxLatency { get; set; } = TimeSpan.Zero;

        /// <summary>Sliding one-minute window of admitted image requests; beyond it: 429 rate_limit_exceeded.</summary>
        public int? RequestsPerMinute { get; set; }

        /// <summary>Sliding one-minute window of images (sum of n); beyond it: 429 rate_limit_exceeded.</summary>
        public int? ImagesPerMinute { get; set; }

        /// <summary>Every image call is answered 429 insufficient_quota (an empty wallet, never worth a retry).</summary>
        public bool InsufficientQuota { get; set; }

        /// <summary>Fraction (0..1) of image calls answered 500 server_error or 503 server_is_overloaded.</summary>
        public double ServerErrorRate { get; set; }

        /// <summary>Fraction (0..1) of image calls answered 429 rate_limit_exceeded with Retry-After, regardless of the window.</summary>
        public double RateLimitErrorRate { get; set; }

        /// <summary>Fraction (0..1) of image calls whose connection is aborted before any response byte.</summary>
        public double DropConnectionRate { get; set; }

        /// <summary>Fraction (0..1) of successful image calls whose body stops half way (Content-Length promises more).</summary>
        public double TruncateBodyRate { get; set; }

        /// <summary>The wait announced by a random 429 (<see cref="RateLimitErrorRate"/> and scripted faults).</summary>
        public TimeSpan RateLimitRetryAfter { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>Send Retry-After as an HTTP date instead of seconds (clients must understand both).</summary>
        public bool RetryAfterAsHttpDate { get; set; }

        /// <summary>Also send retry-after-ms, as OpenAI does. Turn off to test the seconds-only path.</summary>
        public bool SendRetryAfterMs { get; set; } = true;

        /// <summary>A prompt containing this word (case-insensitive) is refused with 400 moderation_blocked.</summary>
        public string ModerationTriggerWord { get; set; } = "forbidden";

        /// <summary>When set, any other key gets 401 invalid_api_key whose message repeats the wrong key in full.</summary>
        public string? RequiredApiKey { get; set; }

        /// <summary>Makes latency, fault choices and request ids repeatable for the same order of requests.</summary>
        public int? Seed { get; set; }

        /// <summary>Answer models past their shutdown date with 404 model_not_found instead of serving them.</summary>
        public bool RejectRetiredModels { get; set; }

        /// <summary>The date used for shutdown checks; null means today (UTC).</summary>
        public DateTime? Today { get; set; }

        /// <summary>Pause between server-sent events of a streamed answer.</summary>
        public TimeSpan StreamEventInterval { get; set; } = TimeSpan.Zero;

        /// <summary>
        /// How long a Batch API batch stays "validating" before it is processed (the real API takes up to 24 h).
        /// Zero (the default) fast-forwards: the batch completes as soon as its lines are processed.
        /// </summary>
        public TimeSpan BatchCompletionDelay { get; set; } = TimeSpan.Zero;

        /// <summary>Add revised_prompt to each image of GPT image models (dall-e-3 always has it).</summary>
        public bool IncludeRevisedPrompt { get; set; }

        /// <summary>
        /// When set (an absolute http or https URL), every image call is answered 307 Temporary Redirect to this base
        /// plus the call's path and query, before any check: tests that a client never carries its key to another origin.
        /// </summary>
        public string? RedirectTo { get; set; }

        /// <summary>
        /// PNG answers the size real ones have (1 to 3 MB of incompressible pixels at 1024x1024 to 1536x1024, base64 in
        /// the JSON) instead of small gradients: for load tests of memory and throughput.
        /// </summary>
        public bool RealisticImages { get; set; }

        /// <summary>
        /// Faults for the next image calls, one per call in order, before any random choice. Lets a test say
        /// "the first attempt gets 503, the second succeeds" and assert the exact number of calls.
        /// </summary>
        public ConcurrentQueue<EmulatorFault> ScriptedFaults { get; } = new ConcurrentQueue<EmulatorFault>();

        /// <summary>Queues faults for the next image calls, in order.</summary>
        public EmulatorOptions EnqueueFaults(params EmulatorFault[] faults)
        {
            foreach (EmulatorFault fault in faults) ScriptedFaults.Enqueue(fault);
            return this;
        }

        /// <summary>Sets every knob to <paramref name="source"/>'s value (defaults when null) and empties the fault script.</summary>
        public void CopyFrom(EmulatorOptions? source)
        {
            source ??= new EmulatorOptions();
            MinLatency = source.MinLatency;
            MaxLatency = source.MaxLatency;
            RequestsPerMinute = source.RequestsPerMinute;
            ImagesPerMinute = source.ImagesPerMinute;
            InsufficientQuota = source.InsufficientQuota;
            ServerErrorRate = source.ServerErrorRate;
            RateLimitErrorRate = source.RateLimitErrorRate;
            DropConnectionRate = source.DropConnectionRate;
            TruncateBodyRate = source.TruncateBodyRate;
            RateLimitRetryAfter = source.RateLimitRetryAfter;
            RetryAfterAsHttpDate = source.RetryAfterAsHttpDate;
            SendRetryAfterMs = source.SendRetryAfterMs;
            ModerationTriggerWord = source.ModerationTriggerWord;
            RequiredApiKey = source.RequiredApiKey;
            Seed = source.Seed;
            RejectRetiredModels = source.RejectRetiredModels;
            Today = source.Today;
            StreamEventInterval = source.StreamEventInterval;
            IncludeRevisedPrompt = source.IncludeRevisedPrompt;
            BatchCompletionDelay = source.BatchCompletionDelay;
            RedirectTo = source.RedirectTo;
            RealisticImages = source.RealisticImages;
            ScriptedFaults.Clear();
            foreach (EmulatorFault fault in source.ScriptedFaults) ScriptedFaults.Enqueue(fault);
        }

        internal DateTime CurrentDate => (Today ?? DateTime.UtcNow).Date;

        internal IEnumerable<string> Validate()
        {
            if (MinLatency < TimeSpan.Zero) yield return "MinLatency must not be negative.";
            foreach (var (name, value) in new[] { ("ServerErrorRate", ServerErrorRate), ("RateLimitErrorRate", RateLimitErrorRate),
                         ("DropConnectionRate", DropConnectionRate), ("TruncateBodyRate", TruncateBodyRate) })
                if (value < 0 || value > 1 || double.IsNaN(value)) yield return $"{name} must be between 0 and 1, got {value}.";
            if (RequestsPerMinute <= 0) yield return "RequestsPerMinute must be positive when set.";
            if (ImagesPerMinute <= 0) yield return "ImagesPerMinute must be positive when set.";
            if (RedirectTo != null && !(Uri.TryCreate(RedirectTo, UriKind.Absolute, out Uri? target) && (target.Scheme == Uri.UriSchemeHttp || target.Scheme == Uri.UriSchemeHttps)))
                yield return $"RedirectTo must be an absolute http or https URL, got '{RedirectTo}'.";
        }
    }
}
