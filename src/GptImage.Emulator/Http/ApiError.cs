using System;
using System.Collections.Generic;
using System.Linq;

namespace GptImage.Emulator.Http
{
    /// <summary>
    /// One error answer in OpenAI's shape {"error":{"message","type","param","code"}}. The factories hold
    /// the wording and codes the real API uses, so a client tested here meets the same errors in production.
    /// </summary>
    internal sealed record ApiError(int Status, string Message, string? Type, string? Param, string? Code)
    {
        public const string InvalidRequest = "invalid_request_error";

        /// <summary>Seconds announced in Retry-After (429 and 503 only).</summary>
        public TimeSpan? RetryAfter { get; init; }

        public static ApiError MissingParameter(string param) =>
            new(400, $"Missing required parameter: '{param}'.", InvalidRequest, param, "missing_required_parameter");

        public static ApiError UnknownParameter(string param) =>
            new(400, $"Unknown parameter: '{param}'.", InvalidRequest, param, "unknown_parameter");

        public static ApiError InvalidType(string param, string expected, string got) =>
            new(400, $"Invalid type for '{param}': expected {expected}, but got {got} instead.", InvalidRequest, param, "invalid_type");

        public static ApiError InvalidValue(string param, string value, IEnumerable<string> allowed) =>
            new(400, $"Invalid value: '{value}'. Supported values are: {Quoted(allowed)}.", InvalidRequest, param, "invalid_value");

        public static ApiError InvalidValue(string param, string message) =>
            new(400, message, InvalidRequest, param, "invalid_value");

        public static ApiError IntegerAboveMax(string param, long max, long got) =>
            new(400, $"Invalid '{param}': integer above maximum value. Expected a value <= {max}, but got {got} instead.", InvalidRequest, param, "integer_above_max_value");

        public static ApiError IntegerBelowMin(string param, long min, long got) =>
            new(400, $"Invalid '{param}': integer below minimum value. Expected a value >= {min}, but got {got} instead.", InvalidRequest, param, "integer_below_min_value");

        public static ApiError StringTooLong(string param, int max, int got) =>
            new(400, $"Invalid '{param}': string too long. Expected a string with maximum length {max}, but got a string with length {got} instead.", InvalidRequest, param, "string_above_max_length");

        public static ApiError ArrayTooLong(string param, int max, int got) =>
            new(400, $"Invalid '{param}': array too long. Expected an array with maximum length {max}, but got an array with length {got} instead.", InvalidRequest, param, "array_above_max_length");

        public static ApiError UnsupportedMimeType(string param, string? mimeType) =>
            new(400, $"Invalid file '{param}': unsupported mimetype ('{mimeType ?? "none"}'). Supported file formats are 'image/jpeg', 'image/png', and 'image/webp'.",
                InvalidRequest, param, "unsupported_file_mimetype");

        public static ApiError InvalidImageFile(string param) =>
            new(400, $"Invalid image file or mode for '{param}', please check your image file. Supported formats are PNG, JPEG and WebP.", InvalidRequest, param, "invalid_image_file");

        public static ApiError FileTooLarge(string param, long maxBytes, long got) =>
            new(400, $"Invalid file '{param}': file too large ({got} bytes). The maximum size is {maxBytes} bytes.", InvalidRequest, param, "file_too_large");

        public static ApiError InvalidMask(string message) =>
            new(400, message, InvalidRequest, "mask", "invalid_mask_image");

        public static ApiError ModerationBlocked() =>
            new(400, "Your request was rejected as a result of our safety system. Your prompt may contain text that is not allowed by our safety system.",
                "image_generation_user_error", null, "moderation_blocked");

        /// <summary>Azure OpenAI's refusal: its own code, no OpenAI type.</summary>
        public static ApiError AzureContentFilter() =>
            new(400, "Your request was rejected as a result of our safety system. The prompt may contain content that is not allowed by the content filter.",
                null, "prompt", "contentFilter");

        public static ApiError MissingApiKey() =>
            new(401, "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
                InvalidRequest, null, null);

        /// <summary>Echoes the wrong key in full (OpenAI shows a prefix): the client must redact what servers send back.</summary>
        public static ApiError IncorrectApiKey(string key) =>
            new(401, $"Incorrect API key provided: {key}. You can find your API key at https://platform.openai.com/account/api-keys.",
                InvalidRequest, null, "invalid_api_key");

        public static ApiError OrganizationNotVerified(string model) =>
            new(403, $"Your organization must be verified to use the model `{model}`. Please go to: https://platform.openai.com/settings/organization/general and click on Verify Organization.",
                InvalidRequest, null, null);

        public static ApiError ModelNotFound(string model) =>
            new(404, $"The model `{model}` does not exist or you do not have access to it.", InvalidRequest, "model", "model_not_found");

        public static ApiError RateLimited(string model, string detail, TimeSpan retryAfter) =>
            new(429, $"Rate limit reached for {model} in organization org-emulator on {detail}. Please try again in {DurationFormat.Go(retryAfter)}.", "requests", null, "rate_limit_exceeded")
            { RetryAfter = retryAfter };

        public static ApiError InsufficientQuota() =>
            new(429, "You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.",
                "insufficient_quota", null, "insufficient_quota");

        public static ApiError ServerError() =>
            new(500, "The server had an error while processing your request. Sorry about that!", "server_error", null, "server_error");

        public static ApiError Overloaded(TimeSpan retryAfter) =>
            new(503, "The engine is currently overloaded, please try again later.", "server_error", null, "server_is_overloaded") { RetryAfter = retryAfter };

        public static ApiError WithStatus(int status, string message) => new(status, message, "server_error", null, null);

        private static string Quoted(IEnumerable<string> values)
        {
            string[] items = values.Select(v => $"'{v}'").ToArray();
            return items.Length switch
            {
                0 => "none",
                1 => items[0],
                2 => $"{items[0]} and {items[1]}",
                _ => string.Join(", ", items.Take(items.Length - 1)) + ", and " + items[^1],
            };
        }
    }
}
