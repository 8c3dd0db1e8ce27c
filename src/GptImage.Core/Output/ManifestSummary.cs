using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace GptImage.Orchestration
{
    /// <summary>
    /// The totals of a ledger, counted from its own rows so that they always agree with it: the manifest's side file
    /// (&lt;name&gt;.summary.json), where a totals row inside the manifest would be summed with the rows it totals.
    /// </summary>
    internal static class ManifestSummary
    {
        public static string Json(IReadOnlyCollection<GptImageResult> rows, string manifestName)
        {
            // A response's usage is on each of its images; count it once, on image 0, and never for a cached copy.
            var paid = rows.Where(r => r.Index == 0 && r.Status == GptImageResult.StatusSucceeded).ToList();
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                json.WriteStartObject();
                json.WriteString("Manifest", manifestName);
                json.WriteString("Written", DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture));
                json.WriteNumber("Rows", rows.Select(r => r.RowNumber).Distinct().Count());
                json.WriteNumber("Images", rows.Count(r => r.Status == GptImageResult.StatusSucceeded || r.Status == GptImageResult.StatusCached));
                json.WriteNumber("Succeeded", rows.Count(r => r.Status == GptImageResult.StatusSucceeded));
                json.WriteNumber("Cached", rows.Count(r => r.Status == GptImageResult.StatusCached));
                json.WriteNumber("Failed", rows.Count(r => r.Status == GptImageResult.StatusFailed));
                json.WriteNumber("NotRun", rows.Count(r => r.Status == GptImageResult.StatusNotRun));
                json.WriteNumber("PaidRequests", paid.Count);
                json.WriteNumber("InputTokens", paid.Sum(r => r.Usage?.InputTokens ?? 0));
                json.WriteNumber("OutputTokens", paid.Sum(r => r.Usage?.OutputTokens ?? 0));
                json.WriteNumber("CostUsd", rows.Sum(r => r.CostUsd ?? 0m));
                json.WriteStartObject("ErrorIds");
                foreach (var group in rows.Where(r => r.ErrorId != null).GroupBy(r => r.ErrorId!).OrderBy(g => g.Key, StringComparer.Ordinal))
                    json.WriteNumber(group.Key, group.Count());
                json.WriteEndObject();
                json.WriteEndObject();
            }
            return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
        }
    }
}
