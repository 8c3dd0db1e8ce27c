using System;

namespace GptImage
{
    /// <summary>
    /// Decides, from an error answer's status and OpenAI error code, which <see cref="ErrorIds"/> id it gets,
    /// whether retrying could help, and the one sentence on what to do. Money (insufficient_quota and the
    /// billing codes) is never retried even though it arrives as 429 like a rate limit.
    /// </summary>
    internal static class ApiErrorClassifier
    {
        public const string BillingUrl = "https://platform.openai.com/settings/organization/billing";
        public const string VerificationUrl = "https://platform.openai.com/settings/organization/general";

        public static bool IsQuotaCode(string? code, string? type) =>
            Is(code, "insufficient_quota") || Is(type, "insufficient_quota")
            || (code != null && code.StartsWith("billing", StringComparison.OrdinalIgnoreCase))
            || Is(code, "quota_exceeded");

        public static bool IsModerationCode(string? code, string? type) =>
            Is(code, "moderation_blocked") || Is(type, "image_generation_user_error") || Is(code, "content_policy_violation")
            || Is(code, "contentFilter") || Is(code, "content_filter");

        /// <summary>Statuses worth another attempt: 408, 409, 429 unless it is about money, and 500/502/503/504.</summary>
        public static bool IsTransient(int status, string? code, string? type) => status switch
        {
            408 or 409 or 500 or 502 or 503 or 504 => true,
            429 => !IsQuotaCode(code, type),
            _ => false,
        };

        public static string ErrorIdFor(int status, string? code, string? type, string? message) => status switch
        {
            400 or 200 when IsModerationCode(code, type) => ErrorIds.ModerationBlocked,   // 200: an error event in a stream
            401 => ErrorIds.Unauthorized,
            403 when IsVerification(code, message) => ErrorIds.OrganizationNotVerified,
            403 => ErrorIds.Unauthorized,
            404 => ErrorIds.NotFound,
            408 => ErrorIds.Timeout,
            429 when IsQuotaCode(code, type) => ErrorIds.QuotaExceeded,
            429 => ErrorIds.RateLimited,
            >= 500 => ErrorIds.ServerError,
            409 => ErrorIds.ServerError,
            _ => ErrorIds.BadRequest,
        };

        public static string? AdviceFor(string errorId) => errorId switch
        {
            ErrorIds.QuotaExceeded => "This is billing, not speed: the account is out of credit or over its spending limit. Add credit or raise the limit at " + BillingUrl + "; retrying will not help.",
            ErrorIds.RateLimited => "The account's rate limit for this model was reached: lower -ThrottleLimit or wait; the client already waited and retried.",
            ErrorIds.ModerationBlocked => "The safety system refused the prompt or an input image: rephrase the prompt or change the image. Retrying the same request will be refused again.",
            ErrorIds.Unauthorized => "Check the API key (OPENAI_API_KEY or -ApiKey) and, if you use them, the organization and project ids: the key is missing, mistyped, revoked, or lacks access.",
            ErrorIds.OrganizationNotVerified => "GPT image models require a verified organization: verify it at " + VerificationUrl + " (access can take up to 15 minutes after verification).",
            ErrorIds.NotFound => "Check -Model (or the Azure deployment name) and the endpoint URL.",
            ErrorIds.BadRequest => "The server rejected a parameter; see the message and param for which one.",
            ErrorIds.ServerError => "The service had a fault; the client already retried. Try again later.",
            ErrorIds.Timeout => "No answer arrived in time: large high-quality images can take minutes, so raise the timeout (-TimeoutSec) or try again.",
            ErrorIds.NetworkError => "The connection failed: check the network, proxy and endpoint URL, then try again.",
            ErrorIds.InvalidResponse => "The server's answer could not be read (cut short or not an images response); try again, and check the endpoint if it persists.",
            ErrorIds.UnsafeRedirect => "The key is sent only to the endpoint's own origin: check the endpoint URL, and if the address redirected to is the right service, give it as -Endpoint.",
            _ => null,
        };

        private static bool IsVerification(string? code, string? message) =>
            (code != null && code.IndexOf("verif", StringComparison.OrdinalIgnoreCase) >= 0)
            || (message != null && message.IndexOf("verif", StringComparison.OrdinalIgnoreCase) >= 0);

        private static bool Is(string? value, string expected) => string.Equals(value, expected, StringComparison.OrdinalIgnoreCase);
    }
}
