using System;
using GptImage.Emulator.Http;
using Microsoft.AspNetCore.Http;

namespace GptImage.Emulator.Pipeline
{
    /// <summary>Reads the credentials in either form (Bearer or Azure's api-key) and judges them.</summary>
    internal static class Authentication
    {
        public static (AuthScheme Scheme, string? Key) Read(HttpRequest request)
        {
            string? apiKey = request.Headers["api-key"].ToString();
            if (!string.IsNullOrEmpty(apiKey)) return (AuthScheme.ApiKeyHeader, apiKey);
            string authorization = request.Headers.Authorization.ToString();
            if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                return (AuthScheme.Bearer, authorization.Substring("Bearer ".Length).Trim());
            return (AuthScheme.None, null);
        }

        /// <summary>Null when the request may go on. Without a required key, any key (or none) is accepted.</summary>
        public static ApiError? Check(AuthScheme scheme, string? key, EmulatorOptions options)
        {
            string? required = options.RequiredApiKey;
            if (required == null) return null;
            if (scheme == AuthScheme.None || string.IsNullOrEmpty(key)) return ApiError.MissingApiKey();
            return string.Equals(key, required, StringComparison.Ordinal) ? null : ApiError.IncorrectApiKey(key!);
        }
    }
}
