using System;
using System.Management.Automation;

namespace GptImage.Commands
{
    /// <summary>Checks that a PNG mask fits an image for Edit-GptImage, and returns $true or $false.</summary>
    /// <remarks>
    /// <para>Runs the check Edit-GptImage runs before uploading: the mask is a PNG with an alpha channel, the same size
    /// as the image, with some fully transparent pixels (the area to edit). The reasons for $false go to the verbose
    /// stream; -Detailed returns the whole report instead: IsValid, Problems with stable ids (GptImage.Mask.SizeMismatch,
    /// GptImage.Mask.NoAlpha, GptImage.Mask.NothingTransparent, ...), Warnings, Width, Height, TransparentPercent and
    /// EditBounds.</para>
    /// <para>Reads local files only; nothing is sent.</para>
    /// </remarks>
    /// <example>
    /// <code>Test-GptImageMask -MaskPath ./photo.mask.png -ImagePath ./photo.png</code>
    /// <para>Returns $true when the mask will work with the image.</para>
    /// </example>
    /// <example>
    /// <code>Test-GptImageMask -MaskPath ./photo.mask.png -ImagePath ./photo.png -Detailed | Format-List</code>
    /// <para>Shows the full report: size, share of transparent pixels, the edit area's bounds, problems and warnings.</para>
    /// </example>
    /// <example>
    /// <code>Import-Csv ./edits.csv | Test-GptImageMask</code>
    /// <para>Checks every row of a CSV with MaskPath and ImagePath columns before an edit run.</para>
    /// </example>
    /// <returns>$true or $false; with -Detailed a MaskReport: IsValid, Problems, Warnings, Width, Height, TransparentPercent, EditBounds.</returns>
    [Cmdlet(VerbsDiagnostic.Test, "GptImageMask", HelpUri = HelpLinks.Readme + "test-gptimagemask")]
    [OutputType(typeof(bool), typeof(MaskReport))]
    public sealed class TestGptImageMaskCommand : PSCmdlet
    {
        /// <summary>The mask: a PNG with an alpha channel whose fully transparent pixels mark the area to edit.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Mask")]
        [ValidateNotNullOrEmpty]
        public string MaskPath { get; set; } = string.Empty;

        /// <summary>The image to be edited (the first image of the edit): png, jpeg or webp.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Image")]
        [ValidateNotNullOrEmpty]
        public string ImagePath { get; set; } = string.Empty;

        /// <summary>Return the full MaskReport instead of $true or $false.</summary>
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
