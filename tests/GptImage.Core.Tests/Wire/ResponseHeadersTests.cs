using GptImage.Wire;

namespace GptImage.Tests.Wire
{
    public sealed class ResponseHeadersTests
    {
        [Theory]
        [InlineData("6m0s", 360_000)]
        [InlineData("1s", 1000)]
        [InlineData("250ms", 250)]
        [InlineData("1h2m3.5s", 3_723_500)]
        [InlineData("0.5s", 500)]
        [InlineData("20", 20_000)]
        public void Rate_limit_reset_durations_are_read(string text, double milliseconds) =>
            Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), DurationParser.Parse(text));

        [Theory]
        [InlineData("soon")]
        [InlineData("5x")]
        [InlineData("")]
        public void Unreadable_durations_are_null(string text) => Assert.Null(DurationParser.Parse(text));

        private static HttpResponseMessage With(params (string Name, string Value)[] headers)
        {
            var response = new HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests) { Content = new StringContent("") };
            foreach (var (name, value) in headers) response.Headers.TryAddWithoutValidation(name, value);
            return response;
        }

        [Fact]
        public void Retry_after_ms_wins_over_retry_after()
        {
            using var r = With(("retry-after-ms", "1500"), ("retry-after", "20"));
            Assert.Equal(TimeSpan.FromMilliseconds(1500), ResponseHeaders.RetryAfter(r, DateTimeOffset.UtcNow));
        }

        [Fact]
        public void Retry_after_seconds_and_http_dates_are_read()
        {
            using var seconds = With(("retry-after", "7"));
            Assert.Equal(TimeSpan.FromSeconds(7), ResponseHeaders.RetryAfter(seconds, DateTimeOffset.UtcNow));
            var now = new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
            using var date = With(("retry-after", now.AddSeconds(30).ToString("r")));
            Assert.Equal(TimeSpan.FromSeconds(30), ResponseHeaders.RetryAfter(date, now));
            using var none = With();
            Assert.Null(ResponseHeaders.RetryAfter(none, now));
        }

        [Fact]
        public void Request_id_falls_back_to_azures_apim_request_id()
        {
            using var openai = With(("x-request-id", "req_abc"), ("apim-request-id", "apim-1"));
            Assert.Equal("req_abc", ResponseHeaders.RequestId(openai));
            using var azure = With(("apim-request-id", "apim-1"));
            Assert.Equal("apim-1", ResponseHeaders.RequestId(azure));
        }

        [Fact]
        public void Rate_limit_headers_are_read_and_absent_ones_give_null()
        {
            using var r = With(("x-ratelimit-limit-requests", "60"), ("x-ratelimit-remaining-requests", "59"), ("x-ratelimit-reset-requests", "1s"),
                ("x-ratelimit-limit-images", "5"), ("x-ratelimit-remaining-images", "0"), ("x-ratelimit-reset-images", "6m0s"));
            RateLimitInfo info = ResponseHeaders.RateLimit(r)!;
            Assert.Equal((60, 59, 5, 0), (info.LimitRequests!.Value, info.RemainingRequests!.Value, info.LimitImages!.Value, info.RemainingImages!.Value));
            Assert.Equal(TimeSpan.FromSeconds(1), info.ResetRequests);
            Assert.Equal(TimeSpan.FromMinutes(6), info.ResetImages);
            using var none = With();
            Assert.Null(ResponseHeaders.RateLimit(none));
        }
    }
}
