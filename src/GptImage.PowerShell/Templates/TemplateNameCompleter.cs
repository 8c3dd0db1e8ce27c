using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using GptImage.Templates;

namespace GptImage.Commands
{
    /// <summary>Tab completion of template names for -Template and Get-GptImageTemplate -Name, from the folders of a typed -TemplatePath too.</summary>
    public sealed class TemplateNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            TemplateLibrary library;
            try
            {
                IEnumerable<string> folders = CompletionPaths.Typed(fakeBoundParameters, "TemplatePath");
                library = TemplateLibrary.Load(folders.Where(System.IO.Directory.Exists), PowerShellDataFile.Read);
            }
            catch (Exception) { return Enumerable.Empty<CompletionResult>(); }   // completion must never throw at the user
            return library.Templates
                .Where(t => t.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(t => new CompletionResult(t.Name, t.Name, CompletionResultType.ParameterValue, t.Description));
        }
    }
}
