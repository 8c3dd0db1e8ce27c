using System;
using System.Globalization;

namespace GptImage.Emulator.Http
{
    /// <summary>Durations as OpenAI writes them in x-ratelimit-reset-*: Go's format ("120ms", "1s", "1.5s", "6m0s", "1h2m3s").</summary>
    internal static class DurationFormat
    {
        public static string Go(TimeSpan value)
        {
            if (value <= TimeSpan.Zero) return "0s";
            if (value < TimeSpan.FromSeconds(1)) return ((int)Math.Ceiling(value.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture) + "ms";
            double seconds = Math.Round(value.TotalSeconds % 60, 3);
            string secondsText = seconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
            int hours = (int)value.TotalHours;
            int minutes = value.Minutes;
            if (hours > 0) return $"{hours}h{minutes}m{secondsText}";
            if (minutes > 0) return $"{minutes}m{secondsText}";
            return secondsText;
        }
    }
}
