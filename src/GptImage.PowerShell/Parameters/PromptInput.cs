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
        public static string Resolve(string parameterSet, string? prompt, string? template, object? input,
            IReadOnlyDictionary<string, string?> fields, bool promptTypedOnCommandLine)
        {
            if (parameterSet == TemplateSet)
                return PromptTemplate.Fill(template ?? string.Empty, fields);

            bool inputIsRow = input != null && !(BaseOf(input) is string);
            if (inputIsRow && !promptTypedOnCommandLine && !HasPromptColumn(fields))
                throw new GptImageValidationException(ErrorIds.InvalidPrompt, "Prompt", null,
                    "the input row has no Prompt, Description or Text column; add one, pass -Prompt, or use -Template 'text with {Column}'.");
            return prompt ?? string.Empty;
        }

        /// <summary>
        /// In the Template set, checks -Template's placeholders in BeginProcessing: a broken template would fail every
        /// row, so it is one terminating error naming the template before the first record.
        /// </summary>
        public static void ThrowIfTemplateInvalid(PSCmdlet cmdlet, string parameterSet, string template)
        {
            if (parameterSet != TemplateSet) return;
            try { PromptTemplate.Columns(template); }
            catch (GptImageValidationException e) { cmdlet.ThrowTerminatingError(ErrorRecords.From(e, template)); }
        }

        private static bool HasPromptColumn(IReadOnlyDictionary<string, string?> fields)
        {
            foreach (string column in PromptColumns)
                if (fields.ContainsKey(column)) return true;
            return false;
        }

        private static object BaseOf(object input) => input is PSObject pso ? pso.BaseObject : input;
    }
}
