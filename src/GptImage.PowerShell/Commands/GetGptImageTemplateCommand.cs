using System.Linq;
using System.Management.Automation;
using GptImage.Templates;

namespace GptImage.Commands
{
    /// <summary>Lists the named prompt templates that -Template accepts: the built-in ones and those in your template folders.</summary>
    /// <remarks>
    /// <para>Each template builds a prompt from a subject, a setting, a style and medium, lighting and mood, technical details and
    /// the things to avoid, with {Placeholder}s filled from each input row's columns. A placeholder without a default is required:
    /// a row without that column is that row's error before anything is sent. The template's defaults (size, quality, background,
    /// format) apply only where the row and the command line give no value.</para>
    /// <para>Your own templates are .psd1 or .json files in the folders of -TemplatePath, then in $env:GPTIMAGE_TEMPLATE_PATH, else in
    /// the per-user folder (GptImage.PowerShell/templates under LocalApplicationData: ~/.local/share on Linux, %LOCALAPPDATA% on Windows).
    /// The first template of a name wins, so a file can replace a built-in template. A file that cannot be used is an error naming
    /// the file and the field; the other templates are still listed.</para>
    /// <para>The API has no negative prompt: a template's Negative field becomes the prompt's last sentence ("Avoid: ...").</para>
    /// </remarks>
    /// <example>
    /// <code>Get-GptImageTemplate</code>
    /// <para>Lists every template with its description, placeholders and defaults.</para>
    /// </example>
    /// <example>
    /// <code>Get-GptImageTemplate product-shot | Select-Object -ExpandProperty Placeholders</code>
    /// <para>Shows the columns the product-shot template reads, what each is for and its default (none: the column is required).</para>
    /// </example>
    /// <example>
    /// <code>Get-GptImageTemplate -Name house-* -TemplatePath ./templates</code>
    /// <para>Lists the templates whose names start with house- from the folder ./templates (and the other template folders).</para>
    /// </example>
    /// <returns>An ImageTemplate per template: Name, Description, Placeholders (Name, Description, Default, IsRequired), Defaults, Source and the prompt parts (Subject ... Negative).</returns>
    [Cmdlet(VerbsCommon.Get, "GptImageTemplate", HelpUri = HelpLinks.Readme + "get-gptimagetemplate")]
    [OutputType(typeof(ImageTemplate))]
    public sealed class GetGptImageTemplateCommand : PSCmdlet
    {
        /// <summary>Template names to list; wildcards allowed. Default: every template.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(TemplateNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        /// <summary>Folders of your own template files (.psd1, .json), read before the per-user folder and the built-in templates. Each must exist.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? TemplatePath { get; set; }

        private TemplateLibrary? _library;

        protected override void BeginProcessing()
        {
            _library = TemplateSelection.Load(this, TemplatePath, warn: false);
            foreach (GptImageTemplateException problem in _library.Problems) WriteError(ErrorRecords.From(problem, problem.FilePath));
        }

        protected override void ProcessRecord()
        {
            if (Name is null || Name.Length == 0)
            {
                foreach (ImageTemplate template in _library!.Templates) WriteObject(template);
                return;
            }
            foreach (string name in Name)
            {
                var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
                var matches = _library!.Templates.Where(t => pattern.IsMatch(t.Name)).ToList();
                if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
                {
                    var error = new GptImageValidationException(ErrorIds.TemplateNotFound, "Name", name,
                        "the name of a template: " + string.Join(", ", _library.Templates.Select(t => t.Name)) + ".");
                    WriteError(new ErrorRecord(error, ErrorIds.TemplateNotFound, ErrorCategory.ObjectNotFound, name)
                    {
                        ErrorDetails = new ErrorDetails(error.Message) { RecommendedAction = "Run Get-GptImageTemplate to see every name." },
                    });
                    continue;
                }
                foreach (ImageTemplate template in matches) WriteObject(template);
            }
        }
    }
}
