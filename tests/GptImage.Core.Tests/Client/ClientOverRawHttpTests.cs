namespace GptImage.Tests.Client
{
    /// <summary>The client over a real socket: faults at the transport level and the bytes as they leave the machine.</summary>
    public sealed class ClientOverRawHttpTests : IDisposable
    {
        private readonly TempFolder _files = new TempFolder();

        public void Dispose() => _files.Dispose();

        private static Task Ok(Stream s) => RawHttpStub.WriteResponse(s, 200, ScriptedHandler.OkJson(), headers: new[] { ("x-request-id", "req_raw") });

        [Fact]
        public async Task A_dropped_connection_is_retried_and_the_second_attempt_succeeds()
        {
            await using var stub = new RawHttpStub((n, _, s) => n == 1 ? Task.CompletedTask : Ok(s));
            using var h = TestClients.Create(null, stub.BaseUrl);
            ImageResult r = await h.Client.GenerateAsync(TestClients.Generation());
            Assert.Equal(2, stub.Count);
            Assert.Equal(2, r.Attempts);
            Assert.Equal("req_raw", r.RequestId);
            Assert.Equal(0, h.Attempts.First().StatusCode);
        }

        [Fact]
        public async Task A_body_cut_short_is_an_invalid_response_and_is_retried()
        {
            string json = ScriptedHandler.OkJson();
            await using var stub = new RawHttpStub((n, _, s) => n < 3
                ? RawHttpStub.WriteResponse(s, 200, json, sendBytes: json.Length / 2)
                : Ok(s));
            using var h = TestClients.Create(null, stub.BaseUrl);
            ImageResult r = await h.Client.GenerateAsync(TestClients.Generation());
            Assert.Equal(3, stub.Count);
            Assert.Equal(3, r.Attempts);
            Assert.Equal(TestImages.PngBytes(4, 4), r.Images[0].Bytes);
        }

        [Fact]
        public async Task A_body_always_cut_short_ends_as_InvalidResponse_after_all_attempts()
        {
            string json = ScriptedHandler.OkJson();
            await using var stub = new RawHttpStub((_, _, s) => RawHttpStub.WriteResponse(s, 200, json, sendBytes: 40));
            using var h = TestClients.Create(null, stub.BaseUrl, o => o.MaxRetries = 2);
            var e = await Assert.ThrowsAsync<GptImageApiException>(() => h.Client.GenerateAsync(TestClients.Generation()));
            Assert.Equal(ErrorIds.InvalidResponse, e.ErrorId);
            Assert.Equal(3, e.Attempts);
            Assert.Equal(3, stub.Count);
        }

        [Fact]
        public async Task A_401_echoing_the_key_over_http_is_redacted_and_not_retried()
        {
            await using var stub = new RawHttpStub((_, req, s) =>
            {
                string key = req.Headers["Authorization"].Substring("Bearer ".Length);
                string body = "{\"error\":{\"message\":\"Incorrect API key provided: " + key + ".\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}";
                return RawHttpStub.WriteResponse(s, 401, body);
            });
            using var h = TestClients.Create(null, stub.BaseUrl);
            var e = await Assert.ThrowsAsync<GptImageApiException>(() => h.Client.GenerateAsync(TestClients.Generation()));
            Assert.Equal(1, stub.Count);
            Assert.Equal(ErrorIds.Unauthorized, e.ErrorId);
            Assert.DoesNotContain(TestClients.Key, e.ToString());
            Assert.DoesNotContain(TestClients.Key, e.ApiMessage);
            Assert.Contains("Incorrect API key provided: ***.", e.Message);
        }

        [Fact]
        public async Task The_generation_json_arrives_as_sent_with_a_json_content_type()
        {
            await using var stub = new RawHttpStub((_, _, s) => Ok(s));
            using var h = TestClients.Create(null, stub.BaseUrl);
            await h.Client.GenerateAsync(new ImageGenerationRequest { Prompt = "Ünïcode fox 🦊", OutputFormat = "jpeg", Compression = 50 });
            RawRequest req = Assert.Single(stub.Requests);
            Assert.Equal("POST", req.Method);
            Assert.Equal("/v1/images/generations", req.Target);
            Assert.StartsWith("application/json", req.Headers["Content-Type"]);
            JsonElement json = JsonDocument.Parse(req.Body).RootElement;
            Assert.Equal("Ünïcode fox 🦊", json.GetProperty("prompt").GetString());
            Assert.Equal(new[] { "model", "prompt", "output_format", "output_compression" }, json.EnumerateObject().Select(p => p.Name).ToArray());
        }

        [Fact]
        public async Task An_edit_arrives_as_multipart_with_quoted_parts_and_real_types()
        {
            await using var stub = new RawHttpStub((_, _, s) => Ok(s));
            using var h = TestClients.Create(null, stub.BaseUrl);
            var request = new ImageEditRequest { Prompt = "add a hat", MaskPath = _files.Png("mask.png", 64, 64, transparent: true) };
            request.Images.Add(_files.Png("a.png"));
            request.Images.Add(_files.Write("b.jpg", TestImages.Jpeg(8, 8)));
            await h.Client.EditAsync(request);

            RawRequest req = Assert.Single(stub.Requests);
            Assert.Equal("/v1/images/edits", req.Target);
            Assert.StartsWith("multipart/form-data; boundary=", req.Headers["Content-Type"]);
            string body = req.BodyLatin1;
            Assert.Contains("Content-Disposition: form-data; name=\"image[]\"; filename=\"a.png\"\r\nContent-Type: image/png", body);
            Assert.Contains("Content-Disposition: form-data; name=\"image[]\"; filename=\"b.jpg\"\r\nContent-Type: image/jpeg", body);
            Assert.Contains("Content-Disposition: form-data; name=\"mask\"; filename=\"mask.png\"\r\nContent-Type: image/png", body);
            Assert.Contains("name=\"model\"\r\n\r\ngpt-image-2\r\n", body);
        }
    }
}
