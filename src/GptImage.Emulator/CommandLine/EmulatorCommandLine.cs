using System;
using System.Globalization;

namespace GptImage.Emulator.CommandLine
{
    /// <summary>Parses the standalone emulator's flags into <see cref="EmulatorOptions"/> and a port.</summary>
    public static class EmulatorCommandLine
    {
        public const string Usage = @"GptImage.Emulator: an OpenAI-compatible image API on 127.0.0.1 for tests and offline runbooks.

Usage: gptimage-emulator [options]             (installed: dotnet tool install GptImage.Emulator)
       dotnet run --project src/GptImage.Emulator -- [options]   (from the source tree)

  --port N                   port to listen on (default 0: any free port; the address is printed)
  --latency-ms A[-B]         answer each image call after A ms, or a random time between A and B ms
  --rpm N                    requests per minute (sliding window); beyond it 429 rate_limit_exceeded + Retry-After
  --ipm N                    images per minute (sum of n); beyond it 429 rate_limit_exceeded
  --insufficient-quota       every image call gets 429 insufficient_quota
  --error-rate F             fraction 0..1 of calls answered 500 server_error or 503 server_is_overloaded
  --rate-limit-rate F        fraction 0..1 of calls answered 429 rate_limit_exceeded regardless of the window
  --retry-after-ms N         the wait those 429/503 answers announce (default 1000)
  --retry-after-date         send Retry-After as an HTTP date instead of seconds
  --no-retry-after-ms        leave out the retry-after-ms header
  --drop-rate F              fraction 0..1 of calls whose connection is closed before any answer
  --truncate-rate F          fraction 0..1 of successful answers cut off half way
  --moderation-word W        a prompt containing W gets 400 moderation_blocked (default: forbidden)
  --api-key K                accept only key K (others get 401 invalid_api_key); default: any key
  --seed N                   repeatable latency, faults and request ids
  --reject-retired           models past their shutdown date get 404 model_not_found
  --today YYYY-MM-DD         the date for shutdown checks (default: today)
  --stream-interval-ms N     pause between streamed events
  --revised-prompt           add revised_prompt to GPT image answers
  --realistic-images         PNG answers of real size: 1-3 MB of incompressible pixels
  --help                     this text";

        /// <summary>Parses <paramref name="args"/>; throws <see cref="ArgumentException"/> naming the flag and value on bad input.</summary>
        public static (EmulatorOptions Options, int Port, bool Help) Parse(string[] args)
        {
            var options = new EmulatorOptions();
            int port = 0;
            for (int i = 0; i < args.Length; i++)
            {
                string flag = args[i];
                string Value()
                {
                    if (i + 1 >= args.Length) throw new ArgumentException($"{flag} needs a value.");
                    return args[++i];
                }
                switch (flag)
                {
                    case "--help": case "-h": case "-?": return (options, port, true);
                    case "--port": port = Int(flag, Value(), 0, 65535); break;
                    case "--latency-ms":
                        string range = Value();
                        string[] parts = range.Split('-');
                        if (parts.Length > 2) throw new ArgumentException($"{flag} '{range}': expected A or A-B in milliseconds, for example 1000-3000.");
                        int min = Int(flag, parts[0], 0, int.MaxValue);
                        int max = parts.Length == 2 ? Int(flag, parts[1], min, int.MaxValue) : min;
                        options.MinLatency = TimeSpan.FromMilliseconds(min);
                        options.MaxLatency = TimeSpan.FromMilliseconds(max);
                        break;
                    case "--rpm": options.RequestsPerMinute = Int(flag, Value(), 1, int.MaxValue); break;
                    case "--ipm": options.ImagesPerMinute = Int(flag, Value(), 1, int.MaxValue); break;
                    case "--insufficient-quota": options.InsufficientQuota = true; break;
                    case "--error-rate": options.ServerErrorRate = Fraction(flag, Value()); break;
                    case "--rate-limit-rate": options.RateLimitErrorRate = Fraction(flag, Value()); break;
                    case "--retry-after-ms": options.RateLimitRetryAfter = TimeSpan.FromMilliseconds(Int(flag, Value(), 0, int.MaxValue)); break;
                    case "--retry-after-date": options.RetryAfterAsHttpDate = true; break;
                    case "--no-retry-after-ms": options.SendRetryAfterMs = false; break;
                    case "--drop-rate": options.DropConnectionRate = Fraction(flag, Value()); break;
                    case "--truncate-rate": options.TruncateBodyRate = Fraction(flag, Value()); break;
                    case "--moderation-word": options.ModerationTriggerWord = Value(); break;
                    case "--api-key": options.RequiredApiKey = Value(); break;
                    case "--seed": options.Seed = Int(flag, Value(), int.MinValue, int.MaxValue); break;
                    case "--reject-retired": options.RejectRetiredModels = true; break;
                    case "--today":
                        string day = Value();
                        if (!DateTime.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime today))
                            throw new ArgumentException($"{flag} '{day}': expected a date as YYYY-MM-DD.");
                        options.Today = today;
                        break;
                    case "--stream-interval-ms": options.StreamEventInterval = TimeSpan.FromMilliseconds(Int(flag, Value(), 0, int.MaxValue)); break;
                    case "--revised-prompt": options.IncludeRevisedPrompt = true; break;
                    case "--realistic-images": options.RealisticImages = true; break;
                    default: throw new ArgumentException($"Unknown option '{flag}'. Run with --help for the list.");
                }
            }
            return (options, port, false);
        }

        private static int Int(string flag, string text, int min, int max)
        {
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
                throw new ArgumentException($"{flag} '{text}': expected a whole number from {min} to {max}.");
            return value;
        }

        private static double Fraction(string flag, string text)
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || value < 0 || value > 1)
                throw new ArgumentException($"{flag} '{text}': expected a fraction from 0 to 1, for example 0.1.");
            return value;
        }
    }
}
