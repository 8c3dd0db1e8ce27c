using System;
using System.Net.Http;

namespace GptImage
{
    /// <summary>Settings of one GptImageClient. Unset values come from the environment (see FromEnvironment).</summary>
    public sealed class GptImageClientOptions
    {
        public static readonly Uri OpenAIEndpoint = new Uri("https://api.openai.com/v1");

        /// <summary>
        /// Base URL: https://api.openai.com/v1, any OpenAI-compatible base, Azure's https://res.openai.azure.com/openai/v1/,
        /// or Azure's classic resource URL https://res.openai.azure.com (with AzureDeployment and AzureApiVersion).
        /// </summary>
        public Uri? Endpoint { get; set; }

        /// <summary>Sent as "Authorization: Bearer" (or "api-key" for Azure). Never logged, never in an error.</summary>
        public string? ApiKey { get; set; }

        /// <summary>
        /// A bearer access token instead of a key (Microsoft Entra ID for Azure OpenAI, a gateway's OAuth token): sent as
        /// "Authorization: Bearer" on every host, Azure included. Never logged, never in an error. Not with ApiKey.
        /// </summary>
        public string? AccessToken { get; set; }

        /// <summary>
        /// Returns a fresh access token; called for the first request and again when the token is within five minutes of
        /// its expiry (ExpiresOn, else the JWT's exp claim) or was refused with 401. Called on a worker thread, one call
        /// at a time. Not with ApiKey.
        /// </summary>
        public Func<System.Threading.CancellationToken, System.Threading.Tasks.Task<GptImageAccessToken>>? AccessTokenProvider { get; set; }

        /// <summary>True when the client authenticates with an access token rather than a key.</summary>
        public bool UsesAccessToken => !string.IsNullOrWhiteSpace(AccessToken) || AccessTokenProvider != null;

        public string? Organization { get; set; }
        public string? Project { get; set; }

        /// <summary>Retries after the first attempt for transient failures. Default 3.</summary>
        public int MaxRetries { get; set; } = 3;

        /// <summary>Per-attempt timeout. Default 10 minutes: large high-quality images take minutes.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(10);

        /// <summary>Longest wait honoured from retry-after headers. Default 120 s.</summary>
        public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(120);

        /// <summary>Azure classic form: the deployment name; the URL becomes /openai/deployments/{name}/images/...</summary>
        public string? AzureDeployment { get; set; }

        /// <summary>Azure classic form: the api-version query value, for example 2025-04-01-preview.</summary>
        public string? AzureApiVersion { get; set; }

        /// <summary>Send the key in the "api-key" header (Azure) instead of "Authorization: Bearer". Null: decided from the host (*.openai.azure.com).</summary>
        public bool? UseApiKeyHeader { get; set; }

        /// <summary>
        /// Extra headers sent with every request (a gateway's routing or tenant header). Authorization, api-key, cookies,
        /// the OpenAI organization/project headers and the HTTP framing headers are refused; values of headers named
        /// like secrets (key, token, secret, ...) are redacted from messages like the key.
        /// </summary>
        public System.Collections.Generic.IDictionary<string, string>? AdditionalHeaders { get; set; }

        /// <summary>Allow sending the key over plain http to a non-loopback host. Off by default.</summary>
        public bool AllowInsecureHttp { get; set; }

        /// <summary>Called after every HTTP attempt; used by the batch scheduler to follow the rate limit.</summary>
        public Action<HttpAttemptInfo>? OnAttempt { get; set; }

        /// <summary>Called for each partial image of a streamed request (PartialImages set), on the thread reading the stream.</summary>
        public Action<PartialImage>? OnPartialImage { get; set; }

        /// <summary>Diagnostic lines (already redacted) for -Verbose / -Debug.</summary>
        public Action<string>? Log { get; set; }

        /// <summary>For tests and proxies: the handler under the client's HttpClient.</summary>
        public HttpMessageHandler? HttpHandler { get; set; }

        /// <summary>
        /// A copy with unset values filled from OPENAI_API_KEY, OPENAI_BASE_URL (or OPENAI_API_BASE),
        /// OPENAI_ORG_ID and OPENAI_PROJECT_ID; the endpoint falls back to api.openai.com.
        /// </summary>
        public GptImageClientOptions WithEnvironmentDefaults() => WithEnvironmentDefaults(Environment.GetEnvironmentVariable);

        /// <summary>
        /// The same, reading variables through <paramref name="lookup"/>: tests pass a dictionary so that they
        /// check every variable without changing the process environment other tests run in.
        /// </summary>
        internal GptImageClientOptions WithEnvironmentDefaults(Func<string, string?> lookup)
        {
            string? Env(string name)
            {
                string? value = lookup(name);
                return string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
            }

            var copy = (GptImageClientOptions)MemberwiseClone();
            // With an access token the environment's key is not a fallback: it must never go out beside the token.
            if (!copy.UsesAccessToken) copy.ApiKey ??= Env("OPENAI_API_KEY");
            if (copy.Endpoint is null)
            {
                string? baseUrl = Env("OPENAI_BASE_URL") ?? Env("OPENAI_API_BASE");
                copy.Endpoint = baseUrl is null ? OpenAIEndpoint : new Uri(baseUrl, UriKind.Absolute);
            }
            copy.Organization ??= Env("OPENAI_ORG_ID");
            copy.Project ??= Env("OPENAI_PROJECT_ID");
            return copy;
        }

        /// <summary>Options read entirely from the environment.</summary>
        public static GptImageClientOptions FromEnvironment() => new GptImageClientOptions().WithEnvironmentDefaults();
    }
}
