using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using GptImage.Orchestration;

namespace GptImage.Commands
{
    /// <summary>Makes the PNG mask Edit-GptImage takes, from a black-and-white drawing or from rectangles over an image.</summary>
    /// <remarks>
    /// <para>From a drawing (the default): pixels of -EditColor (black unless told otherwise) become transparent, the area
    /// to edit, and the rest opaque. With -Rectangle 'x,y,width,height': the rectangles over -Path's image become
    /// transparent. -Invert edits everything except the marked area.</para>
    /// <para>-Path takes wildcards (each match gets its own mask); -LiteralPath (aliases PSPath, LP) takes names as they
    /// are, and Get-ChildItem output binds to it.</para>
    /// <para>The mask is written atomically to -DestinationPath (default: &lt;name&gt;.mask.png next to its source; an existing
    /// folder receives &lt;name&gt;.mask.png); an existing file needs -Force. The written file is returned as Get-Item
    /// returns it (PSPath set).</para>
    /// </remarks>
    /// <example>
    /// <code>ConvertTo-GptImageMask -Path ./photo.png -Rectangle '0,0,1024,300' -DestinationPath ./sky.mask.png</code>
    /// <para>Marks the top 300 rows of the image as the area to edit.</para>
    /// </example>
    /// <example>
    /// <code>ConvertTo-GptImageMask -Path ./photo-drawing.png -DestinationPath ./drawing.mask.png</code>
    /// <para>Turns a drawing whose black strokes mark the area to edit into a mask.</para>
    /// </example>
    /// <example>
    /// <code>ConvertTo-GptImageMask -Path ./photo.png -Rectangle '400,300,200,200' -Invert -DestinationPath ./keep-center.mask.png</code>
    /// <para>Edits everything except a 200-pixel square.</para>
    /// </example>
    /// <example>
    /// <code>Get-ChildItem ./drawings/*.png | ConvertTo-GptImageMask -EditColor White -Threshold 100</code>
    /// <para>Converts every drawing in a folder, white marking the area to edit, writing name.mask.png beside each.</para>
    /// </example>
    /// <returns>The mask file written.</returns>
    [Cmdlet(VerbsData.ConvertTo, "GptImageMask", DefaultParameterSetName = FromImageSet,
        SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Readme + "convertto-gptimagemask")]
    [OutputType(typeof(FileInfo))]
    public sealed class ConvertToGptImageMaskCommand : PSCmdlet
    {
        private const string FromImageSet = "FromImage";
        private const string FromImageLiteralSet = "FromImageLiteralPath";
        private const string RectangleSet = "Rectangle";
        private const string RectangleLiteralSet = "RectangleLiteralPath";
        private const string MaskSuffix = ".mask.png";

        /// <summary>The drawing to convert, or with -Rectangle the image the mask is for (its size is used). Wildcards allowed: each match gets its own mask.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = FromImageSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = RectangleSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = Array.Empty<string>();

