using System;
using System.Collections.Generic;
using System.Net;

namespace GptImage
{
    /// <summary>
    /// Turns the options into the URL of each operation and the headers of every request, and refuses
    /// settings that would fail or leak: no key, a non-http(s) URL, or a key over plain http to another machine.
    /// Forms: OpenAI or any compatible base (…/v1), Azure's /openai/v1/ base (model = deployment name), and
    /// Azure's classic deployment URL (…/openai/deployments/{d}/images/{op}?api-version=…, api-key header).
    /// </summary>
    internal sealed class EndpointResolver
    {
        public const string DefaultAzureApiVersion = "2025-04-01-preview";

        private readonly Uri _base;
        private readonly string? _deployment;
        private readonly string _apiVersion;

        public EndpointResolver(GptImageClientOptions options)
        {
            Uri endpoint = options.Endpoint ?? GptImageClientOptions.OpenAIEndpoint;
            if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
                throw new GptImageValidationException(ErrorIds.InvalidEndpoint, "Endpoint", endpoint.IsAbsoluteUri ? Display(endpoint) : endpoint.OriginalString,
                    "an absolute http or https URL such as https://api.openai.com/v1.");
            if (endpoint.Scheme == Uri.UriSchemeHttp && !IsLoopback(endpoint) && !options.AllowInsecureHttp)
                throw new GptImageValidationException(ErrorIds.InsecureEndpoint, "Endpoint", Display(endpoint),
                    "https, because plain http would send the API key readable on the network; http is accepted only for this machine "
                    + "(localhost, 127.0.0.1, ::1) unless AllowInsecureHttp is set.");
            if (options.UsesAccessToken && !string.IsNullOrWhiteSpace(options.ApiKey))
                throw new GptImageValidationException(ErrorIds.InvalidSetting, "AccessToken", null,
                    "either an API key or an access token, not both: the key would be sent beside the token.");
            if (string.IsNullOrWhiteSpace(options.ApiKey) && !options.UsesAccessToken)
                throw new GptImageValidationException(ErrorIds.MissingApiKey, "ApiKey", null,
                    "an API key is required: set the OPENAI_API_KEY environment variable or pass -ApiKey.");

            _deployment = string.IsNullOrWhiteSpace(options.AzureDeployment) ? null : options.AzureDeployment!.Trim();
            _apiVersion = string.IsNullOrWhiteSpace(options.AzureApiVersion) ? DefaultAzureApiVersion : options.AzureApiVersion!.Trim();
            _base = _deployment is null ? WithTrailingSlash(endpoint) : AzureResourceRoot(endpoint);
            UsesApiKeyHeader = !options.UsesAccessToken && (options.UseApiKeyHeader ?? (_deployment != null || IsAzureHost(endpoint)));
            Headers = BuildHeaders(options, UsesApiKeyHeader);
        }

        /// <summary>True when the key goes in "api-key" (Azure) rather than "Authorization: Bearer".</summary>
        public bool UsesApiKeyHeader { get; }

        /// <summary>Authentication and account headers sent with every request.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

        /// <summary>Host shown in messages (never the key, never the query).</summary>
        public string Host => _base.Host;

        /// <summary>The URL of images/generations or images/edits.</summary>
        public Uri UrlFor(string operation)
        {
            if (_deployment is null) return new Uri(_base, "images/" + operation);
            string path = "openai/deployments/" + Uri.EscapeDataString(_deployment) + "/images/" + operation
                + "?api-version=" + Uri.EscapeDataString(_apiVersion);
            return new Uri(_base, path);
        }

        /// <summary>
        /// The URL of another API path under the base (files, batches). Azure's classic deployment form has no
        /// such paths: those need the /openai/v1/ base.
        /// </summary>
        public Uri UrlForApi(string path)
        {
            if (_deployment != null)
                throw new GptImageValidationException(ErrorIds.InvalidEndpoint, "Endpoint", _base.GetLeftPart(UriPartial.Path),
                    "an OpenAI-style base URL for the files, batches and Responses API (https://api.openai.com/v1, or Azure's https://<resource>.openai.azure.com/openai/v1/ with the deployment as -Model); the classic deployment form serves images only.");
            return new Uri(_base, path.TrimStart('/'));
        }

        private static IReadOnlyList<KeyValuePair<string, string>> BuildHeaders(GptImageClientOptions options, bool apiKeyHeader)
        {
            var headers = new List<KeyValuePair<string, string>>();
            // An access token is added per attempt (it can be renewed); a key is fixed for the client's life.
            if (!options.UsesAccessToken)
            {
                string key = options.ApiKey!.Trim();
                headers.Add(apiKeyHeader ? new KeyValuePair<string, string>("api-key", key) : new KeyValuePair<string, string>("Authorization", "Bearer " + key));
            }
            if (!string.IsNullOrWhiteSpace(options.Organization)) headers.Add(new KeyValuePair<string, string>("OpenAI-Organization", options.Organization!.Trim()));
            if (!string.IsNullOrWhiteSpace(options.Project)) headers.Add(new KeyValuePair<string, string>("OpenAI-Project", options.Project!.Trim()));
            Wire.AdditionalHeaders.Check(options.AdditionalHeaders);
            if (options.AdditionalHeaders != null)
                foreach (var extra in options.AdditionalHeaders) headers.Add(new KeyValuePair<string, string>(extra.Key.Trim(), (extra.Value ?? string.Empty).Trim()));
            return headers;
        }

        /// <summary>https://res.openai.azure.com, with or without a trailing /openai, becomes the resource root.</summary>
        private static Uri AzureResourceRoot(Uri endpoint)
        {
            string path = endpoint.AbsolutePath.TrimEnd('/');
            if (path.EndsWith("/openai", StringComparison.OrdinalIgnoreCase)) path = path.Substring(0, path.Length - "/openai".Length);
            var builder = new UriBuilder(endpoint) { Path = path + "/", Query = string.Empty };
            return builder.Uri;
        }

        private static Uri WithTrailingSlash(Uri endpoint) =>
            endpoint.AbsolutePath.EndsWith("/", StringComparison.Ordinal) ? endpoint : new UriBuilder(endpoint) { Path = endpoint.AbsolutePath + "/" }.Uri;

        /// <summary>A URL as messages may show it: scheme, host, port and path; never user info or the query (either can hold a secret).</summary>
        internal static string Display(Uri url) => url.Scheme + "://" + url.Authority + url.AbsolutePath;

        internal static bool IsAzureHost(Uri endpoint) =>
            endpoint.Host.EndsWith(".openai.azure.com", StringComparison.OrdinalIgnoreCase)
            || endpoint.Host.EndsWith(".cognitiveservices.azure.com", StringComparison.OrdinalIgnoreCase)
            || endpoint.Host.EndsWith(".services.ai.azure.com", StringComparison.OrdinalIgnoreCase);

        internal static bool IsLoopback(Uri endpoint)
        {
            if (endpoint.IsLoopback) return true;
            string host = endpoint.Host.Trim('[', ']');
            return IPAddress.TryParse(host, out IPAddress? address) && IPAddress.IsLoopback(address);
        }
    }
}
