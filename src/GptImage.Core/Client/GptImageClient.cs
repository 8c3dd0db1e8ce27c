using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using GptImage.Wire;

namespace GptImage
{
    /// <summary>
    /// The client for OpenAI's image API (and compatible servers, Azure OpenAI, the local emulator). Every
    /// request is validated against the model table before any network call; transient failures are retried
    /// with the server's delay or exponential backoff; errors arrive as <see cref="GptImageApiException"/>
    /// with the API key redacted. One instance holds one HttpClient: reuse it for many calls, dispose it at the end.
    /// </summary>
    public sealed partial class GptImageClient : IGptImageClient, IDisposable
    {
        private const int MaxConnectionsPerServer = 64;

        private readonly GptImageClientOptions _options;
        private readonly EndpointResolver _endpoint;
        private readonly SecretRedactor _redactor;
        // Set when the client authenticates with an access token (Entra ID) instead of a key.
        private readonly AccessTokenCache? _tokens;
        private readonly RetryPolicy _retryPolicy;
        private readonly HttpClient _http;
        private int _disposed;

        /// <summary>Creates a client; unset options come from the environment. Throws <see cref="GptImageValidationException"/> for a missing key or an unsafe endpoint.</summary>
        public GptImageClient(GptImageClientOptions options)
        {
            if (options is null) throw new ArgumentNullException(nameof(options));
            _options = options.WithEnvironmentDefaults();
            if (_options.MaxRetries < 0)
                throw new GptImageValidationException(ErrorIds.InvalidSetting, "MaxRetries", _options.MaxRetries, "0 or more retries.");
            if (_options.Timeout <= TimeSpan.Zero && _options.Timeout != System.Threading.Timeout.InfiniteTimeSpan)
                throw new GptImageValidationException(ErrorIds.InvalidSetting, "TimeoutSec", _options.Timeout, "a positive time.");
            _endpoint = new EndpointResolver(_options);
            _redactor = new SecretRedactor(_options.ApiKey?.Trim(), Wire.AdditionalHeaders.SecretValues(_options.AdditionalHeaders));
            _tokens = _options.UsesAccessToken ? new AccessTokenCache(_options.AccessToken, _options.AccessTokenProvider, _redactor) : null;
            _retryPolicy = new RetryPolicy(_options.MaxRetryDelay);
            _http = _options.HttpHandler is null
                ? new HttpClient(CreateHandler(), disposeHandler: true)
                : new HttpClient(_options.HttpHandler, disposeHandler: false);
            // Each attempt has its own timeout (CancellationTokenSource); the HttpClient's 100 s default would cut large images short.
            _http.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
        }

        /// <summary>Creates a client from OPENAI_API_KEY, OPENAI_BASE_URL and the other environment variables.</summary>
        public GptImageClient() : this(new GptImageClientOptions()) { }

        /// <summary>The wait between attempts; tests replace it so that they do not sleep for real.</summary>
        internal Func<TimeSpan, CancellationToken, Task> DelayAsync { get; set; } = (delay, token) => Task.Delay(delay, token);

        /// <summary>The URL that generations go to (no secrets in it).</summary>
        public Uri GenerationsUrl => _endpoint.UrlFor("generations");

        /// <summary>The URL that edits go to (no secrets in it).</summary>
        public Uri EditsUrl => _endpoint.UrlFor("edits");

        public Task<ImageResult> GenerateAsync(ImageGenerationRequest request, CancellationToken cancellationToken = default)
        {
            ThrowIfDisposed();
            Warn(RequestValidator.Validate(request, DateTime.UtcNow));
            byte[] body = GenerationJsonWriter.Write(request);
            return SendImageAsync("generations", request, () =>
            {
                var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                return content;
            }, cancellationToken);
        }

        public Task<ImageResult> EditAsync(ImageEditRequest request, CancellationToken cancellationToken = default)
        {
            ThrowIfDisposed();
            Warn(RequestValidator.Validate(request, DateTime.UtcNow));
            var builder = new EditMultipartBuilder(request);
            return SendImageAsync("edits", request, builder.Build, cancellationToken);
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) _http.Dispose();
        }

