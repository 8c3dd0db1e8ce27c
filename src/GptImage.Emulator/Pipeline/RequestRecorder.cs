using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Http;

namespace GptImage.Emulator.Pipeline
{
    /// <summary>Starts the record of a request, leaving every credential out.</summary>
    internal static class RequestRecorder
    {
        private static readonly HashSet<string> SecretHeaders = new(StringComparer.OrdinalIgnoreCase)
            { "Authorization", "api-key", "Cookie", "Proxy-Authorization" };

        public static RecordedRequest Start(HttpContext context, string endpoint, string? deployment, AuthScheme scheme) => new RecordedRequest
        {
            Time = DateTimeOffset.UtcNow,
            Method = context.Request.Method,
            Path = context.Request.Path.Value ?? string.Empty,
            Query = context.Request.QueryString.Value ?? string.Empty,
            Endpoint = endpoint,
            AzureDeployment = deployment,
            ContentType = context.Request.ContentType,
            Auth = scheme,
            Headers = context.Request.Headers
                .Where(h => !SecretHeaders.Contains(h.Key))
                .ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
        };
    }
}
