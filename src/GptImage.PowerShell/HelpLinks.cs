namespace GptImage.Commands
{
    /// <summary>
    /// Where each cmdlet's online help lives (Get-Help -Online opens it): its section of the project's README. The
    /// anchor is the README heading in GitHub's form (lower case, spaces to dashes).
    /// </summary>
    internal static class HelpLinks
    {
        /// <summary>The project's home; the module manifest's ProjectUri is the same address.</summary>
        internal const string Project = "https://github.com/gptimage-powershell/GptImage.PowerShell";

        /// <summary>The README, to be followed by a heading's anchor.</summary>
        internal const string Readme = Project + "/blob/main/README.md#";
    }
}
