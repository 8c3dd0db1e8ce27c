using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;

namespace GptImage.Wire
{
    /// <summary>The headers the client reads from every answer: request id, rate limits and retry delays.</summary>
    internal static class ResponseHeaders
    {
        /// <summary>x-request-id, or apim-request-id on Azure.</summary>
        public static string? RequestId(HttpResponseMessage response) =>
            First(response, "x-request-id") ?? First(response, "apim-request-id");

        /// <summary>The x-ratelimit-* headers, or null when the server sent none.</summary>
        public static RateLimitInfo? RateLimit(HttpResponseMessage response)
        {
            var info = new RateLimitInfo
            {
                LimitRequests = Int(response, "x-ratelimit-limit-requests"),
                RemainingRequests = Int(response, "x-ratelimit-remaining-requests"),
                ResetRequests = DurationParser.Parse(First(response, "x-ratelimit-reset-requests")),
                LimitImages = Int(response, "x-ratelimit-limit-images"),
                RemainingImages = Int(response, "x-ratelimit-remaining-images"),
                ResetImages = DurationParser.Parse(First(response, "x-ratelimit-reset-images")),
            };
            bool any = info.LimitRequests.HasValue || info.RemainingRequests.HasValue || info.ResetRequests.HasValue
                || info.LimitImages.HasValue || info.RemainingImages.HasValue || info.ResetImages.HasValue;
            return any ? info : null;
        }

        /// <summary>
        /// The server's requested wait: retry-after-ms first (OpenAI's precise form), then retry-after in
        /// seconds or as an HTTP date. Null when absent, unreadable or negative.
        /// </summary>
        // RFC 9110 section 5.6.7: recipients accept the IMF-fixdate and the two obsolete forms (RFC 850, asctime).
        private static readonly string[] HttpDateFormats =
        {
            "r",                                  // Sun, 06 Nov 1994 08:49:37 GMT
            "dddd, dd-MMM-yy HH:mm:ss 'GMT'",     // Sunday, 06-Nov-94 08:49:37 GMT
            "ddd MMM d HH:mm:ss yyyy",            // Sun Nov  6 08:49:37 1994
        };

        public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
        {
            string? ms = First(response, "retry-after-ms");
            if (ms != null && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out double millis) && millis >= 0)
                return DurationParser.Milliseconds(millis);

            string? after = First(response, "retry-after");
            if (after is null) return null;
            if (double.TryParse(after, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds))
                return DurationParser.Milliseconds(seconds * 1000);
            if (DateTimeOffset.TryParseExact(after.Trim(), HttpDateFormats, CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowInnerWhite, out DateTimeOffset date))
            {
                TimeSpan wait = date - now;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
            return null;
        }

        private static int? Int(HttpResponseMessage response, string name) =>
            int.TryParse(First(response, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : (int?)null;

        private static string? First(HttpResponseMessage response, string name) =>
            Find(response.Headers, name) ?? (response.Content is null ? null : Find(response.Content.Headers, name));

        private static string? Find(HttpHeaders headers, string name) =>
            headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;
    }
}
