using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace GptImage.Commands
{
    /// <summary>Tab completion for the parameters checked by <see cref="ValidateOptionalSetAttribute"/>: the same fixed lists.</summary>
    public sealed class OptionalSetCompleter : IArgumentCompleter
    {
        private static readonly Dictionary<string, string[]> Values = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
        {
            ["Quality"] = ParameterValues.Qualities,
            ["OutputFormat"] = ParameterValues.OutputFormats,
            ["Background"] = ParameterValues.Backgrounds,
            ["Moderation"] = ParameterValues.ModerationLevels,
            ["InputFidelity"] = ParameterValues.InputFidelities,
        };

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            if (!Values.TryGetValue(parameterName, out string[]? values)) return Enumerable.Empty<CompletionResult>();
            string prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return values
                .Where(v => v.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(v => new CompletionResult(v, v, CompletionResultType.ParameterValue, v));
        }
    }
}
