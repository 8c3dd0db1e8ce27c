using System.Collections.Generic;
using System.Management.Automation;
using GptImage.Orchestration;

namespace GptImage.Commands
{
    /// <summary>
    /// Decides the prompt of one record of New-GptImage or Measure-GptImageCost: -Prompt (typed, a piped
    /// string, or a Prompt/Description/Text column) or -Template filled from the record's columns.
    /// </summary>
    internal static class PromptInput
    {
        public const string PromptSet = "Prompt";
        public const string TemplateSet = "Template";
        private static readonly string[] PromptColumns = { "Prompt", "Description", "Text" };

        /// <summary>
        /// The prompt, or a GptImageValidationException naming what is wrong. A piped row without a prompt
        /// column would otherwise reach -Prompt as its own text ("@{Sku=...}"), which must never be sent.
        /// </summary>
        public static string Resolve(string parameterSet, string? prompt, TemplateSelection? template, object? input,
            IReadOnlyDictionary<string, string?> fields, bool promptTypedOnCommandLine)
        {
            if (parameterSet == TemplateSet && template != null)
                return template.Fill(fields);

            bool inputIsRow = input != null && !(BaseOf(input) is string);
            if (inputIsRow && !promptTypedOnCommandLine && !HasPromptColumn(fields))
                throw new GptImageValidationException(ErrorIds.InvalidPrompt, "Prompt", null,
                    "the input row has no Prompt, Description or Text column; add one, pass -Prompt, or use -Template 'text with {Column}'.");
            return prompt ?? string.Empty;
        }

        /// <summary>
        /// In the Template set, decides in BeginProcessing what -Template names (a library template or a literal text) and
        /// checks it: a broken template would fail every row, so it is one terminating error before the first record.
        /// </summary>
        public static TemplateSelection? SelectTemplate(PSCmdlet cmdlet, string parameterSet, string template, string[]? templatePath) =>
            parameterSet == TemplateSet ? TemplateSelection.Select(cmdlet, template, templatePath) : null;

        private static bool HasPromptColumn(IReadOnlyDictionary<string, string?> fields)
        {
            foreach (string column in PromptColumns)
                if (fields.ContainsKey(column)) return true;
            return false;
        }

        private static object BaseOf(object input) => input is PSObject pso ? pso.BaseObject : input;
    }
}
