using System;
using System.Globalization;

namespace GptImage.Wire
{
    /// <summary>Reads the Go-style durations of x-ratelimit-reset-* headers: 6m0s, 1s, 250ms, 1h2m3.5s, or bare seconds.</summary>
    internal static class DurationParser
    {
        public static TimeSpan? Parse(string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            string s = text!.Trim();
            if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double bare))
                return Milliseconds(bare * 1000);

            double totalMs = 0;
            int i = 0;
            while (i < s.Length)
            {
                int start = i;
                while (i < s.Length && (char.IsDigit(s[i]) || s[i] == '.')) i++;
                if (i == start || !double.TryParse(s.Substring(start, i - start), NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
                    return null;
                int unitStart = i;
                while (i < s.Length && char.IsLetter(s[i])) i++;
                double? scale = s.Substring(unitStart, i - unitStart) switch
                {
                    "h" => 3_600_000,
                    "m" => 60_000,
                    "s" => 1000,
                    "ms" => 1,
                    "us" => 0.001,
                    "µs" => 0.001,
                    "ns" => 0.000001,
                    _ => null,
                };
                if (scale is null) return null;
                totalMs += number * scale.Value;
            }
            return Milliseconds(totalMs);
        }

        /// <summary>Longest wait a header is taken to ask for: "1e300" or "Infinity" must not throw, nor pause a batch for ages.</summary>
        internal static readonly TimeSpan Longest = TimeSpan.FromDays(1);

        /// <summary>
        /// A header's milliseconds as a TimeSpan: null when negative or NaN, at most <see cref="Longest"/>, so that
        /// TimeSpan's OverflowException can never escape (these headers are read on a paid 200 answer too).
        /// </summary>
        internal static TimeSpan? Milliseconds(double ms)
        {
            if (double.IsNaN(ms) || ms < 0) return null;
            return ms >= Longest.TotalMilliseconds ? Longest : TimeSpan.FromMilliseconds(ms);
        }
    }
}
