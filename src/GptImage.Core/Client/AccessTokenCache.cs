using System;
using System.Threading;
using System.Threading.Tasks;

namespace GptImage
{
    /// <summary>
    /// The bearer token of a client that authenticates with an access token: a fixed one, or one the provider renews
    /// when the cached token is within <see cref="RefreshMargin"/> of its expiry (or after a 401). One renewal at a
    /// time however many requests are in flight. Every token seen is handed to the redactor, so a server that echoes
    /// it back never puts it in a message.
    /// </summary>
    internal sealed class AccessTokenCache
    {
        public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

        private readonly Func<CancellationToken, Task<GptImageAccessToken>>? _provider;
        private readonly SecretRedactor _redactor;
        private readonly SemaphoreSlim _renewing = new SemaphoreSlim(1, 1);
        private readonly Func<DateTimeOffset> _now;
        private GptImageAccessToken? _current;

        public AccessTokenCache(string? fixedToken, Func<CancellationToken, Task<GptImageAccessToken>>? provider, SecretRedactor redactor, Func<DateTimeOffset>? now = null)
        {
            _provider = provider;
            _redactor = redactor;
            _now = now ?? (() => DateTimeOffset.UtcNow);
            if (!string.IsNullOrWhiteSpace(fixedToken)) Remember(new GptImageAccessToken(fixedToken!));
        }

        /// <summary>Whether a 401 can be answered by asking for a new token.</summary>
        public bool CanRenew => _provider != null;

        /// <summary>The token to send now, renewed first when it is missing or about to expire.</summary>
        public async Task<string> GetAsync(CancellationToken cancellationToken)
        {
            GptImageAccessToken? current = Volatile.Read(ref _current);
            if (current != null && !NearExpiry(current)) return current.Token;
            if (_provider is null)
            {
                if (current != null) return current.Token;   // a fixed token: the server will say when it has expired
                throw new GptImageValidationException(ErrorIds.MissingApiKey, "AccessToken", null, "an access token or a script block that returns one.");
            }
            return (await RenewAsync(current, cancellationToken).ConfigureAwait(false)).Token;
        }

        /// <summary>After a 401 with <paramref name="rejected"/>: a new token (unless another request renewed it already).</summary>
        public async Task RenewAfterRejectionAsync(string rejected, CancellationToken cancellationToken)
        {
            GptImageAccessToken? current = Volatile.Read(ref _current);
            if (_provider is null || (current != null && current.Token != rejected)) return;
            await RenewAsync(current, cancellationToken, force: true).ConfigureAwait(false);
        }

        private async Task<GptImageAccessToken> RenewAsync(GptImageAccessToken? seen, CancellationToken cancellationToken, bool force = false)
        {
            await _renewing.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                GptImageAccessToken? current = Volatile.Read(ref _current);
                // Another request renewed it while this one waited.
                if (current != null && !ReferenceEquals(current, seen) && !NearExpiry(current)) return current;
                if (current != null && !force && !NearExpiry(current)) return current;
                GptImageAccessToken fresh;
                try
                {
                    fresh = await _provider!(cancellationToken).ConfigureAwait(false)
                        ?? throw new InvalidOperationException("the provider returned nothing");
                }
                catch (Exception e) when (!(e is OperationCanceledException) && !(e is GptImageValidationException))
                {
                    throw new GptImageValidationException(ErrorIds.MissingApiKey, "AccessToken", null,
                        "a script block that returns a token (a SecureString, a string, or an object with Token and ExpiresOn); it failed: "
                        + _redactor.Redact(e.Message));
                }
                Remember(fresh);
                return fresh;
            }
            finally
            {
                _renewing.Release();
            }
        }

        private void Remember(GptImageAccessToken token)
        {
            _redactor.Add(token.Token);
            Volatile.Write(ref _current, token);
        }

        private bool NearExpiry(GptImageAccessToken token) => token.ExpiresOn is DateTimeOffset e && e - _now() <= RefreshMargin;
    }
}
