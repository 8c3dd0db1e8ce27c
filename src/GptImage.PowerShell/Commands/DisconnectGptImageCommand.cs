using System.Management.Automation;

namespace GptImage.Commands
{
    /// <summary>Forgets the defaults Connect-GptImage set in this session, the key included.</summary>
    /// <remarks>
    /// <para>Afterwards the cmdlets use their own parameters and the environment variables OPENAI_API_KEY, OPENAI_BASE_URL,
    /// OPENAI_ORG_ID and OPENAI_PROJECT_ID again. Nothing is sent over the network; -Verbose says whether there was a
    /// session to forget.</para>
    /// </remarks>
    /// <example>
    /// <code>Disconnect-GptImage -Verbose</code>
    /// <para>Removes the session defaults and says so.</para>
    /// </example>
    [Cmdlet(VerbsCommunications.Disconnect, "GptImage", HelpUri = HelpLinks.Readme + "disconnect-gptimage")]
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
