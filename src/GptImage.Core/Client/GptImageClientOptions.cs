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
            copy.ApiKey ??= Env("OPENAI_API_KEY");
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
