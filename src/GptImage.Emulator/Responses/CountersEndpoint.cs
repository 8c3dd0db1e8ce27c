using System.Buffers;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using GptImage.Emulator.Http;
using Microsoft.AspNetCore.Http;

namespace GptImage.Emulator.Responses
{
    /// <summary>
    /// GET /_emulator/counters: the counters as JSON, for tests in other processes (the Pester tests run the
    /// emulator as a child process and check, for example, that -WhatIf sent nothing). Not recorded itself.
    /// </summary>
    internal static class CountersEndpoint
    {
        public const string Path = "/_emulator/counters";

        public static async Task HandleAsync(HttpContext context, EmulatorServerState state)
        {
            EmulatorCounters counters = state.Counters;
            var requests = counters.Requests;
            // Built in memory, then written once: Kestrel forbids the synchronous flush a disposing writer would do.
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer, JsonOutput.Compact))
            {
                writer.WriteStartObject();
                writer.WriteNumber("total", requests.Count);
                writer.WriteNumber("generations", requests.Count(r => r.Endpoint == "generations"));
                writer.WriteNumber("edits", requests.Count(r => r.Endpoint == "edits"));
                writer.WriteNumber("responses", requests.Count(r => r.Endpoint == "responses"));
                writer.WriteNumber("succeeded", counters.Succeeded);
                writer.WriteNumber("maxInFlight", counters.MaxInFlight);
                writer.WriteStartObject("byStatus");
                foreach (var group in requests.GroupBy(r => r.StatusCode).OrderBy(g => g.Key))
                    writer.WriteNumber(group.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), group.Count());
                writer.WriteEndObject();
                writer.WriteStartArray("requests");
                foreach (RecordedRequest r in requests)
                {
                    writer.WriteStartObject();
                    writer.WriteString("method", r.Method);
                    writer.WriteString("path", r.Path);
                    writer.WriteString("endpoint", r.Endpoint);
                    writer.WriteString("previousResponseId", r.PreviousResponseId);
                    writer.WriteString("responseId", r.ResponseId);
                    writer.WriteNumber("status", r.StatusCode);
                    writer.WriteString("errorCode", r.ErrorCode);
                    writer.WriteString("outcome", r.Outcome.ToString());
                    writer.WriteString("model", r.Model);
                    writer.WriteString("prompt", r.Prompt);
                    writer.WriteString("auth", r.Auth.ToString());
                    // What the client put on the wire (never a credential: those headers are not recorded), for body and header checks.
                    writer.WriteStartArray("fields");
                    foreach (string field in r.Fields) writer.WriteStringValue(field);
                    writer.WriteEndArray();
                    writer.WriteString("jsonBody", r.JsonBody);
                    writer.WriteStartObject("headers");
                    foreach (var header in r.Headers) writer.WriteString(header.Key, header.Value);
                    writer.WriteEndObject();
                    writer.WriteStartArray("files");
                    foreach (RecordedFilePart file in r.Files)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("name", file.Name);
                        writer.WriteString("fileName", file.FileName);
                        writer.WriteString("contentType", file.ContentType);
                        writer.WriteNumber("length", file.Length);
                        writer.WriteString("base64", file.Base64);
                        writer.WriteEndObject();
                    }
                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = buffer.WrittenCount;
            await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
        }

        /// <summary>POST /_emulator/counters/reset: empties the counters between test cases.</summary>
        public static Task ResetAsync(HttpContext context, EmulatorServerState state)
        {
            state.Counters.Reset();
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        }
    }
}
