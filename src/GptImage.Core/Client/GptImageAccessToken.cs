using System;

namespace GptImage
{
    /// <summary>
    /// A bearer access token (Microsoft Entra ID for Azure OpenAI, or a gateway's OAuth token) and when it expires.
    /// Without <see cref="ExpiresOn"/> the expiry is read from the token itself when it is a JWT (its exp claim).
    /// </summary>
    public sealed class GptImageAccessToken
    {
        public GptImageAccessToken(string token, DateTimeOffset? expiresOn = null)
        {
            if (string.IsNullOrWhiteSpace(token)) throw new ArgumentException("The access token is empty.", nameof(token));
            Token = token.Trim();
            ExpiresOn = expiresOn ?? JwtExpiry.Read(Token);
        }

        /// <summary>Never printed: ToString does not show it.</summary>
        public string Token { get; }

        /// <summary>When it stops working; null when unknown (then it is replaced only after a 401).</summary>
        public DateTimeOffset? ExpiresOn { get; }

        public override string ToString() => "access token" + (ExpiresOn is DateTimeOffset e ? ", expires " + e.ToString("u") : string.Empty);
    }
}
