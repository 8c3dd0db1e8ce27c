using System.Management.Automation;
using System.Security;

namespace GptImage.Commands
{
    /// <summary>Sets this session's defaults for the endpoint, API key or access token, Azure deployment, organization and project.</summary>
    /// <remarks>
    /// <para>Later GptImage cmdlets in this session (runspace) use these defaults unless their own -ApiKey or -Endpoint
    /// say otherwise. Without Connect-GptImage the environment variables OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_ORG_ID
    /// and OPENAI_PROJECT_ID apply, then https://api.openai.com/v1.</para>
    /// <para>Nothing is sent over the network. The key is kept as a SecureString and never written to output, errors or
    /// files; the connection object returned says only whether it has one (HasApiKey, HasAccessToken).</para>
    /// <para>Azure OpenAI with Microsoft Entra ID (key authentication disabled): -AccessToken takes a bearer token as a SecureString,
    /// for example (Get-AzAccessToken -ResourceUrl https://cognitiveservices.azure.com -AsSecureString).Token. For runs that outlast a
    /// token, -AccessTokenScript takes a script block that returns a fresh one (a SecureString, a string, or Get-AzAccessToken's
    /// object with Token and ExpiresOn): it runs when a cmdlet starts, in your session, and again whenever the token is within five
    /// minutes of expiry or is refused with 401; those renewals run in a runspace of their own, so the script must not rely on
    /// variables of your session (modules load as usual). The token goes only to the endpoint, as "Authorization: Bearer", and never
    /// appears in output, errors, verbose text or files. A typed -ApiKey on a cmdlet wins over a session's token.</para>
    /// </remarks>
    /// <example>
    /// <code># not run by the tests: it asks for the key at the prompt
    /// Connect-GptImage -ApiKey (Read-Host -AsSecureString 'OpenAI API key')</code>
    /// <para>Asks for the OpenAI key without echoing it and uses it for the rest of the session.</para>
    /// </example>
    /// <example>
    /// <code># not run by the tests: it needs the SecretManagement module and a vault holding the key
    /// Connect-GptImage -Endpoint 'https://contoso.openai.azure.com' -AzureDeployment 'gpt-image-2' -AzureApiVersion '2025-04-01-preview' -ApiKey (Get-Secret AzureOpenAIKey)</code>
    /// <para>Azure OpenAI with a classic deployment URL; the key comes from a SecretManagement vault.</para>
    /// </example>
    /// <example>
    /// <code># not run by the tests: it points the session at a real Azure resource that later examples would then use
    /// Connect-GptImage -Endpoint 'https://contoso.openai.azure.com/openai/v1/' -AccessTokenScript { Get-AzAccessToken -ResourceUrl 'https://cognitiveservices.azure.com' -AsSecureString }</code>
    /// <para>Authenticates with Microsoft Entra ID: the script block runs when a cmdlet starts and again before the token expires.
    /// Connect-GptImage itself runs nothing and sends nothing.</para>
    /// </example>
    /// <example>
    /// <code>Connect-GptImage -Endpoint 'http://127.0.0.1:5123/v1' -ApiKey (ConvertTo-SecureString 'sk-local-test' -AsPlainText -Force)</code>
    /// <para>Points the session at a local OpenAI-compatible server, such as the project's emulator, with a dummy key.</para>
    /// </example>
    /// <returns>The connection: Endpoint, HasApiKey, HasAccessToken, AzureDeployment, AzureApiVersion, Organization, Project, ConnectedAt. The key and the token are not among its properties.</returns>
    [Cmdlet(VerbsCommunications.Connect, "GptImage", DefaultParameterSetName = KeySet, HelpUri = HelpLinks.Readme + "connect-gptimage")]
    [OutputType(typeof(GptImageConnection))]
    public sealed class ConnectGptImageCommand : PSCmdlet
    {
        private const string KeySet = "ApiKey";
        private const string TokenSet = "AccessToken";
        private const string TokenScriptSet = "AccessTokenScript";

        /// <summary>Base URL: https://api.openai.com/v1, https://&lt;resource&gt;.openai.azure.com (with -AzureDeployment), https://&lt;resource&gt;.openai.azure.com/openai/v1/, or an OpenAI-compatible gateway. Default: $env:OPENAI_BASE_URL, then https://api.openai.com/v1.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Endpoint { get; set; }

        /// <summary>The API key as a SecureString, for example from Read-Host -AsSecureString or Get-Secret. Never printed. Default: $env:OPENAI_API_KEY.</summary>
        [Parameter(ParameterSetName = KeySet)]
        [SecureStringOnly]
        public SecureString? ApiKey { get; set; }

        /// <summary>A bearer access token instead of a key (Microsoft Entra ID for Azure OpenAI), as a SecureString. Never printed.</summary>
        [Parameter(Mandatory = true, ParameterSetName = TokenSet)]
        [SecureStringOnly]
        public SecureString? AccessToken { get; set; }

        /// <summary>A script block that returns a fresh access token (SecureString, string, or an object with Token and ExpiresOn); asked again before the token expires and after a 401.</summary>
        [Parameter(Mandatory = true, ParameterSetName = TokenScriptSet)]
        [ValidateNotNull]
        public ScriptBlock? AccessTokenScript { get; set; }

        /// <summary>Azure OpenAI deployment name, for the classic /openai/deployments/{name} URL form. Default: none.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? AzureDeployment { get; set; }

        /// <summary>Azure OpenAI api-version for the classic URL form, for example 2025-04-01-preview.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? AzureApiVersion { get; set; }

        /// <summary>OpenAI organization id, sent as the OpenAI-Organization header. Default: $env:OPENAI_ORG_ID.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Organization { get; set; }

        /// <summary>OpenAI project id, sent as the OpenAI-Project header. Default: $env:OPENAI_PROJECT_ID.</summary>
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
