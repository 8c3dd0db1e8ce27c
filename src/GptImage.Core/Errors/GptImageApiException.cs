using System;

namespace GptImage
{
    /// <summary>
    /// The one exception the client throws for a failed call: an API error answer, a connection failure or a
    /// timeout after the retries ran out, or a response that could not be read. Never carries the API key.
    /// </summary>
    public sealed class GptImageApiException : Exception
    {
        public GptImageApiException(string errorId, string message, Exception? inner = null) : base(message, inner)
        {
            ErrorId = errorId;
        }

        /// <summary>Stable id from <see cref="ErrorIds"/> (GptImage.RateLimited, GptImage.QuotaExceeded, ...).</summary>
        public string ErrorId { get; }

        /// <summary>HTTP status, or 0 when no response arrived (connection failure, timeout).</summary>
        public int StatusCode { get; init; }

        /// <summary>error.type from the body, for example invalid_request_error.</summary>
        public string? ErrorType { get; init; }

        /// <summary>error.code from the body, for example insufficient_quota.</summary>
        public string? ErrorCode { get; init; }

        /// <summary>error.param from the body, for example image[0].</summary>
        public string? Param { get; init; }

        /// <summary>error.message from the body, redacted.</summary>
        public string? ApiMessage { get; init; }

        public string? RequestId { get; init; }

        /// <summary>One sentence on what to do about it.</summary>
        public string? Advice { get; init; }

        /// <summary>Whether trying again later could succeed (rate limit, server fault), as opposed to money, keys or input.</summary>
        public bool IsTransient { get; init; }

        /// <summary>The server's requested wait, when it gave one.</summary>
        public TimeSpan? RetryAfter { get; init; }

        public int Attempts { get; init; } = 1;
    }
}
