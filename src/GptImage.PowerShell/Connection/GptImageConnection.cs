using System;
using System.Security;

namespace GptImage.Commands
{
    /// <summary>
    /// The session defaults set by Connect-GptImage. The key is held as a read-only SecureString copy in a
    /// non-public member, so Format-List, ConvertTo-Json and Export-Clixml of this object never show it.
    /// </summary>
    public sealed class GptImageConnection
    {
        internal GptImageConnection(string? endpoint, SecureString? apiKey, string? azureDeployment, string? azureApiVersion,
            string? organization, string? project)
        {
            Endpoint = endpoint;
            AzureDeployment = azureDeployment;
            AzureApiVersion = azureApiVersion;
            Organization = organization;
            Project = project;
            if (apiKey != null && apiKey.Length > 0)
            {
                SecureString copy = apiKey.Copy();
                copy.MakeReadOnly();
                Key = copy;
            }
            ConnectedAt = DateTimeOffset.Now;
        }

        /// <summary>Base URL, or null for the environment / OpenAI default.</summary>
        public string? Endpoint { get; }
        public string? AzureDeployment { get; }
        public string? AzureApiVersion { get; }
        public string? Organization { get; }
        public string? Project { get; }

        /// <summary>Whether a key was given to Connect-GptImage (the key itself is never exposed).</summary>
        public bool HasApiKey => Key != null;

        public DateTimeOffset ConnectedAt { get; }

        internal SecureString? Key { get; }

        public override string ToString() => $"GptImage connection to {Endpoint ?? "(default endpoint)"}";
    }
}
