using System;
using System.Net.Http;
using GptImage.Wire;
using Xunit;

namespace GptImage.Tests.Wire
{
    /// <summary>retry-after as an HTTP date: HTTP allows three spellings and a client must read them all (RFC 9110 5.6.7).</summary>
    public sealed class RetryAfterDateTests
    {
        private static readonly DateTimeOffset Now = new DateTimeOffset(1994, 11, 6, 8, 49, 7, TimeSpan.Zero);

        [Theory]
        [InlineData("Sun, 06 Nov 1994 08:49:37 GMT")]    // IMF-fixdate
        [InlineData("Sunday, 06-Nov-94 08:49:37 GMT")]   // obsolete RFC 850
        [InlineData("Sun Nov  6 08:49:37 1994")]         // obsolete asctime
        public void Every_http_date_form_gives_the_wait_until_that_moment(string date)
        {
            using var response = new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable) { Content = new StringContent("") };
            response.Headers.TryAddWithoutValidation("retry-after", date);
            Assert.Equal(TimeSpan.FromSeconds(30), ResponseHeaders.RetryAfter(response, Now));
        }

        [Fact]
        public void A_date_in_the_past_means_retry_now_and_garbage_means_no_server_delay()
        {
            using var past = new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable);
            past.Headers.TryAddWithoutValidation("retry-after", "Sat, 05 Nov 1994 08:49:37 GMT");
            Assert.Equal(TimeSpan.Zero, ResponseHeaders.RetryAfter(past, Now));
            using var garbage = new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable);
            garbage.Headers.TryAddWithoutValidation("retry-after", "tomorrow-ish");
            Assert.Null(ResponseHeaders.RetryAfter(garbage, Now));
        }
    }
}
