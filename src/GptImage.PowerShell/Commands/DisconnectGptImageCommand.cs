using System.Management.Automation;

namespace GptImage.Commands
{
    /// <summary>
    /// <para type="synopsis">Forgets the defaults Connect-GptImage set in this session (the key included).</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Disconnect, "GptImage")]
    [OutputType(typeof(void))]
    public sealed class DisconnectGptImageCommand : PSCmdlet
    {
        protected override void EndProcessing()
        {
            WriteVerbose(ConnectionStore.Clear()
                ? "GptImage session defaults removed; cmdlets now use their parameters and the environment variables."
                : "There was no GptImage session to remove.");
        }
    }
}
