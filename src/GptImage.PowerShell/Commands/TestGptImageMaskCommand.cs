using System;
using System.Management.Automation;

namespace GptImage.Commands
{
    /// <summary>
    /// <para type="synopsis">Checks that a PNG mask fits an image for Edit-GptImage: returns $true or $false.</para>
    /// <para type="description">The reasons go to the verbose stream; -Detailed returns the whole report instead
    /// (problems, warnings, size, transparent share, edit bounds). Reads local files only.</para>
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "GptImageMask")]
    [OutputType(typeof(bool), typeof(MaskReport))]
    public sealed class TestGptImageMaskCommand : PSCmdlet
    {
        /// <summary>The mask: a PNG with an alpha channel whose fully transparent pixels mark the area to edit.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Mask")]
        [ValidateNotNullOrEmpty]
        public string MaskPath { get; set; } = string.Empty;

        /// <summary>The image to be edited (the first image of the edit).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Image")]
        [ValidateNotNullOrEmpty]
        public string ImagePath { get; set; } = string.Empty;

        /// <summary>Return the full MaskReport instead of a bool.</summary>
        [Parameter]
        public SwitchParameter Detailed { get; set; }

        protected override void ProcessRecord()
        {
            string mask, image;
            try
            {
                mask = FileSystemPaths.ResolveLiteral(this, MaskPath);
                image = FileSystemPaths.ResolveLiteral(this, ImagePath);
            }
            catch (Exception e) when (e is PSArgumentException || e is SessionStateException)
            {
                WriteError(new ErrorRecord(e, "GptImage.InvalidPath", ErrorCategory.InvalidArgument, MaskPath));
                return;
            }

            MaskReport report = MaskValidator.Validate(mask, image);
            foreach (var problem in report.Problems) WriteVerbose($"{problem.Id}: {problem.Message}");
            foreach (var warning in report.Warnings) WriteVerbose($"Warning: {warning}");
            if (report.IsValid) WriteVerbose($"Mask '{mask}' fits '{image}'.");
            WriteObject(Detailed.IsPresent ? report : (object)report.IsValid);
        }
    }
}
