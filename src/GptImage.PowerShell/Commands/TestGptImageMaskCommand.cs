using System;
using System.IO;
using System.Linq;
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
    /// <para>A mask file piped in (Get-Item, ConvertTo-GptImageMask) binds by its PSPath. Without -ImagePath, a mask named
    /// &lt;name&gt;.mask.png is checked against the image &lt;name&gt;.png (or .jpg, .jpeg, .webp) beside it.</para>
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
        private const string MaskSuffix = ".mask.png";
        private static readonly string[] ImageExtensions = { ".png", ".jpg", ".jpeg", ".webp" };

        /// <summary>The mask: a PNG with an alpha channel whose fully transparent pixels mark the area to edit. A piped file binds here.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Mask", "PSPath", "FullName")]
        [ValidateNotNullOrEmpty]
        public string MaskPath { get; set; } = string.Empty;

        /// <summary>
        /// The image to be edited (the first image of the edit): png, jpeg or webp. Default: &lt;name&gt;.png (or .jpg, .jpeg,
        /// .webp) beside a mask named &lt;name&gt;.mask.png.
        /// </summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Image")]
        [ValidateNotNullOrEmpty]
        public string? ImagePath { get; set; }

        /// <summary>Return the full MaskReport instead of $true or $false.</summary>
        [Parameter]
        public SwitchParameter Detailed { get; set; }

        protected override void ProcessRecord()
        {
            string mask, image;
            try
            {
                mask = FileSystemPaths.ResolveLiteral(this, MaskPath);
                string? found = ImagePath is null ? ImageBeside(mask) : FileSystemPaths.ResolveLiteral(this, ImagePath);
                if (found is null)
                {
                    WriteError(new ErrorRecord(new PSArgumentException(
                            $"-ImagePath is needed for the mask '{mask}': it is not named <name>{MaskSuffix} with an image <name>.png (or .jpg, .jpeg, .webp) beside it."),
                        "GptImage.ImageNotFound", ErrorCategory.ObjectNotFound, MaskPath));
                    return;
                }
                image = found;
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

        /// <summary>The image a mask made by ConvertTo-GptImageMask's default name belongs to, or null.</summary>
        private static string? ImageBeside(string mask)
        {
            string name = Path.GetFileName(mask);
            if (!name.EndsWith(MaskSuffix, StringComparison.OrdinalIgnoreCase) || name.Length == MaskSuffix.Length) return null;
            string stem = Path.Combine(Path.GetDirectoryName(mask) ?? ".", name.Substring(0, name.Length - MaskSuffix.Length));
            return ImageExtensions.Select(extension => stem + extension).FirstOrDefault(File.Exists);
        }
    }
}
