using System;
using System.Net;
using System.Net.Http;

namespace GptImage
{
    /// <summary>
    /// What the client does with a redirect, since it never lets the HTTP stack follow one: the key travels in a header
    /// (Authorization, or Azure's api-key, which .NET's own redirect handling forwards to any host), so a redirect is
    /// followed only within the origin (scheme, host and port) the request went to, and at most <see cref="MaxHops"/>
    /// times. Anything else is refused before a byte goes to the new address.
    /// </summary>
    internal static class RedirectRule
    {
        public const int MaxHops = 5;

        public static bool IsRedirect(HttpResponseMessage response)
        {
            int status = (int)response.StatusCode;
            return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
        }

        /// <summary>
        /// The URL to re-send the same request to (same method and body: on one origin a moved API path is the same
        /// call, and a POST turned into a GET would only fail), or <see cref="RedirectRefusedException"/>.
        /// </summary>
        public static Uri Next(Uri from, HttpResponseMessage response, int hopsSoFar)
        {
            int status = (int)response.StatusCode;
            Uri? location = response.Headers.Location;
            if (location is null)
                throw new RedirectRefusedException($"The server at {Origin(from)} answered {status} (a redirect) without saying where to.");
            Uri target = location.IsAbsoluteUri ? location : new Uri(from, location);
            if (!SameOrigin(from, target))
                throw new RedirectRefusedException(
                    $"The server at {Origin(from)} answered {status}, a redirect to {Describe(target)}. The API key is sent only to the endpoint's own "
                    + "origin (scheme, host and port), so the redirect was not followed.");
            if (hopsSoFar >= MaxHops)
                throw new RedirectRefusedException($"The server at {Origin(from)} redirected the request more than {MaxHops} times; it was not followed further.");
            return target;
        }

        private static bool SameOrigin(Uri a, Uri b) =>
            string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
            && a.Port == b.Port;

        private static string Origin(Uri url) => url.Scheme + "://" + url.Authority;

        // Scheme, host, port and path only: a query could carry anything. Plain http to another machine is named as such.
        private static string Describe(Uri target)
        {
            if (!target.IsAbsoluteUri || (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps)) return "a non-http address";
            string shown = EndpointResolver.Display(target);
            return target.Scheme == Uri.UriSchemeHttp && !EndpointResolver.IsLoopback(target) ? shown + " (plain http to another machine)" : shown;
        }
    }

    /// <summary>A redirect the client will not follow; the attempt ends as GptImage.UnsafeRedirect.</summary>
    internal sealed class RedirectRefusedException : Exception
    {
        public RedirectRefusedException(string message) : base(message) { }
    }
}
