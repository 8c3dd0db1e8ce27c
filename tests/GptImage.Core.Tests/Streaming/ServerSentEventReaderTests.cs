using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using GptImage.Streaming;
using Xunit;

namespace GptImage.Tests.Streaming
{
    public sealed class ServerSentEventReaderTests
    {
        [Fact]
        public async Task Reads_named_events_joins_data_lines_and_skips_comments_with_any_line_ending()
        {
            string text = ": keep-alive\r\nevent: image_generation.partial_image\r\ndata: {\"a\":1}\r\n\r\n"
                + "event: x\ndata: line one\ndata: line two\n\n"
                + "data: no name\r\r"
                + "event: cut\ndata: never finished";
            var events = await ReadAll(text);

            Assert.Equal(3, events.Count);
            Assert.Equal(("image_generation.partial_image", "{\"a\":1}"), (events[0].Name, events[0].Data));
            Assert.Equal(("x", "line one\nline two"), (events[1].Name, events[1].Data));
            Assert.Equal((null, "no name"), (events[2].Name, events[2].Data));
        }

        [Fact]
        public async Task A_blank_line_without_data_is_no_event()
        {
            var events = await ReadAll("event: lonely\n\n\n");
            Assert.Empty(events);
        }

        private static async Task<List<ServerSentEvent>> ReadAll(string text)
        {
            var reader = new ServerSentEventReader(new MemoryStream(Encoding.UTF8.GetBytes(text)));
            var events = new List<ServerSentEvent>();
            while (await reader.ReadAsync(CancellationToken.None) is ServerSentEvent e) events.Add(e);
            return events;
        }
    }
}
