using GptImage.Emulator.Http;
using GptImage.Emulator.Pipeline;

namespace GptImage.Tests.Emulator
{
    /// <summary>The sliding one-minute window behind --rpm/--ipm and the x-ratelimit-* headers, on a fake clock.</summary>
    public sealed class RateWindowTests
    {
        private DateTime _now = new DateTime(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc);

        [Fact]
        public void Window_admits_up_to_the_limit_then_says_when_a_slot_frees()
        {
            var window = new RateWindow(() => _now);
            Assert.True(window.TryAdmit(1, 3, null).Admitted);
            _now = _now.AddSeconds(10);
            Assert.True(window.TryAdmit(1, 3, null).Admitted);
            RateDecision third = window.TryAdmit(1, 3, null);
            Assert.Equal((true, 0), (third.Admitted, third.RemainingRequests));

            _now = _now.AddSeconds(5);
            RateDecision refused = window.TryAdmit(1, 3, null);
            Assert.False(refused.Admitted);
            Assert.Equal(TimeSpan.FromSeconds(45), refused.RetryAfter);   // the first call, 15 s ago, leaves in 45 s
            Assert.Contains("Limit 3, Used 3", refused.Exceeded);

            _now = _now.AddSeconds(45);
            RateDecision again = window.TryAdmit(1, 3, null);
            Assert.True(again.Admitted);
            Assert.Equal(0, again.RemainingRequests);
        }

        [Fact]
        public void Refused_calls_do_not_use_up_the_window()
        {
            var window = new RateWindow(() => _now);
            window.TryAdmit(1, 1, null);
            for (int i = 0; i < 5; i++) Assert.False(window.TryAdmit(1, 1, null).Admitted);
            _now = _now.AddMinutes(1);
            Assert.True(window.TryAdmit(1, 1, null).Admitted);
        }

        [Fact]
        public void Images_limit_counts_n_and_reports_remaining_images()
        {
            var window = new RateWindow(() => _now);
            RateDecision first = window.TryAdmit(4, null, 5);
            Assert.Equal((5, 1), (first.LimitImages, first.RemainingImages));
            Assert.Equal(RateWindow.NominalLimit, first.LimitRequests);
            RateDecision second = window.TryAdmit(2, null, 5);
            Assert.False(second.Admitted);
            Assert.Contains("images per min", second.Exceeded);
            Assert.Equal(TimeSpan.FromMinutes(1), second.RetryAfter);
        }

        [Theory]
        [InlineData(0, "0s")]
        [InlineData(120, "120ms")]
        [InlineData(1000, "1s")]
        [InlineData(1500, "1.5s")]
        [InlineData(59_999, "59.999s")]
        [InlineData(360_000, "6m0s")]
        [InlineData(3_723_000, "1h2m3s")]
        public void Durations_are_written_the_way_OpenAI_writes_them(long milliseconds, string expected) =>
            Assert.Equal(expected, DurationFormat.Go(TimeSpan.FromMilliseconds(milliseconds)));
    }
}
