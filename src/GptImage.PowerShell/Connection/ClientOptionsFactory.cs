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
        public static GptImageClientOptions Create(SecureString? apiKey, string? endpoint, int maxRetries, int timeoutSec)
        {
            GptImageConnection? session = ConnectionStore.Current;
            var options = new GptImageClientOptions
            {
                ApiKey = SecureStringText.Reveal(apiKey ?? session?.Key),
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
