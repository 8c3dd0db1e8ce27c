using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;

namespace GptImage.Tests.Client
{
    /// <summary>One request as it arrived on the socket.</summary>
    public sealed class RawRequest
    {
        public string Method { get; init; } = "";
        public string Target { get; init; } = "";
        public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
        public byte[] Body { get; init; } = Array.Empty<byte>();
        public string BodyLatin1 => Encoding.Latin1.GetString(Body);
    }

    /// <summary>
    /// A tiny HTTP/1.1 server on a raw socket (127.0.0.1, port 0) for faults no framework lets you make:
    /// a connection dropped before any answer, a body cut short against its Content-Length. Every
    /// connection serves one request and closes. The reply function writes raw bytes to the socket.
    /// </summary>
    public sealed class RawHttpStub : IAsyncDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly Func<int, RawRequest, Stream, Task> _reply;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly Task _acceptLoop;
        private int _count;

        public RawHttpStub(Func<int, RawRequest, Stream, Task> reply)
        {
            _reply = reply;
            _listener.Start();
            BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/v1/");
            _acceptLoop = AcceptLoopAsync();
        }

        public Uri BaseUrl { get; }
        public ConcurrentQueue<RawRequest> Requests { get; } = new ConcurrentQueue<RawRequest>();
        public int Count => Volatile.Read(ref _count);

        public static async Task WriteResponse(Stream stream, int status, string body, string contentType = "application/json",
            IEnumerable<(string, string)>? headers = null, int? declaredLength = null, int? sendBytes = null)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(body);
            var head = new StringBuilder();
            head.Append("HTTP/1.1 ").Append(status).Append(' ').Append(status == 200 ? "OK" : "Error").Append("\r\n");
            head.Append("Content-Type: ").Append(contentType).Append("\r\n");
            head.Append("Content-Length: ").Append((declaredLength ?? bytes.Length).ToString(CultureInfo.InvariantCulture)).Append("\r\n");
            head.Append("Connection: close\r\n");
            foreach (var (name, value) in headers ?? Array.Empty<(string, string)>()) head.Append(name).Append(": ").Append(value).Append("\r\n");
            head.Append("\r\n");
            byte[] headBytes = Encoding.ASCII.GetBytes(head.ToString());
            await stream.WriteAsync(headBytes);
            await stream.WriteAsync(bytes.AsMemory(0, Math.Min(bytes.Length, sendBytes ?? bytes.Length)));
            await stream.FlushAsync();
        }

        private async Task AcceptLoopAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (Exception) when (_stop.IsCancellationRequested)
                {
                    return;
                }
                _ = Task.Run(() => ServeAsync(client));
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            using (client)
            {
                try
                {
                    NetworkStream stream = client.GetStream();
                    RawRequest? request = await ReadRequestAsync(stream);
                    if (request is null) return;
                    int number = Interlocked.Increment(ref _count);
                    Requests.Enqueue(request);
                    await _reply(number, request, stream);
                }
                catch (IOException)
                {
                    // The client gave up (timeout or cancellation): nothing to answer.
                }
                catch (SocketException)
                {
                }
                // Leaving the using block closes the connection: a reply that wrote nothing is a dropped connection,
                // one that wrote less than its Content-Length is a body cut short.
            }
        }

        private static async Task<RawRequest?> ReadRequestAsync(Stream stream)
        {
            var buffer = new MemoryStream();
            var chunk = new byte[8192];
            int headerEnd = -1;
            while (headerEnd < 0)
            {
                int n = await stream.ReadAsync(chunk);
                if (n == 0) return null;
                buffer.Write(chunk, 0, n);
                headerEnd = IndexOf(buffer.GetBuffer(), (int)buffer.Length, "\r\n\r\n"u8.ToArray());
            }
            byte[] all = buffer.ToArray();
            string[] lines = Encoding.ASCII.GetString(all, 0, headerEnd).Split("\r\n");
            string[] start = lines[0].Split(' ');
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (int i = 1; i < lines.Length; i++)
            {
                int colon = lines[i].IndexOf(':');
                if (colon > 0) headers[lines[i].Substring(0, colon).Trim()] = lines[i].Substring(colon + 1).Trim();
            }
            var body = new MemoryStream();
            body.Write(all, headerEnd + 4, all.Length - headerEnd - 4);
            if (headers.TryGetValue("Content-Length", out string? lengthText))
            {
                long length = long.Parse(lengthText, CultureInfo.InvariantCulture);
                while (body.Length < length)
                {
                    int n = await stream.ReadAsync(chunk);
                    if (n == 0) break;
                    body.Write(chunk, 0, n);
                }
            }
            else if (headers.TryGetValue("Transfer-Encoding", out string? te) && te.Contains("chunked", StringComparison.OrdinalIgnoreCase))
            {
                body = await ReadChunkedAsync(stream, body.ToArray());
            }
            return new RawRequest { Method = start[0], Target = start.Length > 1 ? start[1] : "", Headers = headers, Body = body.ToArray() };
        }

        private static async Task<MemoryStream> ReadChunkedAsync(Stream stream, byte[] already)
        {
            var raw = new MemoryStream();
            raw.Write(already);
            var chunk = new byte[8192];
            // Read until the terminating zero-length chunk arrives, then decode.
            while (IndexOf(raw.GetBuffer(), (int)raw.Length, "\r\n0\r\n\r\n"u8.ToArray()) < 0 && !StartsWithZeroChunk(raw))
            {
                int n = await stream.ReadAsync(chunk);
                if (n == 0) break;
                raw.Write(chunk, 0, n);
            }
            byte[] data = raw.ToArray();
            var body = new MemoryStream();
            int pos = 0;
            while (pos < data.Length)
            {
                int lineEnd = IndexOf(data, data.Length, "\r\n"u8.ToArray(), pos);
                if (lineEnd < 0) break;
                int size = int.Parse(Encoding.ASCII.GetString(data, pos, lineEnd - pos).Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (size == 0) break;
                body.Write(data, lineEnd + 2, size);
                pos = lineEnd + 2 + size + 2;
            }
            return body;
        }

        private static bool StartsWithZeroChunk(MemoryStream raw) => raw.Length >= 5 && Encoding.ASCII.GetString(raw.GetBuffer(), 0, 5) == "0\r\n\r\n";

        private static int IndexOf(byte[] data, int length, byte[] pattern, int from = 0)
        {
            for (int i = from; i <= length - pattern.Length; i++)
            {
                int j = 0;
                while (j < pattern.Length && data[i + j] == pattern[j]) j++;
                if (j == pattern.Length) return i;
            }
            return -1;
        }

        public async ValueTask DisposeAsync()
        {
            _stop.Cancel();
            _listener.Stop();
            try { await _acceptLoop; } catch (Exception) when (_stop.IsCancellationRequested) { }
            _stop.Dispose();
        }
    }
}
