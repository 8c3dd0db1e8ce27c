using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using GptImage.Orchestration;

namespace GptImage.Commands
{
    /// <summary>
    /// Tab completion of Export-GptImageBatch -TierBy: Quality and Model. A column name is typed as it is; the columns
    /// of rows still to come down the pipeline cannot be known while the command line is being typed.
    /// </summary>
    public sealed class TierByCompleter : IArgumentCompleter
    {
        private static readonly (string Value, string Tip)[] Values =
        {
            (TierLimits.ByQuality, "Quality: the tier named like the image's quality (low, medium, high, auto)"),
            (TierLimits.ByModel, "Model: the tier named like the image's model (gpt-image-2, ...)"),
        };

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return Values
                .Where(v => v.Value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(v => new CompletionResult(v.Value, v.Value, CompletionResultType.ParameterValue, v.Tip));
        }
    }
}
