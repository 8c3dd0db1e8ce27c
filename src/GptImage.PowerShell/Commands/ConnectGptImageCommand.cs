using System.Management.Automation;
using System.Security;

namespace GptImage.Commands
{
    /// <summary>Sets this session's defaults for endpoint, API key or access token, Azure deployment and api-version, organization and project.</summary>
    /// <remarks>
    /// <para>Later GptImage cmdlets in this runspace use them unless their own -ApiKey/-Endpoint say otherwise.
    /// Without Connect-GptImage the environment variables OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_ORG_ID and OPENAI_PROJECT_ID apply.
    /// Nothing is sent over the network.</para>
    /// <para>Azure OpenAI with Microsoft Entra ID (key authentication disabled): -AccessToken takes a bearer token as a SecureString,
    /// for example (Get-AzAccessToken -ResourceUrl https://cognitiveservices.azure.com -AsSecureString).Token. For runs that outlast a
    /// token, -AccessTokenScript takes a script block that returns a fresh one (a SecureString, a string, or Get-AzAccessToken's
    /// object with Token and ExpiresOn): it runs when a cmdlet starts, in your session, and again whenever the token is within five
    /// minutes of expiry or is refused with 401; those renewals run in a runspace of their own, so the script must not rely on
    /// variables of your session (modules load as usual). The token goes only to the endpoint, as "Authorization: Bearer", and never
    /// appears in output, errors, verbose text or files. A typed -ApiKey on a cmdlet wins over a session's token.</para>
    /// </remarks>
    /// <example>
    /// <code>Connect-GptImage -Endpoint 'https://contoso.openai.azure.com' -AzureDeployment 'gpt-image-2' -AzureApiVersion '2025-04-01-preview' -ApiKey (ConvertTo-SecureString 'example-key' -AsPlainText -Force)</code>
    /// <para>Sets an Azure OpenAI deployment and its key for this session (in real use read the key with Read-Host -AsSecureString or Get-Secret). Nothing is sent.</para>
    /// </example>
    /// <example>
    /// <code>Connect-GptImage -Endpoint 'https://contoso.openai.azure.com/openai/v1/' -AccessTokenScript { Get-AzAccessToken -ResourceUrl 'https://cognitiveservices.azure.com' -AsSecureString }</code>
    /// <para>Authenticates with Microsoft Entra ID: the script block runs when a cmdlet starts and again before the token expires.
    /// Connect-GptImage itself runs nothing and sends nothing.</para>
    /// </example>
    [Cmdlet(VerbsCommunications.Connect, "GptImage", DefaultParameterSetName = KeySet)]
    [OutputType(typeof(GptImageConnection))]
    public sealed class ConnectGptImageCommand : PSCmdlet
    {
        private const string KeySet = "ApiKey";
        private const string TokenSet = "AccessToken";
        private const string TokenScriptSet = "AccessTokenScript";

        /// <summary>Base URL: https://api.openai.com/v1, https://&lt;resource&gt;.openai.azure.com (with -AzureDeployment) or a compatible gateway.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Endpoint { get; set; }

        /// <summary>The API key, for example from Read-Host -AsSecureString or Get-Secret. Held as a SecureString; never printed.</summary>
        [Parameter(ParameterSetName = KeySet)]
        [SecureStringOnly]
        public SecureString? ApiKey { get; set; }

        /// <summary>A bearer access token instead of a key (Microsoft Entra ID for Azure OpenAI), as a SecureString. Never printed.</summary>
        [Parameter(Mandatory = true, ParameterSetName = TokenSet)]
        [SecureStringOnly]
        public SecureString? AccessToken { get; set; }

        /// <summary>A script block that returns a fresh access token (SecureString, string, or an object with Token and ExpiresOn); asked again before the token expires.</summary>
        [Parameter(Mandatory = true, ParameterSetName = TokenScriptSet)]
        [ValidateNotNull]
        public ScriptBlock? AccessTokenScript { get; set; }

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

            var connection = new GptImageConnection(Endpoint?.Trim(), ApiKey, AzureDeployment, AzureApiVersion, Organization, Project, AccessToken, AccessTokenScript);
            ConnectionStore.Set(connection);
            WriteVerbose(connection.HasApiKey || connection.HasAccessToken
                ? $"GptImage session defaults set for {connection.Endpoint ?? "the default endpoint"}, with {(connection.HasAccessToken ? "an access token" : "an API key")}."
                : $"GptImage session defaults set for {connection.Endpoint ?? "the default endpoint"}; the key will come from -ApiKey or $env:OPENAI_API_KEY.");
            WriteObject(connection);
        }
    }
}
