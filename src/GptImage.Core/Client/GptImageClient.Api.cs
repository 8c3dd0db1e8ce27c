using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace GptImage
{
    // A small internal door to the rest of the API (files, batches) through the same transport, headers,
    // retries, timeouts, error classification and key redaction as the image calls: there is one HTTP stack.
    public sealed partial class GptImageClient
    {
        /// <summary>The URL of an API path under the base, for example "files" or "batches/batch_1".</summary>
        internal Uri ApiUrl(string path)
        {
            ThrowIfDisposed();
            return _endpoint.UrlForApi(path);
        }

        /// <summary>
        /// Sends one API call and returns its 2xx body; error answers throw <see cref="GptImageApiException"/> after the
        /// usual retries. <paramref name="idempotent"/> false: retried only on a rate-limit refusal (it must not run twice).
        /// </summary>
        internal Task<ApiAnswer> SendApiAsync(HttpMethod method, string path, Func<HttpContent>? createContent, bool idempotent, CancellationToken cancellationToken,
            CallErrors? errors = null)
        {
            Uri url = ApiUrl(path);
            return SendAsync(path, method, url, createContent, "application/json",
                async (response, requestId, rateLimit, attempt, ct) => new ApiAnswer(await ReadBodyAsync(response, ct).ConfigureAwait(false), requestId, attempt),
                idempotent, errors ?? CallErrors.Images, cancellationToken);
        }

        /// <summary>
        /// GETs a path and writes its body to <paramref name="destinationPath"/> (replaced on each attempt), so a
        /// multi-gigabyte batch output never sits in memory. Returns the number of bytes written.
        /// </summary>
        internal async Task<long> DownloadApiAsync(string path, string destinationPath, CancellationToken cancellationToken, CallErrors? errors = null)
        {
            Uri url = ApiUrl(path);
            ApiAnswer answer = await SendAsync(path, HttpMethod.Get, url, null, "application/octet-stream",
                async (response, requestId, rateLimit, attempt, ct) =>
                {
                    long written;
                    using (Stream source = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
                    using (var target = new FileStream(destinationPath, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                    using (ct.Register(() => source.Dispose()))
                    {
                        try
                        {
                            await source.CopyToAsync(target, 81920, ct).ConfigureAwait(false);
                        }
                        catch (Exception e) when (!ct.IsCancellationRequested && (e is IOException || e is HttpRequestException || e is ObjectDisposedException))
                        {
                            throw new Wire.InvalidResponseException($"The download was cut short after {target.Length} bytes.", e);
                        }
                        written = target.Length;
                    }
                    long? declared = response.Content.Headers.ContentLength;
                    if (declared is long expected && written != expected)
                        throw new Wire.InvalidResponseException($"The download was cut short after {written} of {expected} bytes.");
                    return new ApiAnswer(Array.Empty<byte>(), requestId, attempt) { Length = written };
                }, true, errors ?? CallErrors.Images, cancellationToken).ConfigureAwait(false);
            return answer.Length;
        }

        /// <summary>The classified, redacted exception for an error answer that arrived inside another body (a batch output line).</summary>
        /// <summary>Server-provided text with the key and tokens masked.</summary>
        internal string? Redact(string? text) => _redactor.Redact(text);

        internal GptImageApiException ErrorFromBody(int status, byte[] body, string? requestId) => ApiError(status, Wire.ApiErrorBody.Read(body), requestId, null, CallErrors.Images);
    }

    /// <summary>A 2xx answer of <see cref="GptImageClient.SendApiAsync"/>.</summary>
    internal sealed class ApiAnswer
    {
        public ApiAnswer(byte[] body, string? requestId, int attempts)
        {
            Body = body;
            RequestId = requestId;
            Attempts = attempts;
        }

        public byte[] Body { get; }
        public string? RequestId { get; }
        public int Attempts { get; }
        public long Length { get; init; }
    }
}