        /// <summary>
        /// An image call: the JSON answer, or (PartialImages set: stream=true) server-sent events read as they arrive,
        /// reporting partial images through OnPartialImage. The answer's Content-Type decides how it is read.
        /// </summary>
        private Task<ImageResult> SendImageAsync(string operation, ImageGenerationRequest request, Func<HttpContent> createContent, CancellationToken cancellationToken)
        {
            bool streamed = request.PartialImages.HasValue;
            return SendAsync(operation, HttpMethod.Post, _endpoint.UrlFor(operation), createContent, streamed ? ImageStreamParser.MediaType : "application/json",
                async (response, requestId, rateLimit, attempt, ct) =>
                {
                    bool eventStream = string.Equals(response.Content.Headers.ContentType?.MediaType, ImageStreamParser.MediaType, StringComparison.OrdinalIgnoreCase);
                    if (eventStream) return await ReadImageStreamAsync(response, request, requestId, rateLimit, attempt, ct).ConfigureAwait(false);
                    return ImagesResponseParser.Parse(await ReadBodyAsync(response, ct).ConfigureAwait(false), request.Model, requestId, rateLimit, attempt);
                }, idempotent: true, CallErrors.Images, cancellationToken, images: Math.Max(1, request.Count ?? 1));
        }

        /// <summary>Reads a 2xx answer into the caller's result; may throw InvalidResponseException (retried) or GptImageApiException (an error event).</summary>
        private delegate Task<T> SuccessReader<T>(HttpResponseMessage response, string? requestId, RateLimitInfo? rateLimit, int attempt, CancellationToken cancellationToken);

