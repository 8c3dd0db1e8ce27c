namespace GptImage.Tests.Infrastructure
{
    /// <summary>
    /// Base of test classes that share one emulator: xunit makes a new instance per test, and the
    /// constructor resets the server, so each test starts with default knobs and empty counters.
    /// </summary>
    public abstract class EmulatorTest : IClassFixture<EmulatorFixture>
    {
        protected EmulatorTest(EmulatorFixture emulator)
        {
            Emu = emulator;
            Emu.Reset();
        }

        protected EmulatorFixture Emu { get; }
    }
}
