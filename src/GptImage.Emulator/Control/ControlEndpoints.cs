using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using GptImage.Emulator.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GptImage.Emulator.Control
{
    /// <summary>
    /// Knobs over HTTP, for tests in another process (Pester runs the emulator as a child process):
    /// GET/POST /_emulator/options, POST /_emulator/faults, POST /_emulator/reset. Not counted as requests.
    /// </summary>
    internal static class ControlEndpoints
    {
        public const string Prefix = "/_emulator";

        public static void Map(IEndpointRouteBuilder app, EmulatorServerState state)
        {
            app.MapGet(Prefix + "/options", (HttpContext c) => WriteOptionsAsync(c, state));
            app.MapPost(Prefix + "/options", (HttpContext c) => UpdateOptionsAsync(c, state));
            app.MapPost(Prefix + "/faults", (HttpContext c) => EnqueueFaultsAsync(c, state));
            app.MapPost(Prefix + "/reset", (HttpContext c) =>
            {
                state.Reset(state.StartOptions);
                return WriteOptionsAsync(c, state);
            });
        }

        private static async Task UpdateOptionsAsync(HttpContext context, EmulatorServerState state)
        {
            using JsonDocument? body = await ReadJsonAsync(context).ConfigureAwait(false);
            if (body == null) return;
            var candidate = new EmulatorOptions();
            candidate.CopyFrom(state.Options);
            string? problem = OptionsJson.Apply(body.RootElement, candidate);
            if (problem != null)
            {
                await BadRequestAsync(context, problem).ConfigureAwait(false);
                return;
            }
            state.Options.CopyFrom(candidate);
            await WriteOptionsAsync(context, state).ConfigureAwait(false);
        }

        /// <summary>Body: ["Overloaded", {"kind": "RateLimited", "retryAfterMs": 2000}, "Succeed"...] (FaultKind names; "Succeed" = None).</summary>
        private static async Task EnqueueFaultsAsync(HttpContext context, EmulatorServerState state)
        {
            using JsonDocument? body = await ReadJsonAsync(context).ConfigureAwait(false);
            if (body == null) return;
            if (body.RootElement.ValueKind != JsonValueKind.Array)
            {
                await BadRequestAsync(context, "The body must be a JSON array of fault names or {\"kind\", \"retryAfterMs\"} objects.").ConfigureAwait(false);
                return;
            }
            var faults = new List<EmulatorFault>();
            foreach (JsonElement item in body.RootElement.EnumerateArray())
            {
                string? name = item.ValueKind == JsonValueKind.String ? item.GetString()
                    : item.ValueKind == JsonValueKind.Object && item.TryGetProperty("kind", out JsonElement k) ? k.GetString() : null;
                if (string.Equals(name, "Succeed", StringComparison.OrdinalIgnoreCase)) name = nameof(FaultKind.None);
                if (name == null || !Enum.TryParse(name, ignoreCase: true, out FaultKind kind) || int.TryParse(name, out _))
                {
                    await BadRequestAsync(context, $"Unknown fault {item.GetRawText()}. Known: Succeed, {string.Join(", ", Enum.GetNames(typeof(FaultKind)))}.").ConfigureAwait(false);
                    return;
                }
                TimeSpan? wait = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("retryAfterMs", out JsonElement ms) && ms.ValueKind == JsonValueKind.Number
                    ? TimeSpan.FromMilliseconds(ms.GetDouble()) : null;
                faults.Add(new EmulatorFault(kind, wait));
            }
            state.Options.EnqueueFaults(faults.ToArray());
            await WriteOptionsAsync(context, state).ConfigureAwait(false);
        }

        private static async Task<JsonDocument?> ReadJsonAsync(HttpContext context)
        {
            using var reader = new StreamReader(context.Request.Body);
            string text = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
            try { return JsonDocument.Parse(text); }
            catch (JsonException ex)
            {
                await BadRequestAsync(context, "The body is not valid JSON: " + ex.Message).ConfigureAwait(false);
                return null;
            }
        }

        private static Task BadRequestAsync(HttpContext context, string message) =>
            ErrorWriter.WriteAsync(context, new ApiError(400, message, ApiError.InvalidRequest, null, null), new EmulatorOptions(), new RecordedRequest());

        private static async Task WriteOptionsAsync(HttpContext context, EmulatorServerState state)
        {
            var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, JsonOutput.Indented)) OptionsJson.Write(json, state.Options);
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = buffer.Length;
            await context.Response.Body.WriteAsync(buffer.ToArray(), context.RequestAborted).ConfigureAwait(false);
        }
    }
}