        /// <summary>
        /// The one retry loop of every call this client makes (images, files, batches). A call that must not run twice
        /// (<paramref name="idempotent"/> false: creating a batch) is retried only when the server refused it outright (rate limit).
        /// <paramref name="images"/> (n of an image call, 0 otherwise) is reported with each attempt for images-per-minute pacing.
        /// </summary>
        private async Task<T> SendAsync<T>(string operation, HttpMethod method, Uri url, Func<HttpContent>? createContent, string accept,
            SuccessReader<T> readSuccess, bool idempotent, CallErrors errors, CancellationToken cancellationToken, int images = 0) where T : class
        {
            int maxAttempts = _options.MaxRetries + 1;
            bool renewedAfterRejection = false;
            for (int attempt = 1; ; attempt++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Log($"{method.Method} {EndpointResolver.Display(url)} (attempt {attempt} of {maxAttempts}).");
                var clock = Stopwatch.StartNew();
                string? token = _tokens is null ? null : await _tokens.GetAsync(cancellationToken).ConfigureAwait(false);
                AttemptOutcome outcome = await AttemptAsync(method, url, accept, attempt, token, createContent, readSuccess, errors, cancellationToken).ConfigureAwait(false);
                if (token != null && !renewedAfterRejection && outcome.Error?.ErrorId == ErrorIds.Unauthorized && _tokens!.CanRenew)
                {
                    // The token expired early or was revoked: one new token and one more try, not counted as a retry.
                    renewedAfterRejection = true;
                    Log($"{operation}: 401 with the current access token; asking for a new one and trying again.");
                    await _tokens.RenewAfterRejectionAsync(token, cancellationToken).ConfigureAwait(false);
                    attempt--;
                    continue;
                }
                bool willRetry = outcome.Result is null && outcome.Error!.IsTransient && attempt < maxAttempts
                    && (idempotent || outcome.Error.ErrorId == ErrorIds.RateLimited);
                Report(outcome, attempt, clock.Elapsed, willRetry, images);
                if (outcome.Result != null)
                {
                    Log($"{operation}: {outcome.StatusCode} in {clock.Elapsed.TotalSeconds:0.0} s, attempt {attempt}, request id {outcome.RequestId ?? "(none)"}.");
                    return (T)outcome.Result;
                }
                if (!willRetry) throw WithAttempts(outcome.Error!, attempt);

                TimeSpan delay = _retryPolicy.DelayBefore(attempt, outcome.Error!.RetryAfter);
                Log($"{operation} attempt {attempt} of {maxAttempts} failed ({Describe(outcome.Error!)}): {outcome.Error!.ApiMessage ?? outcome.Error.Message} Retrying in {delay.TotalSeconds:0.###} s.");
                await DelayAsync(delay, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>One HTTP exchange with its own timeout. Caller cancellation escapes as OperationCanceledException.</summary>
        private async Task<AttemptOutcome> AttemptAsync<T>(HttpMethod method, Uri url, string accept, int attempt, string? accessToken, Func<HttpContent>? createContent,
            SuccessReader<T> readSuccess, CallErrors errors, CancellationToken cancellationToken) where T : class
        {
            using var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (_options.Timeout != System.Threading.Timeout.InfiniteTimeSpan) attemptCts.CancelAfter(_options.Timeout);
            HttpResponseMessage? response = null;
            // Opened outside the try: a file that vanished since validation is the caller's problem, not a network failure to retry.
            HttpContent? content = createContent?.Invoke();
            try
            {
                response = await SendOnOriginAsync(method, url, content, createContent, accept, accessToken, attemptCts.Token).ConfigureAwait(false);
                string? requestId = _redactor.Redact(ResponseHeaders.RequestId(response));
                RateLimitInfo? rateLimit = ResponseHeaders.RateLimit(response);
                int status = (int)response.StatusCode;
                if (status >= 200 && status < 300)
                {
                    try
                    {
                        T result = await readSuccess(response, requestId, rateLimit, attempt, attemptCts.Token).ConfigureAwait(false);
                        return AttemptOutcome.Success(result, status, rateLimit, requestId);
                    }
                    catch (InvalidResponseException e) when (!attemptCts.IsCancellationRequested)
                    {
                        return AttemptOutcome.Failure(InvalidResponse(e, status, requestId), rateLimit);
                    }
                    catch (GptImageApiException e)
                    {
                        return AttemptOutcome.Failure(e, rateLimit);   // an error event inside a streamed answer
                    }
                }
                byte[] body = await ReadBodyAsync(response, attemptCts.Token).ConfigureAwait(false);
                return AttemptOutcome.Failure(ApiError(status, ApiErrorBody.Read(body), requestId, ResponseHeaders.RetryAfter(response, DateTimeOffset.UtcNow), errors), rateLimit);
            }
            catch (Exception e) when (cancellationToken.IsCancellationRequested)
            {
                // The caller cancelled (Ctrl+C): stop now, whatever the transport made of it; never a retry.
                if (e is OperationCanceledException) throw;
                throw new OperationCanceledException("The image request was cancelled.", e, cancellationToken);
            }
            catch (Exception e) when (attemptCts.IsCancellationRequested)
            {
                return AttemptOutcome.Failure(new GptImageApiException(ErrorIds.Timeout,
                    $"No answer from {_endpoint.Host} within {_options.Timeout.TotalSeconds:0.#} s (the per-attempt timeout). {ApiErrorClassifier.AdviceFor(ErrorIds.Timeout)}",
                    new TimeoutException(e.GetType().Name))
                {
                    IsTransient = true,
                    Advice = ApiErrorClassifier.AdviceFor(ErrorIds.Timeout),
                }, null);
            }
            catch (InvalidResponseException e)
            {
                return AttemptOutcome.Failure(InvalidResponse(e, (int?)response?.StatusCode ?? 0, response is null ? null : _redactor.Redact(ResponseHeaders.RequestId(response))), null);
            }
            catch (RedirectRefusedException e)
            {
                string? advice = ApiErrorClassifier.AdviceFor(ErrorIds.UnsafeRedirect);
                return AttemptOutcome.Failure(new GptImageApiException(ErrorIds.UnsafeRedirect, _redactor.Redact(e.Message + " " + advice)!)
                {
                    Advice = advice,
                    IsTransient = false,
                }, null);
            }
            catch (Exception e) when (e is HttpRequestException || e is IOException)
            {
                string detail = _redactor.Redact(Innermost(e).Message) ?? "connection failed";
                return AttemptOutcome.Failure(new GptImageApiException(ErrorIds.NetworkError,
                    $"The connection to {_endpoint.Host} failed: {detail} {ApiErrorClassifier.AdviceFor(ErrorIds.NetworkError)}", new HttpRequestException(detail))
                {
                    IsTransient = true,
                    Advice = ApiErrorClassifier.AdviceFor(ErrorIds.NetworkError),
                }, null);
            }
            finally
            {
                response?.Dispose();
            }
        }

        /// <summary>
        /// Sends the request, following redirects only within its origin (<see cref="RedirectRule"/>): the HTTP stack's own
        /// redirect handling is off, since it would carry the key's header to whatever host a server names.
        /// </summary>
        private async Task<HttpResponseMessage> SendOnOriginAsync(HttpMethod method, Uri url, HttpContent? content, Func<HttpContent>? createContent,
            string accept, string? accessToken, CancellationToken cancellationToken)
        {
            for (int hops = 0; ; hops++)
            {
                HttpResponseMessage response;
                using (var message = new HttpRequestMessage(method, url) { Content = content })
                {
                    foreach (var header in _endpoint.Headers) message.Headers.TryAddWithoutValidation(header.Key, header.Value);
                    if (accessToken != null) message.Headers.TryAddWithoutValidation("Authorization", "Bearer " + accessToken);
                    message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
                    response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                }
                if (!RedirectRule.IsRedirect(response)) return response;
                try
                {
                    url = RedirectRule.Next(url, response, hops);
                }
                finally
                {
                    response.Dispose();
                }
                content = createContent?.Invoke();   // the first body was consumed by the first send
            }
        }

        private static async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            using Stream stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            long? declared = response.Content.Headers.ContentLength;
            using var buffer = declared is long length && length > 0 && length < int.MaxValue ? new MemoryStream((int)length) : new MemoryStream();
            // netstandard2.0's ReadAsStreamAsync takes no token: CopyToAsync with one lets a timeout or Ctrl+C stop a slow body.
            using (cancellationToken.Register(() => stream.Dispose()))
            {
                try
                {
                    await stream.CopyToAsync(buffer, 81920, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested && (e is IOException || e is HttpRequestException))
                {
                    // Headers arrived but the body broke off: a cut-short answer, retried like any unreadable one.
                    throw new InvalidResponseException($"The server's answer was cut short after {buffer.Length} bytes"
                        + (declared is long total ? $" of {total}." : "."), e);
                }
            }
            if (declared is long expected && buffer.Length != expected)
                throw new InvalidResponseException($"The server's answer was cut short after {buffer.Length} of {expected} bytes.");
            return buffer.ToArray();
        }

        private GptImageApiException ApiError(int status, ApiErrorBody error, string? requestId, TimeSpan? retryAfter, CallErrors errors)
        {
            requestId = _redactor.Redact(requestId);
            string? apiMessage = _redactor.Redact(error.Message);
            string errorId = errors.ErrorIdFor(status, error.Code, error.Type, apiMessage);
            string? advice = errors.AdviceFor(errorId);
            string codePart = error.Code ?? error.Type ?? "error";
            string message = $"The {errors.Service} answered {status} ({codePart}): {apiMessage ?? "no message"}"
                + (error.Param != null ? $" [param: {error.Param}]" : string.Empty)
                + (advice != null ? " " + advice : string.Empty)
                + (requestId != null ? $" Request id: {requestId}." : string.Empty);
            return new GptImageApiException(errorId, _redactor.Redact(message)!)
            {
                StatusCode = status,
                ErrorType = _redactor.Redact(error.Type),
                ErrorCode = _redactor.Redact(error.Code),
                Param = _redactor.Redact(error.Param),
                ApiMessage = apiMessage,
                RequestId = requestId,
                Advice = advice,
                IsTransient = errors.IsTransient(status, error.Code, error.Type),
                RetryAfter = retryAfter,
            };
        }

        private GptImageApiException InvalidResponse(InvalidResponseException e, int status, string? requestId)
        {
            string? advice = ApiErrorClassifier.AdviceFor(ErrorIds.InvalidResponse);
            return new GptImageApiException(ErrorIds.InvalidResponse,
                $"{e.Message} {advice}" + (requestId != null ? $" Request id: {requestId}." : string.Empty), e.InnerException)
            {
                StatusCode = status,
                RequestId = requestId,
                Advice = advice,
                IsTransient = true,
            };
        }

        /// <summary>The final exception carries the number of attempts made.</summary>
        private static GptImageApiException WithAttempts(GptImageApiException error, int attempts)
        {
            if (attempts == 1) return error;
            return new GptImageApiException(error.ErrorId, error.Message + $" (after {attempts} attempts)", error.InnerException)
            {
                StatusCode = error.StatusCode,
                ErrorType = error.ErrorType,
                ErrorCode = error.ErrorCode,
                Param = error.Param,
                ApiMessage = error.ApiMessage,
                RequestId = error.RequestId,
                Advice = error.Advice,
                IsTransient = error.IsTransient,
                RetryAfter = error.RetryAfter,
                Attempts = attempts,
            };
        }

        private void Report(AttemptOutcome outcome, int attempt, TimeSpan elapsed, bool willRetry, int images)
        {
            Action<HttpAttemptInfo>? onAttempt = _options.OnAttempt;
            if (onAttempt is null) return;
            var info = new HttpAttemptInfo
            {
                StatusCode = outcome.Result != null ? outcome.StatusCode : outcome.Error!.StatusCode,
                ErrorCode = outcome.Error?.ErrorCode,
                Attempt = attempt,
                Elapsed = elapsed,
                RetryAfter = outcome.Error?.RetryAfter,
                RateLimit = outcome.RateLimit,
                WillRetry = willRetry,
                Images = images,
            };
            try
            {
                onAttempt(info);
            }
            catch (Exception e) when (!(e is OutOfMemoryException))
            {
                // A faulty observer must not lose an image that is already paid for.
                Log("OnAttempt callback failed: " + e.Message);
            }
        }

        private static string Describe(GptImageApiException error) =>
            error.StatusCode == 0 ? error.ErrorId : $"{error.StatusCode} {error.ErrorCode ?? error.ErrorType ?? error.ErrorId}";

        private void Warn(IReadOnlyList<string> warnings)
        {
            foreach (string warning in warnings) Log("WARNING: " + warning);
        }

        /// <summary>
        /// Diagnostics never break a call: a Log callback that throws (for example a host that refuses output
        /// from a worker thread) is ignored.
        /// </summary>
        private void Log(string line)
        {
            Action<string>? log = _options.Log;
            if (log is null) return;
            try
            {
                log(_redactor.Redact(line)!);
            }
            catch (Exception e) when (!(e is OutOfMemoryException))
            {
                // Nothing sensible to do with a failing diagnostics sink.
            }
        }

        private static Exception Innermost(Exception e)
        {
            while (e.InnerException != null) e = e.InnerException;
            return e;
        }

        private void ThrowIfDisposed()
        {
            if (Volatile.Read(ref _disposed) != 0) throw new ObjectDisposedException(nameof(GptImageClient));
        }

        private static HttpMessageHandler CreateHandler()
        {
            EnableTls12OnNetFramework();
            // A redirect is followed by SendOnOriginAsync within the endpoint's origin only: the api-key header, the token
            // and a secret extra header never reach another origin.
            var handler = new HttpClientHandler { AllowAutoRedirect = false };
            try
            {
                // Windows PowerShell's .NET Framework allows 2 connections per host by default; batches run more in parallel.
                handler.MaxConnectionsPerServer = MaxConnectionsPerServer;
            }
            catch (PlatformNotSupportedException)
            {
                // Left at the platform's default.
            }
            return handler;
        }

        /// <summary>
        /// Windows PowerShell 5.1 runs on .NET Framework, whose default protocol list can lack TLS 1.2 (the
        /// minimum api.openai.com accepts). Adding it changes nothing else; .NET (Core) uses the OS defaults.
        /// </summary>
        private static void EnableTls12OnNetFramework()
        {
            if (!System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal)) return;
            System.Net.SecurityProtocolType current = System.Net.ServicePointManager.SecurityProtocol;
            if (current != 0 && (current & System.Net.SecurityProtocolType.Tls12) == 0)   // 0 = SystemDefault: the OS decides, leave it
                System.Net.ServicePointManager.SecurityProtocol = current | System.Net.SecurityProtocolType.Tls12;
        }

        /// <summary>What one attempt produced: a result, or an error that may be retried.</summary>
        private sealed class AttemptOutcome
        {
            /// <summary>An ImageResult, a raw API answer...: whatever the call's success reader made.</summary>
            public object? Result { get; private set; }
            public GptImageApiException? Error { get; private set; }
            public RateLimitInfo? RateLimit { get; private set; }
            public int StatusCode { get; private set; }
            public string? RequestId { get; private set; }

            public static AttemptOutcome Success(object result, int status, RateLimitInfo? rateLimit, string? requestId) =>
                new AttemptOutcome { Result = result, StatusCode = status, RateLimit = rateLimit, RequestId = requestId };

            public static AttemptOutcome Failure(GptImageApiException error, RateLimitInfo? rateLimit) =>
                new AttemptOutcome { Error = error, StatusCode = error.StatusCode, RateLimit = rateLimit };
        }
    }
}
