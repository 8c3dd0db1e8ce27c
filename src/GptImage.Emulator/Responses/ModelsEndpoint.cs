using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using GptImage.Emulator.Http;
using GptImage.Emulator.Pipeline;
using Microsoft.AspNetCore.Http;

namespace GptImage.Emulator.Responses
{
    /// <summary>GET /v1/models and /v1/models/{id}: the capability table's models with their shutdown_date.</summary>
    internal static class ModelsEndpoint
    {
        // A fixed creation time keeps answers identical between runs.
        private const long Created = 1745193600; // 2025-04-21

        public static async Task HandleAsync(HttpContext context, EmulatorServerState state, string? id)
        {
            var (scheme, key) = Authentication.Read(context.Request);
            RecordedRequest record = RequestRecorder.Start(context, "models", null, scheme);
            using IDisposable tracking = state.Counters.Track(record);
            string requestId = state.Chance.RequestId();
            record.RequestId = requestId;
            context.Response.Headers["x-request-id"] = requestId;
            ApiError? error = Authentication.Check(scheme, key, state.Options);
            ModelCapabilities? single = id == null ? null : ModelCatalog.Find(id);
            if (error == null && id != null && single == null) error = ApiError.ModelNotFound(id);
            if (error != null)
            {
                await ErrorWriter.WriteAsync(context, error, state.Options, record).ConfigureAwait(false);
                return;
            }
            var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, JsonOutput.Indented))
            {
                if (single != null) WriteModel(json, single);
                else
                {
                    json.WriteStartObject();
                    json.WriteString("object", "list");
                    json.WriteStartArray("data");
                    foreach (ModelCapabilities caps in ModelCatalog.All.OrderBy(m => m.Name, StringComparer.Ordinal)) WriteModel(json, caps);
                    json.WriteEndArray();
                    json.WriteEndObject();
                }
            }
            record.StatusCode = 200;
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(buffer.ToArray(), context.RequestAborted).ConfigureAwait(false);
        }

        private static void WriteModel(Utf8JsonWriter json, ModelCapabilities caps)
        {
            json.WriteStartObject();
            json.WriteString("id", caps.Name);
            json.WriteString("object", "model");
            json.WriteNumber("created", Created);
            json.WriteString("owned_by", "system");
            if (caps.ShutdownDate is DateTime date) json.WriteString("shutdown_date", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            else json.WriteNull("shutdown_date");
            json.WriteEndObject();
        }
    }
}
