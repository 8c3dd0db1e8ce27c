using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace GptImage.Commands
{
    /// <summary>
    /// Tab completion of the request options. -Model offers the models of the module's model table (current ones first);
    /// -Size, -Quality, -OutputFormat, -Background, -Moderation and -InputFidelity offer what the model typed before them
    /// accepts (gpt-image-2, the default, when none is typed), so dall-e-3's standard/hd never follow -Model gpt-image-2.
    /// For a model the table does not know (a gateway or an Azure deployment name) they offer every value the module knows.
    /// </summary>
    public sealed class OptionalSetCompleter : IArgumentCompleter
    {
        private static readonly Dictionary<string, Func<ModelCapabilities, IReadOnlyList<string>>> PerModel =
            new Dictionary<string, Func<ModelCapabilities, IReadOnlyList<string>>>(StringComparer.OrdinalIgnoreCase)
            {
                ["Size"] = m => m.Sizes,
                ["Quality"] = m => m.Qualities,
                ["OutputFormat"] = m => m.OutputFormats,
                ["Background"] = m => m.Backgrounds,
                ["Moderation"] = m => m.Moderation,
                ["InputFidelity"] = m => m.InputFidelity,
            };

        private static readonly Dictionary<string, string[]> AnyModel = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
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
            string prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            IEnumerable<(string Value, string Tip)> values = string.Equals(parameterName, "Model", StringComparison.OrdinalIgnoreCase)
                ? Models()
                : ValuesFor(parameterName, TypedModel(fakeBoundParameters));
            return values
                .Where(v => v.Value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(v => new CompletionResult(v.Value, v.Value, CompletionResultType.ParameterValue, v.Tip));
        }

        /// <summary>The table's models: the default first, then the others in current-then-retired order.</summary>
        private static IEnumerable<(string, string)> Models()
        {
            DateTime today = DateTime.UtcNow.Date;
            return ModelCatalog.All
                .OrderBy(m => string.Equals(m.Name, ImageGenerationRequest.DefaultModel, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                .ThenBy(m => m.IsRetiredOn(today) ? 1 : 0)
                .Select(m => (m.Name, m.Name + (m.IsRetiredOn(today) ? $" (retired {m.ShutdownDate:yyyy-MM-dd})"
                    : m.ShutdownDate is DateTime shutdown ? $" (shuts down {shutdown:yyyy-MM-dd})" : string.Empty)));
        }

        private static IEnumerable<(string, string)> ValuesFor(string parameterName, string model)
        {
            ModelCapabilities? known = ModelCatalog.Find(model);
            if (known != null && PerModel.TryGetValue(parameterName, out var of))
            {
                string tip = string.Equals(parameterName, "Size", StringComparison.OrdinalIgnoreCase) && known.FlexibleSize is FlexibleSizeRule rule
                    ? $" ({known.Name}; also any WIDTHxHEIGHT with sides divisible by {rule.MultipleOf}, up to {rule.MaxEdge} on a side)"
                    : $" ({known.Name})";
                return of(known).Select(v => (v, v + tip));
            }
            return AnyModel.TryGetValue(parameterName, out string[]? all) ? all.Select(v => (v, v)) : Enumerable.Empty<(string, string)>();
        }

        /// <summary>The -Model typed on the command line so far, else the default model.</summary>
        private static string TypedModel(IDictionary fakeBoundParameters)
        {
            object? typed = fakeBoundParameters?.Contains("Model") == true ? fakeBoundParameters["Model"] : null;
            string? text = (typed is PSObject pso ? pso.BaseObject : typed) as string;
            return ParameterValues.NullIfEmpty(text) ?? ImageGenerationRequest.DefaultModel;
        }
    }
}