        /// <summary>The same, taken literally (no wildcards). Get-ChildItem and Get-Item output binds here by PSPath.</summary>
        [Parameter(Mandatory = true, ParameterSetName = FromImageLiteralSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(Mandatory = true, ParameterSetName = RectangleLiteralSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP", "FullName")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = Array.Empty<string>();

        /// <summary>Areas to edit as 'x,y,width,height' in whole pixels from the top-left corner; several may be given.</summary>
        [Parameter(Mandatory = true, ParameterSetName = RectangleSet)]
        [Parameter(Mandatory = true, ParameterSetName = RectangleLiteralSet)]
        [ValidateNotNullOrEmpty]
        public string[] Rectangle { get; set; } = Array.Empty<string>();

        /// <summary>Edit everything except the marked area.</summary>
        [Parameter]
        public SwitchParameter Invert { get; set; }

        /// <summary>The colour of the drawing that marks the area to edit: Black or White. Default: Black.</summary>
        [Parameter(ParameterSetName = FromImageSet)]
        [Parameter(ParameterSetName = FromImageLiteralSet)]
        public MaskEditColor EditColor { get; set; } = MaskEditColor.Black;

        /// <summary>Luminance from 1 to 254 separating dark from light pixels of the drawing. Default: 128.</summary>
        [Parameter(ParameterSetName = FromImageSet)]
        [Parameter(ParameterSetName = FromImageLiteralSet)]
        [ValidateRange(1, 254)]
        public int Threshold { get; set; } = 128;

        /// <summary>
        /// Where to write the mask PNG: a file (one source only), or an existing folder that receives &lt;name&gt;.mask.png.
        /// Default: &lt;name&gt;.mask.png next to each source.
        /// </summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string? DestinationPath { get; set; }

        /// <summary>Replace an existing mask file.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        private bool FromRectangles => ParameterSetName == RectangleSet || ParameterSetName == RectangleLiteralSet;

        private bool Literal => ParameterSetName == FromImageLiteralSet || ParameterSetName == RectangleLiteralSet;

        protected override void ProcessRecord()
        {
            foreach (string typed in Literal ? LiteralPath : Path)
            {
                IReadOnlyList<string> sources;
                try
                {
                    sources = Literal ? new[] { FileSystemPaths.ResolveLiteral(this, typed) } : FileSystemPaths.ResolveWildcards(this, typed);
                }
                catch (Exception e) when (e is PSArgumentException || FileSystemPaths.IsResolutionError(e))
                {
                    WriteError(new ErrorRecord(e, "GptImage.InvalidPath", FileSystemPaths.IsResolutionError(e) ? ErrorCategory.ObjectNotFound : ErrorCategory.InvalidArgument, typed));
                    continue;
                }
                if (DestinationPath != null && sources.Count > 1 && !Directory.Exists(FileSystemPaths.ResolveLiteral(this, DestinationPath)))
                {
                    WriteError(new ErrorRecord(new PSArgumentException(
                            $"-Path '{typed}' matched {sources.Count} files but -DestinationPath names one file: leave -DestinationPath out (each mask goes next to its image as <name>{MaskSuffix}), give an existing folder, or name one source."),
                        ErrorIds.ParameterConflict, ErrorCategory.InvalidArgument, typed));
                    continue;
                }
                foreach (string source in sources) Convert(source, typed);
            }
        }

        private void Convert(string source, string typed)
        {
            string destination;
            try
            {
                destination = FileSystemPaths.ResolveLiteral(this, DestinationPath ?? DefaultDestination(source));
                // Like Copy-Item: a folder given as the destination receives the file under its default name.
                if (Directory.Exists(destination)) destination = System.IO.Path.Combine(destination, MaskFileName(source));
            }
            catch (Exception e) when (e is PSArgumentException || e is SessionStateException)
            {
                WriteError(new ErrorRecord(e, "GptImage.InvalidPath", ErrorCategory.InvalidArgument, DestinationPath));
                return;
            }

            if (File.Exists(destination) && !Force.IsPresent)
            {
                WriteError(new ErrorRecord(new IOException($"'{destination}' already exists; use -Force to replace it."),
                    ErrorIds.FileExists, ErrorCategory.ResourceExists, destination));
                return;
            }
            string what = FromRectangles ? $"mask of {Rectangle.Length} rectangle(s) over '{source}'" : $"mask from the drawing '{source}'";
            if (!ShouldProcess(destination, "Write " + what)) return;

            try
            {
                byte[] png = FromRectangles
                    ? MaskMaker.FromRectangles(source, Rectangle.Select(ParseRectangle).ToList(), Invert.IsPresent)
                    : MaskMaker.FromImage(source, Invert.IsPresent ? Opposite(EditColor) : EditColor, Threshold);
                try
                {
                    AtomicFile.Write(destination, png, Force.IsPresent);
                }
                catch (Exception e) when (WriteFailure.IsWriteError(e) && !File.Exists(destination))
                {
                    // A folder that cannot be written (read-only, a full disk, a file in the way): the mask is not there.
                    throw WriteFailure.For(destination, e);
                }
                // The provider's item, as Get-Item returns it: PSPath, PSParentPath and the rest are set, so the default
                // table shows the file like any other and the object pipes on by PSPath.
                WriteObject(InvokeProvider.Item.Get(new[] { destination }, force: true, literalPath: true), enumerateCollection: true);
            }
            catch (Exception e) when (e is GptImageImageException || e is GptImageValidationException || e is GptImageBatchException || e is IOException || e is UnauthorizedAccessException || e is ArgumentException)
            {
                WriteError(ErrorRecords.From(e, typed));
            }
        }

        private static MaskRectangle ParseRectangle(string text)
        {
            try
            {
                return MaskRectangle.Parse(text);
            }
            catch (Exception e) when (e is FormatException || e is ArgumentException)
            {
                throw new GptImageValidationException(ErrorIds.InvalidMask, "Rectangle", text, "'x,y,width,height' in whole pixels, for example '0,0,512,256'.");
            }
        }

        private static MaskEditColor Opposite(MaskEditColor color) => color == MaskEditColor.Black ? MaskEditColor.White : MaskEditColor.Black;

        private static string DefaultDestination(string source) =>
            System.IO.Path.Combine(System.IO.Path.GetDirectoryName(source) ?? ".", MaskFileName(source));

        private static string MaskFileName(string source) => System.IO.Path.GetFileNameWithoutExtension(source) + MaskSuffix;
    }
}
