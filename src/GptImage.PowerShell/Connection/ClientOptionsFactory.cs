using System;
using System.Security;

namespace GptImage.Commands
{
    /// <summary>
    /// Decides the client settings of one cmdlet invocation. Precedence: the cmdlet's own parameters, then the
    /// Connect-GptImage session, then the environment (OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_ORG_ID,
    /// OPENAI_PROJECT_ID), then api.openai.com.
    /// </summary>
    internal static class ClientOptionsFactory
    {
        /// <summary>
        /// The options of one cmdlet's client. Call on the pipeline thread: a session's -AccessTokenScript runs here for the first token.
        /// A typed -ApiKey wins over a session's access token, and then no token is sent.
        /// </summary>
        public static GptImageClientOptions Create(SecureString? apiKey, string? endpoint, int maxRetries, int timeoutSec,
            System.Collections.Generic.IDictionary<string, string>? additionalHeaders = null)
        {
            GptImageConnection? session = ConnectionStore.Current;
            bool token = apiKey is null && session?.HasAccessToken == true;
            var options = new GptImageClientOptions
            {
                ApiKey = token ? null : SecureStringText.Reveal(apiKey ?? session?.Key),
                AccessToken = token && session!.AccessTokenScript is null ? SecureStringText.Reveal(session.AccessToken) : null,
                AccessTokenProvider = token && session!.AccessTokenScript != null ? ScriptBlockTokenSource.Create(session.AccessTokenScript) : null,
                AdditionalHeaders = additionalHeaders,
                Endpoint = ParseEndpoint(endpoint ?? session?.Endpoint),
                AzureDeployment = session?.AzureDeployment,
                AzureApiVersion = session?.AzureApiVersion,
                Organization = session?.Organization,
                Project = session?.Project,
                MaxRetries = maxRetries,
                Timeout = TimeSpan.FromSeconds(timeoutSec),
            };
            return options.WithEnvironmentDefaults();
        }

        /// <summary>An absolute http(s) URL, or a validation error that names -Endpoint (never a key: endpoints hold none).</summary>
        public static Uri? ParseEndpoint(string? endpoint)
        {
            if (string.IsNullOrWhiteSpace(endpoint)) return null;
            if (Uri.TryCreate(endpoint!.Trim(), UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
                return uri;
            throw new GptImageValidationException(ErrorIds.InvalidEndpoint, "Endpoint", endpoint,
                "an absolute http or https URL such as https://api.openai.com/v1 or https://<resource>.openai.azure.com.");
        }

        /// <summary>What the cache keys and messages call the endpoint: the base URL, plus the Azure deployment when used.</summary>
        public static string Describe(GptImageClientOptions options)
        {
            string url = (options.Endpoint ?? GptImageClientOptions.OpenAIEndpoint).GetLeftPart(UriPartial.Path);
            return options.AzureDeployment is null ? url : url + " (deployment " + options.AzureDeployment + ")";
        }
    }
}
