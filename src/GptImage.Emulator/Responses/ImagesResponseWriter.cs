using System;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using GptImage.Emulator.Http;
using GptImage.Emulator.Images;
using GptImage.Emulator.Validation;
using Microsoft.AspNetCore.Http;

namespace GptImage.Emulator.Responses
{
    /// <summary>Builds and sends the ImagesResponse JSON of a successful call, whole or cut short on purpose.</summary>
    internal static class ImagesResponseWriter
    {
        public static byte[] Build(ValidatedCall call, RenderedImage image, TokenUsage usage, long created, Uri imageBaseUrl, bool includeRevisedPrompt)
        {
            var buffer = new MemoryStream(image.Base64.Length * call.Count + 1024);
            using (var json = new Utf8JsonWriter(buffer, JsonOutput.Compact))
            {
                json.WriteStartObject();
                json.WriteNumber("created", created);
                json.WriteStartArray("data");
                for (int i = 0; i < call.Count; i++)
                {
                    json.WriteStartObject();
                    if (call.ResponseFormat == "url")
                        json.WriteString("url", new Uri(imageBaseUrl, $"{call.Width}x{call.Height}.png").ToString());
                    else
                        json.WriteString("b64_json", image.Base64);
                    if (call.Model == "dall-e-3" || call.IsGptImage && includeRevisedPrompt)
                        json.WriteString("revised_prompt", "A detailed rendering of: " + call.Prompt);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                if (call.IsGptImage)
                {
                    json.WriteString("background", call.Transparent ? "transparent" : "opaque");
                    json.WriteString("output_format", call.OutputFormat);
                    json.WriteString("size", call.Size);
                    json.WriteString("quality", call.Quality);
                    WriteUsage(json, "usage", usage);
                }
                json.WriteEndObject();
            }
            return buffer.ToArray();
        }

        public static void WriteUsage(Utf8JsonWriter json, string name, TokenUsage usage)
        {
            json.WriteStartObject(name);
            json.WriteNumber("input_tokens", usage.InputTokens);
            json.WriteNumber("output_tokens", usage.OutputTokens);
            json.WriteNumber("total_tokens", usage.TotalTokens);
            json.WriteStartObject("input_tokens_details");
            json.WriteNumber("text_tokens", usage.TextTokens);
            json.WriteNumber("image_tokens", usage.ImageTokens);
            json.WriteEndObject();
            json.WriteStartObject("output_tokens_details");
            json.WriteNumber("image_tokens", usage.OutputTokens);
            json.WriteNumber("text_tokens", 0);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        /// <summary>Sends <paramref name="body"/>; when <paramref name="truncate"/>, promises all of it, sends half and aborts.</summary>
        public static async Task SendAsync(HttpContext context, byte[] body, bool truncate, CancellationToken ct)
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = body.Length;
            if (!truncate)
            {
                await context.Response.Body.WriteAsync(body, ct).ConfigureAwait(false);
                return;
            }
            await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), ct).ConfigureAwait(false);
            await EndEarlyAsync(context, ct).ConfigureAwait(false);
        }

        /// <summary>
        /// Ends a response that has started but is not complete, the way a failing proxy or server does: the client
        /// reads everything written so far, then the connection closes before the promised end.
        /// </summary>
        /// <remarks>
        /// Kestrel does the cutting: an app that fails after the response started gets its connection closed once
        /// the bytes already handed to the transport are sent (no Content-Length completion, no final chunk). That
        /// keeps the order "written bytes, then end of stream" without timing; closing the socket ourselves raced
        /// with the transport's send loop and, under load, could end the stream before the headers were out.
        /// </remarks>
        public static async Task EndEarlyAsync(HttpContext context, CancellationToken ct)
        {
            await context.Response.Body.FlushAsync(ct).ConfigureAwait(false);
            throw new ResponseCutShortException();
        }
    }
}
