using System.Management.Automation;

namespace GptImage.Commands
{
    /// <summary>Stops an emulator Start-GptImageEmulator started and puts the session's settings back.</summary>
    /// <remarks>
    /// <para>Ends the emulator's process and waits until it is gone, then restores what Start-GptImageEmulator
    /// changed: the session's Connect-GptImage settings and $env:OPENAI_BASE_URL and $env:OPENAI_API_KEY.</para>
    /// <para>Without -InputObject it stops every emulator started in this session, the latest first. Stopping one
    /// that has already stopped does nothing, so an AfterAll block can always call it.</para>
    /// </remarks>
    /// <example>
    /// <code>$emulator = Start-GptImageEmulator
    /// Stop-GptImageEmulator $emulator
    /// $emulator.IsRunning</code>
    /// <para>Starts and stops an emulator; IsRunning is then False.</para>
    /// </example>
    /// <example>
    /// <code>AfterAll { Stop-GptImageEmulator }</code>
    /// <para>In a Pester file: stops whatever emulators its BeforeAll started.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Stop, "GptImageEmulator", HelpUri = HelpLinks.Readme + "stop-gptimageemulator")]
    [OutputType(typeof(void))]
    public sealed class StopGptImageEmulatorCommand : PSCmdlet
    {
        /// <summary>The emulator to stop, as Start-GptImageEmulator returned it. Default every emulator started in this session.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true)]
        public GptImageEmulator[]? InputObject { get; set; }

        private bool _any;

        protected override void ProcessRecord()
        {
            if (InputObject is null) return;
            _any = true;
            foreach (GptImageEmulator emulator in InputObject) Stop(emulator);
        }

        protected override void EndProcessing()
        {
            if (_any || MyInvocation.BoundParameters.ContainsKey(nameof(InputObject))) return;
            foreach (GptImageEmulator emulator in RunningEmulators.OfThisRunspace()) Stop(emulator);
        }

        private void Stop(GptImageEmulator? emulator)
        {
            if (emulator is null) return;
            bool wasOurs = RunningEmulators.Remove(emulator);
            EmulatorProcess.Stop(emulator.Process);
            if (wasOurs) emulator.Previous.Restore();
            WriteVerbose($"The emulator on {emulator.BaseUrl} (process {emulator.ProcessId}) is stopped.");
        }
    }
}
