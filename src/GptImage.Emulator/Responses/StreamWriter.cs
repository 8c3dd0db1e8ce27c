using System;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using GptImage.Emulator.Http;
using GptImage.Emulator.Images;
using GptImage.Emulator.Parsing;
using GptImage.Emulator.Validation;
using Microsoft.AspNetCore.Http;

namespace GptImage.Emulator.Responses
{
    /// <summary>
    /// stream=true: server-sent events, first the partial images (image_generation.partial_image or
    /// image_edit.partial_image, partial_image_index 0..n-1), then one *.completed event per image with usage.
    /// A truncated stream (TruncateBodyRate, scripted TruncateBody) ends after the partial images.
    /// </summary>
    internal static class StreamWriter
    {
        public static async Task SendAsync(HttpContext context, ImageCall call, ValidatedCall valid, TokenUsage usage, long created,
            GeneratedImageStore images, TimeSpan interval, bool cutBeforeCompletion, CancellationToken ct)
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-cache";
            string prefix = call.EventPrefix;
            for (int i = 0; i < valid.PartialImages; i++)
            {
                RenderedImage partial = images.Get(valid.Width, valid.Height, valid.OutputFormat, valid.Transparent, variant: i + 1);
                await SendEventAsync(context, $"{prefix}.partial_image", valid, partial, created, json => json.WriteNumber("partial_image_index", i), ct).ConfigureAwait(false);
                if (interval > TimeSpan.Zero) await Task.Delay(interval, ct).ConfigureAwait(false);
            }
            if (cutBeforeCompletion)
            {
                // A stream that dies after its partial images: the client must not take a partial for the result.
                await ImagesResponseWriter.EndEarlyAsync(context, ct).ConfigureAwait(false);
                return;
            }
            RenderedImage final = images.Get(valid.Width, valid.Height, valid.OutputFormat, valid.Transparent);
            for (int n = 0; n < valid.Count; n++)
                await SendEventAsync(context, $"{prefix}.completed", valid, final, created, json => ImagesResponseWriter.WriteUsage(json, "usage", usage), ct).ConfigureAwait(false);
        }

        private static Task SendEventAsync(HttpContext context, string type, ValidatedCall valid, RenderedImage image, long created,
            Action<Utf8JsonWriter> extra, CancellationToken ct) =>
            WriteEventAsync(context, type, image.Base64.Length + 512, json =>
            {
                json.WriteString("type", type);
                json.WriteString("b64_json", image.Base64);
                json.WriteNumber("created_at", created);
                json.WriteString("size", valid.Size);
                json.WriteString("quality", valid.Quality);
                json.WriteString("background", valid.Transparent ? "transparent" : "opaque");
                json.WriteString("output_format", valid.OutputFormat);
                extra(json);
            }, ct);

        /// <summary>One server-sent event (event: type, data: a JSON object written by <paramref name="write"/>), flushed at once.</summary>
        public static async Task WriteEventAsync(HttpContext context, string type, int sizeHint, Action<Utf8JsonWriter> write, CancellationToken ct)
        {
            var buffer = new MemoryStream(sizeHint);
            buffer.Write(Encoding.ASCII.GetBytes($"event: {type}\ndata: "));
            using (var json = new Utf8JsonWriter(buffer, JsonOutput.Compact))
            {
                json.WriteStartObject();
                write(json);
                json.WriteEndObject();
            }
            buffer.Write(Encoding.ASCII.GetBytes("\n\n"));
            await context.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), ct).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(ct).ConfigureAwait(false);
        }
    }
}
