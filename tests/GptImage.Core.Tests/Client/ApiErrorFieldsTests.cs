using System;
using System.Linq;
using System.Threading.Tasks;
using GptImage.Emulator;
using GptImage.Tests.Infrastructure;
using Xunit;

namespace GptImage.Tests.Client
{
    /// <summary>
    /// "One exception type, GptImageApiException, with the HTTP status, OpenAI's error type, code and
    /// param, the API's message, the request id, and a sentence on what to do", read from a real error answer.
    /// </summary>
    public sealed class ApiErrorFieldsTests : EmulatorTest
    {
        public ApiErrorFieldsTests(EmulatorFixture emulator) : base(emulator) { }

        [Fact]
        public async Task A_400_the_server_raises_carries_status_type_code_param_message_request_id_and_advice()
        {
            // An unknown (gateway) model passes the client's generic checks; the server refuses the size.
            using GptImageClient client = Emu.CreateClient();
            var e = await Assert.ThrowsAsync<GptImageApiException>(() =>
                client.GenerateAsync(new ImageGenerationRequest { Prompt = "p", Model = "my-gateway-model", Size = "8192x1024" }));

            RecordedRequest sent = Assert.Single(Emu.Counters.Requests);
            Assert.Equal(400, e.StatusCode);
            Assert.Equal("invalid_request_error", e.ErrorType);
            Assert.Equal("invalid_value", e.ErrorCode);
            Assert.Equal("size", e.Param);
            Assert.Contains("8192x1024", e.ApiMessage);
            Assert.Equal(sent.RequestId, e.RequestId);
            Assert.Equal(ErrorIds.BadRequest, e.ErrorId);
            Assert.False(string.IsNullOrWhiteSpace(e.Advice));
            Assert.False(e.IsTransient);
            Assert.Equal(1, e.Attempts);
            Assert.Contains(e.ApiMessage!, e.Message);
        }

        [Fact]
        public async Task A_404_from_a_wrong_base_url_is_called_once_and_names_the_endpoint_to_check()
        {
            // http://127.0.0.1:N/not-v1/ : the emulator answers OpenAI's "Invalid URL" 404 for unknown paths.
            using GptImageClient client = Emu.CreateClient(configure: o => o.Endpoint = new Uri(Emu.BaseUrl, "../not-v1/"));
            var e = await Assert.ThrowsAsync<GptImageApiException>(() => client.GenerateAsync(new ImageGenerationRequest { Prompt = "p" }));
            Assert.Equal(404, e.StatusCode);
            Assert.Equal(ErrorIds.NotFound, e.ErrorId);
            Assert.Contains("Invalid URL", e.ApiMessage);
            Assert.Contains("endpoint", e.Advice);
            Assert.Equal(1, Emu.Counters.CountByStatus(404));
            Assert.Equal(1, e.Attempts);
        }
    }
}
