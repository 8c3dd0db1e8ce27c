namespace GptImage.Tests.Emulator
{
    /// <summary>The fixture's client really talks to its emulator (what other test classes build on).</summary>
    public sealed class FixtureClientTests(EmulatorFixture emulator) : EmulatorTest(emulator)
    {
        [Fact]
        public async Task Fixture_client_generates_against_the_emulator_with_the_fixture_key()
        {
            Emu.Options.RequiredApiKey = EmulatorFixture.ApiKey;
            using GptImageClient client = Emu.CreateClient(configure: o => o.MaxRetries = 0);
            ImageResult result = await client.GenerateAsync(new ImageGenerationRequest { Prompt = "a lighthouse", Model = "gpt-image-2", Size = "1536x864", Quality = "low" });

            Assert.Equal((1536, 864), TestImages.PngSize(result.Images.Single().Bytes));
            Assert.Equal(Emu.Counters.Requests.Single().RequestId, result.RequestId);
            Assert.Equal(AuthScheme.Bearer, Emu.Counters.Requests.Single().Auth);
        }
    }
}
