using static GptImage.Tests.Client.ScriptedHandler;

namespace GptImage.Tests.Client
{
    /// <summary>Each reported attempt says how many images it asked for, so an images-per-minute gate can count them.</summary>
    public sealed class AttemptImagesTests
    {
        [Fact]
        public async Task Every_attempt_of_an_image_call_reports_the_requested_count()
        {
            var handler = new ScriptedHandler(Error(429, "rate_limit_exceeded", "Rate limit reached", "requests", ("retry-after", "1")), Ok());
            using var h = TestClients.Create(handler);
            ImageGenerationRequest request = TestClients.Generation();
            request.Count = 3;
            await h.Client.GenerateAsync(request);

            Assert.Equal(new int?[] { 3, 3 }, h.Attempts.Select(a => a.Images).ToArray());
        }

        [Fact]
        public async Task An_image_call_without_a_count_reports_one_image()
        {
            using var h = TestClients.Create(new ScriptedHandler(Ok()));
            await h.Client.GenerateAsync(TestClients.Generation());

            Assert.Equal(1, Assert.Single(h.Attempts).Images);
        }
    }
}
