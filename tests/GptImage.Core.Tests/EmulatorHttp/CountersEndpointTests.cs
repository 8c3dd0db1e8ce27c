using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using GptImage.Emulator;
using Xunit;

namespace GptImage.Core.Tests.EmulatorHttp
{
    /// <summary>GET /_emulator/counters lets out-of-process tests (Pester) see what the emulator received.</summary>
    public sealed class CountersEndpointTests
    {
        [Fact]
        public async Task Counters_report_each_image_call_and_reset_empties_them()
        {
            await using EmulatorServer server = await EmulatorServer.StartAsync();
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            var counters = new Uri(server.Root, "_emulator/counters");

            using (JsonDocument before = JsonDocument.Parse(await http.GetStringAsync(counters)))
                Assert.Equal(0, before.RootElement.GetProperty("total").GetInt32());

            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseUrl, "images/generations"))
            {
                Content = new StringContent("{\"model\":\"gpt-image-2\",\"prompt\":\"a lighthouse\",\"size\":\"1024x1024\",\"quality\":\"low\"}", Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("Authorization", "Bearer sk-test");
            using (HttpResponseMessage answer = await http.SendAsync(request))
                Assert.Equal(HttpStatusCode.OK, answer.StatusCode);

            using (JsonDocument after = JsonDocument.Parse(await http.GetStringAsync(counters)))
            {
                Assert.Equal(1, after.RootElement.GetProperty("total").GetInt32());
                Assert.Equal(1, after.RootElement.GetProperty("generations").GetInt32());
                Assert.Equal(1, after.RootElement.GetProperty("byStatus").GetProperty("200").GetInt32());
            }
            Assert.Equal(1, server.Counters.Total); // reading the counters is not itself counted

            using (HttpResponseMessage reset = await http.PostAsync(new Uri(counters + "/reset"), null))
                Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
            using (JsonDocument cleared = JsonDocument.Parse(await http.GetStringAsync(counters)))
                Assert.Equal(0, cleared.RootElement.GetProperty("total").GetInt32());
        }
    }
}
