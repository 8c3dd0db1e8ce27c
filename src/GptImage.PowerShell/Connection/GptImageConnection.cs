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
            string? organization, string? project, SecureString? accessToken = null, System.Management.Automation.ScriptBlock? accessTokenScript = null)
        {
            AccessToken = ReadOnlyCopy(accessToken);
            AccessTokenScript = accessTokenScript;
            Endpoint = endpoint;
            AzureDeployment = azureDeployment;
            AzureApiVersion = azureApiVersion;
            Organization = organization;
            Project = project;
            Key = ReadOnlyCopy(apiKey);
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

        /// <summary>Whether Connect-GptImage was given an access token or a script block that returns one (Microsoft Entra ID).</summary>
        public bool HasAccessToken => AccessToken != null || AccessTokenScript != null;

        internal SecureString? AccessToken { get; }

        internal System.Management.Automation.ScriptBlock? AccessTokenScript { get; }

        private static SecureString? ReadOnlyCopy(SecureString? secret)
        {
            if (secret is null || secret.Length == 0) return null;
            SecureString copy = secret.Copy();
            copy.MakeReadOnly();
            return copy;
        }

        public override string ToString() => $"GptImage connection to {Endpoint ?? "(default endpoint)"}";
    }
}
