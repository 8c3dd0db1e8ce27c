using System.Management.Automation;
using GptImage.Orchestration;

namespace GptImage.Commands
{
    /// <summary>
    /// The two ways a prompt is given to New-GptImage, Measure-GptImageCost and Submit-GptImageBatchJob: -Prompt (typed,
    /// a piped string, or a row's Prompt/Description/Text column; see <see cref="RowRequestBuilder"/>) or -Template
    /// filled from each record's fields.
    /// </summary>
    internal static class PromptInput
    {
        public const string PromptSet = "Prompt";
        public const string TemplateSet = "Template";

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
    }
}
