using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace GptImage.Emulator.Control
{
    /// <summary>
    /// The knobs of <see cref="EmulatorOptions"/> as JSON members (camelCase, times in milliseconds), for the
    /// /_emulator/options control endpoint. The required key is reported only as set or not.
    /// </summary>
    internal static class OptionsJson
    {
        private sealed record Knob(string Name, Action<EmulatorOptions, JsonElement> Set, Action<Utf8JsonWriter, EmulatorOptions> Write);

        private static readonly Knob[] Knobs =
        {
            new("minLatencyMs", (o, v) => o.MinLatency = Ms(v), (w, o) => w.WriteNumber("minLatencyMs", o.MinLatency.TotalMilliseconds)),
            new("maxLatencyMs", (o, v) => o.MaxLatency = Ms(v), (w, o) => w.WriteNumber("maxLatencyMs", o.MaxLatency.TotalMilliseconds)),
            new("requestsPerMinute", (o, v) => o.RequestsPerMinute = NullableInt(v), (w, o) => WriteNullable(w, "requestsPerMinute", o.RequestsPerMinute)),
            new("imagesPerMinute", (o, v) => o.ImagesPerMinute = NullableInt(v), (w, o) => WriteNullable(w, "imagesPerMinute", o.ImagesPerMinute)),
            new("insufficientQuota", (o, v) => o.InsufficientQuota = v.GetBoolean(), (w, o) => w.WriteBoolean("insufficientQuota", o.InsufficientQuota)),
            new("serverErrorRate", (o, v) => o.ServerErrorRate = v.GetDouble(), (w, o) => w.WriteNumber("serverErrorRate", o.ServerErrorRate)),
            new("rateLimitErrorRate", (o, v) => o.RateLimitErrorRate = v.GetDouble(), (w, o) => w.WriteNumber("rateLimitErrorRate", o.RateLimitErrorRate)),
            new("dropConnectionRate", (o, v) => o.DropConnectionRate = v.GetDouble(), (w, o) => w.WriteNumber("dropConnectionRate", o.DropConnectionRate)),
            new("truncateBodyRate", (o, v) => o.TruncateBodyRate = v.GetDouble(), (w, o) => w.WriteNumber("truncateBodyRate", o.TruncateBodyRate)),
            new("rateLimitRetryAfterMs", (o, v) => o.RateLimitRetryAfter = Ms(v), (w, o) => w.WriteNumber("rateLimitRetryAfterMs", o.RateLimitRetryAfter.TotalMilliseconds)),
            new("retryAfterAsHttpDate", (o, v) => o.RetryAfterAsHttpDate = v.GetBoolean(), (w, o) => w.WriteBoolean("retryAfterAsHttpDate", o.RetryAfterAsHttpDate)),
            new("sendRetryAfterMs", (o, v) => o.SendRetryAfterMs = v.GetBoolean(), (w, o) => w.WriteBoolean("sendRetryAfterMs", o.SendRetryAfterMs)),
            new("moderationTriggerWord", (o, v) => o.ModerationTriggerWord = v.GetString() ?? string.Empty, (w, o) => w.WriteString("moderationTriggerWord", o.ModerationTriggerWord)),
            new("requiredApiKey", (o, v) => o.RequiredApiKey = v.ValueKind == JsonValueKind.Null ? null : v.GetString(), (w, o) => w.WriteBoolean("requiredApiKeySet", o.RequiredApiKey != null)),
            new("seed", (o, v) => o.Seed = NullableInt(v), (w, o) => WriteNullable(w, "seed", o.Seed)),
            new("rejectRetiredModels", (o, v) => o.RejectRetiredModels = v.GetBoolean(), (w, o) => w.WriteBoolean("rejectRetiredModels", o.RejectRetiredModels)),
            new("today", (o, v) => o.Today = v.ValueKind == JsonValueKind.Null ? null : DateTime.ParseExact(v.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                (w, o) => { if (o.Today is DateTime d) w.WriteString("today", d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); else w.WriteNull("today"); }),
            new("streamEventIntervalMs", (o, v) => o.StreamEventInterval = Ms(v), (w, o) => w.WriteNumber("streamEventIntervalMs", o.StreamEventInterval.TotalMilliseconds)),
            new("includeRevisedPrompt", (o, v) => o.IncludeRevisedPrompt = v.GetBoolean(), (w, o) => w.WriteBoolean("includeRevisedPrompt", o.IncludeRevisedPrompt)),
            new("batchCompletionDelayMs", (o, v) => o.BatchCompletionDelay = Ms(v), (w, o) => w.WriteNumber("batchCompletionDelayMs", o.BatchCompletionDelay.TotalMilliseconds)),
            new("realisticImages", (o, v) => o.RealisticImages = v.GetBoolean(), (w, o) => w.WriteBoolean("realisticImages", o.RealisticImages)),
            new("redirectTo", (o, v) => o.RedirectTo = v.ValueKind == JsonValueKind.Null ? null : v.GetString(), (w, o) => w.WriteString("redirectTo", o.RedirectTo)),
        };

        public static IEnumerable<string> Names => Knobs.Select(k => k.Name);

        public static void Write(Utf8JsonWriter json, EmulatorOptions options)
        {
            json.WriteStartObject();
            foreach (Knob knob in Knobs) knob.Write(json, options);
            json.WriteNumber("scriptedFaults", options.ScriptedFaults.Count);
            json.WriteEndObject();
        }

        /// <summary>Applies the members of <paramref name="update"/> to <paramref name="target"/>; returns the problem, or null.</summary>
        public static string? Apply(JsonElement update, EmulatorOptions target)
        {
            if (update.ValueKind != JsonValueKind.Object) return "The body must be a JSON object of knob names and values.";
            foreach (JsonProperty member in update.EnumerateObject())
            {
                Knob? knob = Knobs.FirstOrDefault(k => string.Equals(k.Name, member.Name, StringComparison.OrdinalIgnoreCase));
                if (knob == null) return $"Unknown knob '{member.Name}'. Known: {string.Join(", ", Names)}.";
                try { knob.Set(target, member.Value); }
                catch (Exception ex) when (ex is InvalidOperationException or FormatException)
                {
                    return $"Invalid value {member.Value.GetRawText()} for '{member.Name}': {ex.Message}";
                }
            }
            string[] problems = target.Validate().ToArray();
            return problems.Length == 0 ? null : string.Join(" ", problems);
        }

        private static TimeSpan Ms(JsonElement v) => TimeSpan.FromMilliseconds(v.GetDouble());

        private static int? NullableInt(JsonElement v) => v.ValueKind == JsonValueKind.Null ? null : v.GetInt32();

        private static void WriteNullable(Utf8JsonWriter json, string name, int? value)
        {
            if (value is int v) json.WriteNumber(name, v);
            else json.WriteNull(name);
        }
    }
}
