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
                return bare >= 0 ? TimeSpan.FromSeconds(bare) : (TimeSpan?)null;

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
            return TimeSpan.FromMilliseconds(totalMs);
        }
    }
}
