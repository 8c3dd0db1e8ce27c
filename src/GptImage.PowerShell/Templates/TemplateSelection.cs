using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using GptImage.Orchestration;
using GptImage.Templates;

namespace GptImage.Commands
{
    /// <summary>
    /// What -Template named, decided once before the first row: a library template (built-in or from a template
    /// folder) or a literal text with {Column} placeholders. Text without spaces or braces is a name, so a typo in
    /// a name is an error listing the known names, never a one-word prompt sent for money.
    /// </summary>
    internal sealed class TemplateSelection
    {
        private TemplateSelection(ImageTemplate? library, string? literal)
        {
            Library = library;
            Literal = literal;
        }

        /// <summary>A literal -Template text (its braces are checked when it is filled).</summary>
        internal static TemplateSelection ForLiteral(string template) => new TemplateSelection(null, template);

        /// <summary>A library template.</summary>
        internal static TemplateSelection ForTemplate(ImageTemplate template) => new TemplateSelection(template, null);

        /// <summary>The library template, or null for a literal text.</summary>
        public ImageTemplate? Library { get; }

        public string? Literal { get; }

        /// <summary>The selection, or a terminating error naming -Template (or the template file and field) before any row.</summary>
        public static TemplateSelection Select(PSCmdlet cmdlet, string template, string[]? templatePath)
        {
            try
            {
                if (!TemplateLibrary.LooksLikeName(template))
                {
                    PromptTemplate.Columns(template);
                    return new TemplateSelection(null, template);
                }
                TemplateLibrary library = Load(cmdlet, templatePath);
                ImageTemplate? found = library.Find(template);
                if (found != null) return new TemplateSelection(found, null);
                GptImageTemplateException? broken = library.Problems.FirstOrDefault(p => System.IO.Path.GetFileNameWithoutExtension(p.FilePath)
                    .Equals(template.Trim(), System.StringComparison.OrdinalIgnoreCase));
                if (broken != null) throw broken;
                throw new GptImageValidationException(ErrorIds.TemplateNotFound, "Template", template,
                    "the name of a template (" + string.Join(", ", library.Templates.Select(t => t.Name)) + "; Get-GptImageTemplate lists them), "
                    + "or a prompt with {Column} placeholders such as 'Product shot of {Product}'.");
            }
            catch (System.Exception e) when (e is GptImageValidationException || e is GptImageTemplateException)
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.From(e, template));
                throw; // not reached
            }
        }

        /// <summary>The library with -TemplatePath folders resolved against the current location; unusable files become warnings.</summary>
        public static TemplateLibrary Load(PSCmdlet cmdlet, string[]? templatePath, bool warn = true)
        {
            IEnumerable<string> folders = (templatePath ?? new string[0]).Select(p => FileSystemPaths.ResolveLiteral(cmdlet, p));
            TemplateLibrary library = TemplateLibrary.Load(folders, PowerShellDataFile.Read);
            if (warn) foreach (GptImageTemplateException problem in library.Problems) cmdlet.WriteWarning(problem.Message);
            return library;
        }

        /// <summary>The prompt for one row: GptImage.TemplateColumnMissing names the column (literal) or the placeholder (library).</summary>
        public string Fill(IReadOnlyDictionary<string, string?> fields) =>
            Library != null ? Library.Fill(fields) : PromptTemplate.Fill(Literal!, fields);

        /// <summary>The library template's request defaults, where neither the row nor the command line gave a value.</summary>
        public void ApplyDefaults(ImageGenerationRequest request) => Library?.Defaults.ApplyTo(request);
    }
}
