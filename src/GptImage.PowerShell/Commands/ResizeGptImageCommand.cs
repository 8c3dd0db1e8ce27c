using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using GptImage.Imaging.Pixels;
using GptImage.Orchestration;

namespace GptImage.Commands
{
    /// <summary>Enlarges images for print (2x, 4x, a pixel size or a print size at a DPI) with the Lanczos-3 filter.</summary>
    /// <remarks>
    /// <para>The model's largest output (3840x2160 on gpt-image-2, 1536 on a side on older models) is too small for a poster
    /// at 300 dpi. Resize-GptImage scales each image with the Lanczos-3 filter, keeps the aspect ratio, and writes the DPI you
    /// ask for into the file (PNG pHYs, JPEG JFIF density; WebP has no DPI field). Exactly one of -Scale, -Width/-Height or
    /// -PrintWidth/-PrintHeight sets the size; with both sides given the image fits inside them.</para>
    /// <para>Input: -Path (wildcards), -LiteralPath, Get-ChildItem output, or New-GptImage results (by their Path). Each file
    /// is written as &lt;name&gt;-&lt;width&gt;x&lt;height&gt;.&lt;format&gt; in -OutputDirectory (default: next to the source);
    /// an existing file is a GptImage.FileExists error unless -Force. Only PNG, JPEG and WebP are read; GIF, BMP, TIFF and
    /// images over 100 megapixels are refused before decoding. No metadata (EXIF, XMP, ICC) is copied to the output.</para>
    /// </remarks>
    /// <example>
    /// <code>Resize-GptImage -Path ./photo.png -Scale 2 -OutputDirectory ./print</code>
    /// <para>Writes ./print/photo-2048x2048.png (the example photo is 1024x1024) at 300 dpi and returns the file.</para>
    /// </example>
    /// <example>
    /// <code>Get-ChildItem ./shots/*.png | Resize-GptImage -PrintWidth 12 -Dpi 300 -OutputFormat jpeg -Quality 92 -OutputDirectory ./print</code>
    /// <para>Makes each shot 12 inches wide at 300 dpi (3600 pixels), as JPEG at quality 92.</para>
    /// </example>
    /// <example>
    /// <code>New-GptImage 'A lighthouse at dawn, watercolour' -OutputDirectory ./out | Resize-GptImage -Scale 4 -Force</code>
    /// <para>Generates an image and writes a 4x copy next to it, replacing an earlier one of the same name.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Resize, "GptImage", DefaultParameterSetName = PathSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low,
        HelpUri = HelpLinks.Readme + "resize-gptimage")]
    [OutputType(typeof(FileInfo))]
    public sealed class ResizeGptImageCommand : PSCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";

        /// <summary>Images to resize; wildcards allowed. New-GptImage results bind here by their Path.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = Array.Empty<string>();

        /// <summary>Images to resize, taken literally (no wildcards). Get-ChildItem output binds here.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "FullName")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = Array.Empty<string>();

        /// <summary>Factor for both sides, from 0.05 to 16 (2 and 4 are the usual print upscales).</summary>
        [Parameter]
        public double? Scale { get; set; }

        /// <summary>Width in pixels; the height follows the aspect ratio unless -Height is also given (then the image fits inside both).</summary>
        [Parameter]
        public int? Width { get; set; }

        /// <summary>Height in pixels; the width follows the aspect ratio unless -Width is also given.</summary>
        [Parameter]
        public int? Height { get; set; }

        /// <summary>Print width in inches at -Dpi (pixels = inches x DPI).</summary>
        [Parameter]
        public double? PrintWidth { get; set; }

        /// <summary>Print height in inches at -Dpi.</summary>
        [Parameter]
        public double? PrintHeight { get; set; }

        /// <summary>Dots per inch written into the file and used by -PrintWidth/-PrintHeight, 1 to 10000. Default 300.</summary>
        [Parameter]
        public double Dpi { get; set; } = 300;

        /// <summary>png, jpeg or webp. Default: the source's format.</summary>
        [Parameter]
        [ValidateSet("png", "jpeg", "webp", IgnoreCase = true)]
        public string? OutputFormat { get; set; }

        /// <summary>JPEG and WebP quality, 1 to 100. Default 90.</summary>
        [Parameter]
        [ValidateRange(1, 100)]
        public int? Quality { get; set; }

        /// <summary>Folder for the resized files. Default: each source's own folder.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? OutputDirectory { get; set; }

        /// <summary>Replace an existing file of the same name.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            foreach (string source in Sources())
                ResizeOne(source);
        }

        private IEnumerable<string> Sources()
        {
            IEnumerable<string> typed = ParameterSetName == LiteralPathSet ? LiteralPath : Path;
            foreach (string path in typed)
            {
                IReadOnlyList<string> resolved;
                try
                {
                    resolved = ParameterSetName == LiteralPathSet ? new[] { FileSystemPaths.ResolveLiteral(this, path) } : FileSystemPaths.ResolveWildcards(this, path);
                }
                catch (Exception e) when (FileSystemPaths.IsResolutionError(e) || e is PSArgumentException)
                {
                    WriteError(new ErrorRecord(e, "GptImage.ImageNotFound", ErrorCategory.ObjectNotFound, path));
                    continue;
                }
                foreach (string file in resolved) yield return file;
            }
        }

        private void ResizeOne(string source)
        {
            var options = new UpscaleOptions
            {
                Scale = Scale, Width = Width, Height = Height, PrintWidthInches = PrintWidth, PrintHeightInches = PrintHeight,
                Dpi = Dpi, OutputFormat = OutputFormat?.ToLowerInvariant(), Quality = Quality,
            };
            try
            {
                if (!File.Exists(source))
                    throw new ItemNotFoundException($"Cannot find the image '{source}'.");
                string folder = OutputDirectory is null ? System.IO.Path.GetDirectoryName(source) ?? "." : FileSystemPaths.ResolveLiteral(this, OutputDirectory);
                (string format, int width, int height) = PrintUpscaler.Identify(source);
                (int w, int h) = PrintUpscaler.TargetSize(width, height, options);
                string destination = System.IO.Path.Combine(folder,
                    $"{System.IO.Path.GetFileNameWithoutExtension(source)}-{w}x{h}.{Extension(options.OutputFormat ?? format)}");
                if (File.Exists(destination) && !Force.IsPresent)
                {
                    WriteError(new ErrorRecord(new IOException($"'{destination}' already exists; use -Force to replace it."),
                        ErrorIds.FileExists, ErrorCategory.ResourceExists, destination));
                    return;
                }
                string dpi = Dpi.ToString("0.##", CultureInfo.InvariantCulture);
                if (!ShouldProcess(destination, $"Resize '{source}' from {width}x{height} to {w}x{h} (Lanczos-3, {dpi} dpi)")) return;

                UpscaledImage result = PrintUpscaler.Upscale(source, options);
                AtomicFile.Write(destination, result.Bytes, Force.IsPresent);
                WriteVerbose($"{source}: {result.SourceWidth}x{result.SourceHeight} -> {result.Width}x{result.Height} at {dpi} dpi, {result.Bytes.Length} bytes.");
                WriteObject(new FileInfo(destination));
            }
            catch (ItemNotFoundException e)
            {
                WriteError(new ErrorRecord(e, "GptImage.ImageNotFound", ErrorCategory.ObjectNotFound, source));
            }
            catch (Exception e) when (e is GptImageImageException || e is GptImageValidationException || e is GptImageBatchException || e is IOException || e is UnauthorizedAccessException)
            {
                WriteError(ErrorRecords.From(e, source));
            }
        }

        private static string Extension(string format) => format == "jpeg" ? "jpg" : format;
    }
}
