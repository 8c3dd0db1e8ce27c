namespace GptImage.Tests.Client
{
    /// <summary>The key goes only to the endpoint's own origin, whatever a server answers with a redirect.</summary>
    public sealed class RedirectTests
    {
        private static Task Ok(Stream s) => RawHttpStub.WriteResponse(s, 200, ScriptedHandler.OkJson());

        private static Task RedirectTo(Stream s, string location, int status = 307) =>
            RawHttpStub.WriteResponse(s, status, "", headers: new[] { ("Location", location) });

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public async Task A_redirect_to_another_port_never_carries_the_key_there(bool azureKeyHeader)
        {
            await using var capture = new RawHttpStub((_, _, s) => Ok(s));
            await using var redirecting = new RawHttpStub((_, req, s) => RedirectTo(s, new Uri(capture.BaseUrl, "images/generations").AbsoluteUri));
            using var h = TestClients.Create(null, redirecting.BaseUrl, o => o.UseApiKeyHeader = azureKeyHeader);

            var e = await Assert.ThrowsAsync<GptImageApiException>(() => h.Client.GenerateAsync(TestClients.Generation()));

            Assert.Equal(ErrorIds.UnsafeRedirect, e.ErrorId);
            Assert.False(e.IsTransient);
            Assert.Equal(1, redirecting.Count);   // refused, not retried
            Assert.All(capture.Requests, r => Assert.DoesNotContain(r.Headers.Values, v => v.Contains("TESTKEY", StringComparison.Ordinal)));
            Assert.Equal(0, capture.Count);
            Assert.Contains(":" + capture.BaseUrl.Port, e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("TESTKEY", e.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_redirect_to_plain_http_off_this_machine_is_refused_without_connecting()
        {
            // 192.0.2.1 is TEST-NET-1: nothing answers there, so following the redirect would hang until the timeout.
            await using var redirecting = new RawHttpStub((_, _, s) => RedirectTo(s, "http://192.0.2.1/v1/images/generations"));
            using var h = TestClients.Create(null, redirecting.BaseUrl, o => { o.UseApiKeyHeader = true; o.MaxRetries = 0; o.Timeout = TimeSpan.FromSeconds(3); });

            var e = await Assert.ThrowsAsync<GptImageApiException>(() => h.Client.GenerateAsync(TestClients.Generation()));

            Assert.Equal(ErrorIds.UnsafeRedirect, e.ErrorId);
            Assert.Contains("192.0.2.1", e.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_redirect_within_the_endpoint_origin_is_followed_with_the_same_request()
        {
            RawHttpStub? self = null;
            await using var stub = new RawHttpStub((n, req, s) => n == 1
                ? RedirectTo(s, new Uri(self!.BaseUrl, "moved/images/generations").AbsoluteUri, 308)
                : Ok(s));
            self = stub;
            using var h = TestClients.Create(null, stub.BaseUrl);

            ImageResult r = await h.Client.GenerateAsync(TestClients.Generation());

            Assert.Single(r.Images);
            RawRequest[] requests = stub.Requests.ToArray();
            Assert.Equal(2, requests.Length);
            Assert.Equal("POST", requests[1].Method);
            Assert.EndsWith("/moved/images/generations", requests[1].Target, StringComparison.Ordinal);
            Assert.Equal(requests[0].Body, requests[1].Body);
        }

        [Fact]
        public async Task A_redirect_loop_on_the_same_origin_ends_with_a_clear_error()
        {
            RawHttpStub? self = null;
            await using var stub = new RawHttpStub((n, _, s) => RedirectTo(s, new Uri(self!.BaseUrl, "loop" + n).AbsoluteUri));
            self = stub;
            using var h = TestClients.Create(null, stub.BaseUrl, o => o.MaxRetries = 0);

            var e = await Assert.ThrowsAsync<GptImageApiException>(() => h.Client.GenerateAsync(TestClients.Generation()));

            Assert.Equal(ErrorIds.UnsafeRedirect, e.ErrorId);
            Assert.InRange(stub.Count, 2, 12);
        }
    }
}
