using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace GptImage.Streaming
{
    /// <summary>
    /// Reads text/event-stream (the WHATWG format OpenAI uses): "event:" and "data:" lines, a blank line ends an
    /// event, ":" lines are comments. Lines may end in LF, CRLF or CR. Partial-image events carry megabytes of
    /// base64 on one data line, so lines are read whole without a length cap beyond memory.
    /// </summary>
    internal sealed class ServerSentEventReader
    {
        private readonly StreamReader _reader;

        public ServerSentEventReader(Stream stream)
        {
            _reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false, bufferSize: 81920);
        }

        /// <summary>The next event, or null at the end of the stream. An event cut off by the end of the stream is dropped, as the format says.</summary>
        public async Task<ServerSentEvent?> ReadAsync(CancellationToken cancellationToken)
        {
            string? name = null;
            StringBuilder? data = null;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                // netstandard2.0's ReadLineAsync takes no token; the caller disposes the stream on cancellation.
                string? line = await _reader.ReadLineAsync().ConfigureAwait(false);
                if (line is null) return null;
                if (line.Length == 0)
                {
                    if (data != null) return new ServerSentEvent(name, data.ToString());
                    name = null;
                    continue;
                }
                if (line[0] == ':') continue;
                int colon = line.IndexOf(':');
                string field = colon < 0 ? line : line.Substring(0, colon);
                string value = colon < 0 ? string.Empty : line.Substring(colon + 1);
                if (value.Length > 0 && value[0] == ' ') value = value.Substring(1);
                if (string.Equals(field, "event", StringComparison.Ordinal)) name = value;
                else if (string.Equals(field, "data", StringComparison.Ordinal))
                {
                    if (data is null) data = new StringBuilder(value.Length);
                    else data.Append('\n');
                    data.Append(value);
                }
                // "id" and "retry" mean nothing to a one-shot image stream.
            }
        }
    }
}
