using System;
using System.Collections.Generic;

namespace GptImage.Emulator
{
    /// <summary>How the call ended from the client's point of view.</summary>
    public enum RequestOutcome { Answered, Dropped, Truncated, ClientGaveUp }

    /// <summary>Which form of credentials the request carried (the key itself is never stored).</summary>
    public enum AuthScheme { None, Bearer, ApiKeyHeader }

    /// <summary>
    /// One file part of a multipart edit, as it arrived: <see cref="Base64"/> holds its bytes (up to
    /// <see cref="RecordedBytesLimit"/>; null above) so tests can check what was uploaded, for example that no EXIF went.
    /// </summary>
    public sealed record RecordedFilePart(string Name, string? FileName, string? ContentType, long Length, string? Base64)
    {
        public const int RecordedBytesLimit = 8 * 1024 * 1024;

        public static RecordedFilePart From(string name, string? fileName, string? contentType, byte[] bytes) =>
            new RecordedFilePart(name, fileName, contentType, bytes.Length, bytes.Length <= RecordedBytesLimit ? Convert.ToBase64String(bytes) : null);
    }

    /// <summary>One request the emulator received. Secrets are left out: no key, no Authorization header.</summary>
    public sealed class RecordedRequest
    {
        public DateTimeOffset Time { get; init; }
        public string Method { get; init; } = string.Empty;
        public string Path { get; init; } = string.Empty;
        public string Query { get; init; } = string.Empty;

        /// <summary>"generations", "edits", "responses", "models" or "other".</summary>
        public string Endpoint { get; init; } = "other";

        /// <summary>Azure deployment name when the classic deployment route was used.</summary>
        public string? AzureDeployment { get; init; }

        public string? ContentType { get; init; }
        public AuthScheme Auth { get; init; }

        /// <summary>The HTTP status sent; 0 when the connection was dropped before a status line.</summary>
        public int StatusCode { get; set; }

        public RequestOutcome Outcome { get; set; } = RequestOutcome.Answered;

        /// <summary>The error code of an error answer (rate_limit_exceeded, invalid_value...), else null.</summary>
        public string? ErrorCode { get; set; }

        public string? RequestId { get; set; }
        public string? Prompt { get; set; }
        public string? Model { get; set; }
        public int? Count { get; set; }
        public bool Stream { get; set; }

        /// <summary>A conversation turn's previous_response_id, as sent.</summary>
        public string? PreviousResponseId { get; set; }

        /// <summary>The id of the response a conversation turn was answered with.</summary>
        public string? ResponseId { get; set; }

        /// <summary>Names of the JSON properties or form fields sent (for "leave out what was not set" checks).</summary>
        public IReadOnlyList<string> Fields { get; set; } = Array.Empty<string>();

        /// <summary>File parts of a multipart request, in order.</summary>
        public IReadOnlyList<RecordedFilePart> Files { get; set; } = Array.Empty<RecordedFilePart>();

        /// <summary>The raw JSON body of a JSON request (never holds a key: keys travel in headers).</summary>
        public string? JsonBody { get; set; }

        /// <summary>Request headers except Authorization, api-key and cookies.</summary>
        public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

        public TimeSpan Duration { get; set; }

        public override string ToString() => $"{Method} {Path} -> {StatusCode} {ErrorCode} ({Outcome})";
    }
}
