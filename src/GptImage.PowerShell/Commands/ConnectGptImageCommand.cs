using System.Management.Automation;
using System.Security;

namespace GptImage.Commands
{
    /// <summary>
    /// <para type="synopsis">Sets this session's defaults for endpoint, API key, Azure deployment and api-version, organization and project.</para>
    /// <para type="description">Later GptImage cmdlets in this runspace use them unless their own -ApiKey/-Endpoint say otherwise.
    /// Without Connect-GptImage the environment variables OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_ORG_ID and OPENAI_PROJECT_ID apply.
    /// Nothing is sent over the network.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "GptImage")]
    [OutputType(typeof(GptImageConnection))]
    public sealed class ConnectGptImageCommand : PSCmdlet
    {
        /// <summary>Base URL: https://api.openai.com/v1, https://&lt;resource&gt;.openai.azure.com (with -AzureDeployment) or a compatible gateway.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Endpoint { get; set; }

        /// <summary>The API key, for example from Read-Host -AsSecureString or Get-Secret. Held as a SecureString; never printed.</summary>
        [Parameter]
        [SecureStringOnly]
        public SecureString? ApiKey { get; set; }

        /// <summary>Azure OpenAI deployment name (the classic /openai/deployments/{name} form).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? AzureDeployment { get; set; }

        /// <summary>Azure OpenAI api-version, for example 2025-04-01-preview.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? AzureApiVersion { get; set; }

        /// <summary>OpenAI organization id (OpenAI-Organization header).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Organization { get; set; }

        /// <summary>OpenAI project id (OpenAI-Project header).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Project { get; set; }

        protected override void EndProcessing()
        {
            try
            {
                ClientOptionsFactory.ParseEndpoint(Endpoint);
            }
            catch (GptImageValidationException e)
            {
                ThrowTerminatingError(ErrorRecords.From(e, Endpoint));
            }

            var connection = new GptImageConnection(Endpoint?.Trim(), ApiKey, AzureDeployment, AzureApiVersion, Organization, Project);
            ConnectionStore.Set(connection);
            WriteVerbose(connection.HasApiKey
                ? $"GptImage session defaults set for {connection.Endpoint ?? "the default endpoint"}, with an API key."
                : $"GptImage session defaults set for {connection.Endpoint ?? "the default endpoint"}; the key will come from -ApiKey or $env:OPENAI_API_KEY.");
            WriteObject(connection);
        }
    }
}
