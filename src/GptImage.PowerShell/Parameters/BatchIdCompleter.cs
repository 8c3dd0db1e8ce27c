using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using GptImage.BatchApi;

namespace GptImage.Commands
{
    /// <summary>
    /// Tab completion of a batch job's -Id from the batches recorded on this machine (the -StatePath typed so far, else
    /// $env:GPTIMAGE_BATCH_STATE or the per-user folder), newest first, each with its status and row count as the tooltip.
    /// Reads local files only: completion never calls the API.
    /// </summary>
    public sealed class BatchIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            IReadOnlyList<BatchRecord> records;
            try
            {
                records = new BatchRecordStore(StateFolder(fakeBoundParameters)).List();
            }
            catch (Exception e) when (e is System.IO.IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                return Enumerable.Empty<CompletionResult>();   // no folder, no access: nothing to offer, never an error while typing
            }
            return records
                .Where(r => r.BatchId.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(r => r.SubmittedAt)
                .Select(r => new CompletionResult(r.BatchId, r.BatchId, CompletionResultType.ParameterValue,
                    $"{r.BatchId}: {r.Status ?? "submitted"}, {r.Rows.Count} rows, submitted {r.SubmittedAt.ToLocalTime():yyyy-MM-dd HH:mm}"));
        }

        /// <summary>The -StatePath typed so far as a full path (relative to PowerShell's current folder), else null: the store's default.</summary>
        private static string? StateFolder(IDictionary fakeBoundParameters) =>
            CompletionPaths.Typed(fakeBoundParameters, "StatePath").FirstOrDefault();
    }
}
