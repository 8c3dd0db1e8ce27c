using System;
using System.Net;
using System.Net.Http;
using GptImage.Wire;
using Xunit;

namespace GptImage.Tests.Review
{
    public class AbsurdHeaderTests
    {
        private static HttpResponseMessage With(string name, string value)
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("") };
            response.Headers.TryAddWithoutValidation(name, value);
            return response;
        }

        // A proxy or a broken server can send any number. These headers are read on a 200 too, before the paid-for
        // images are, so a throw here would lose the images; an absurd duration must never throw.
        [Theory]
        [InlineData("1e300")]
        [InlineData("Infinity")]
        [InlineData("99999999999999999999h")]
        public void An_absurd_rate_limit_reset_is_read_without_throwing(string value)
        {
            using var response = With("x-ratelimit-reset-requests", value);
            response.Headers.TryAddWithoutValidation("x-ratelimit-remaining-requests", "0");
            RateLimitInfo? info = ResponseHeaders.RateLimit(response);
            Assert.NotNull(info);
            if (info!.ResetRequests is TimeSpan reset) Assert.True(reset > TimeSpan.Zero && reset <= TimeSpan.FromDays(1), reset.ToString());
        }

        [Theory]
        [InlineData("retry-after", "1e300")]
        [InlineData("retry-after", "Infinity")]
        [InlineData("retry-after-ms", "1e300")]
        public void An_absurd_retry_after_is_read_without_throwing(string name, string value)
        {
            using var response = With(name, value);
            TimeSpan? wait = ResponseHeaders.RetryAfter(response, DateTimeOffset.UtcNow);
            if (wait is TimeSpan w) Assert.True(w > TimeSpan.Zero && w <= TimeSpan.FromDays(1), w.ToString());
        }
    }
}
