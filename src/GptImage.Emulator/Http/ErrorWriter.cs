using System;
using System.Globalization;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace GptImage.Emulator.Http
{
    /// <summary>Sends an <see cref="ApiError"/> with the headers a client needs to decide on a retry.</summary>
    internal static class ErrorWriter
    {
        /// <summary>Sends the error and notes its status and code in the request's record.</summary>
        public static async Task WriteAsync(HttpContext context, ApiError error, EmulatorOptions options, RecordedRequest record)
        {
            record.StatusCode = error.Status;
            record.ErrorCode = error.Code;
            HttpResponse response = context.Response;
            response.StatusCode = error.Status;
            if (error.RetryAfter is TimeSpan wait)
            {
                // Retry-After carries whole seconds (rounded up, never 0 for a real wait) or an HTTP date.
                response.Headers["retry-after"] = options.RetryAfterAsHttpDate
                    ? DateTimeOffset.UtcNow.Add(wait).ToString("r", CultureInfo.InvariantCulture)
                    : Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                if (options.SendRetryAfterMs)
                    response.Headers["retry-after-ms"] = ((long)Math.Ceiling(wait.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);
            }
            response.ContentType = "application/json";
            byte[] body = Serialize(error);
            response.ContentLength = body.Length;
            await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        }

        public static byte[] Serialize(ApiError error)
        {
            var buffer = new System.IO.MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, JsonOutput.Indented))
            {
                json.WriteStartObject();
                json.WriteStartObject("error");
                json.WriteString("message", error.Message);
                json.WriteString("type", error.Type);
                json.WriteString("param", error.Param);
                json.WriteString("code", error.Code);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            return buffer.ToArray();
        }
    }
}
