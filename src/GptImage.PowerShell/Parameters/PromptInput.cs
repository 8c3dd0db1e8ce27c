using System.Management.Automation;

namespace GptImage.Commands
{
    /// <summary>
    /// The two ways a prompt is given to New-GptImage, Measure-GptImageCost and Submit-GptImageBatchJob: -Prompt (typed,
    /// a piped string, or a row's Prompt/Description/Text column; see <see cref="RowRequestBuilder"/>) or -Template
    /// (a library template or a text with {Column} placeholders) filled from each record's fields.
    /// </summary>
    internal static class PromptInput
    {
        public const string PromptSet = "Prompt";
        public const string TemplateSet = "Template";

        /// <summary>
        /// In the Template set, decides in BeginProcessing what -Template names (a library template or a literal text) and
        /// checks it: a broken template would fail every row, so it is one terminating error before the first record.
        /// Null in the other sets.
        /// </summary>
        public static TemplateSelection? SelectTemplate(PSCmdlet cmdlet, string parameterSet, string template, string[]? templatePath) =>
            parameterSet == TemplateSet ? TemplateSelection.Select(cmdlet, template, templatePath) : null;
    }
}
