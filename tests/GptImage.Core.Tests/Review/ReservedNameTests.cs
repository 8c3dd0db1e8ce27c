using GptImage.Orchestration;
using Xunit;

namespace GptImage.Tests.Review
{
    public class ReservedNameTests
    {
        [Theory]
        [InlineData("NUL .png")]    // Windows drops the spaces before the dot: still the NUL device
        [InlineData("con  .x.png")]
        [InlineData("COM\u00B9")]    // COM¹, COM², COM³ and LPT¹... are reserved like COM1
        [InlineData("LPT\u00B2.png")]
        [InlineData("CONIN$")]
        [InlineData("conout$.png")]
        public void Windows_device_names_are_never_produced(string name)
        {
            string safe = FileNamer.Sanitize(name);
            Assert.StartsWith("_", safe);
        }

        [Theory]
        [InlineData("CONSOLE.png")]
        [InlineData("COM12.png")]
        [InlineData("nullable")]
        public void Names_that_only_start_like_a_device_are_kept(string name) =>
            Assert.Equal(name, FileNamer.Sanitize(name));
    }
}
