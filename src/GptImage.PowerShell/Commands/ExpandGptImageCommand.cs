using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using GptImage.Imaging.Pixels;
using GptImage.Orchestration;

namespace GptImage.Commands
{
    /// <summary>Outpaints an image in one step: a larger canvas of the size or shape asked for, the mask of the new area, and the edit.</summary>
    /// <remarks>
    /// <para>Extending a square product shot into a 16:9 banner is outpainting: the image goes onto a larger transparent canvas
    /// at -Anchor, a mask marks everything around it as the area to paint, and both go to the edits endpoint as one request.
    /// Expand-GptImage does all three and returns the result like Edit-GptImage (write it with -OutputDirectory or pipe it to
    /// Export-GptImageBatch).</para>
    /// <para>-AspectRatio 'W:H' makes the smallest canvas of that shape around the image; -Size 'WIDTHxHEIGHT' names the canvas.
    /// The canvas snaps to what the model accepts: on gpt-image-2 both sides a multiple of 16, a shape from 1:3 to 3:1, at most
    /// 3840 a side and 8.3 megapixels (the image is scaled down with the canvas when the target is larger); on the older models
    /// the preset closest in shape (1024x1024, 1536x1024 or 1024x1536). -WhatIf shows the canvas, the share of it the model
    /// paints and the estimated cost, and sends nothing. The upload goes without metadata, as with Edit-GptImage.</para>
    /// </remarks>
    /// <example>
    /// <code>Expand-GptImage -Path ./photo.png -AspectRatio 16:9 -Prompt 'The same meadow, wider, under the same sky' -OutputDirectory ./banners</code>
    /// <para>Puts the 1024x1024 photo in the middle of a 1824x1024 canvas and has the model paint the sides.</para>
    /// </example>
    /// <example>
    /// <code>Get-ChildItem ./shots/*.png | Expand-GptImage -AspectRatio 9:16 -Anchor Bottom -Prompt 'Extend the studio backdrop upwards' -OutputDirectory ./stories -WhatIf</code>
    /// <para>Shows, for each shot, the canvas (576x1024 shapes snapped to multiples of 16), how much of it would be painted and the cost, without sending anything.</para>
    /// </example>
    [Cmdlet(VerbsData.Expand, "GptImage", DefaultParameterSetName = PathSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        HelpUri = HelpLinks.Readme + "expand-gptimage")]
    [OutputType(typeof(GptImageResult))]
    public sealed class ExpandGptImageCommand : ImageBatchCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";

        /// <summary>The image to extend; wildcards allowed (each match is its own request). New-GptImage results bind here by their Path.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = Array.Empty<string>();

        /// <summary>The image to extend, taken literally (no wildcards). Get-ChildItem output binds here.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "FullName")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = Array.Empty<string>();

        /// <summary>What the new area should show (the model sees the original image too).</summary>
        [Parameter(Mandatory = true)]
        [Alias("Description", "Text")]
        [ValidateNotNullOrEmpty]
        public string Prompt { get; set; } = string.Empty;

        /// <summary>The canvas shape as 'W:H' (for example '16:9' for a banner from a square shot): the smallest canvas of that shape around the image. Use this or -Size.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? AspectRatio { get; set; }

        /// <summary>Where the image sits on the canvas: Center (default), Left, Right, Top, Bottom, TopLeft, TopRight, BottomLeft or BottomRight.</summary>
        [Parameter]
        public OutpaintAnchor Anchor { get; set; } = OutpaintAnchor.Center;

        /// <summary>Upload the image with its EXIF, XMP, ICC profile and comments (removed by default).</summary>
        [Parameter]
        public SwitchParameter KeepMetadata { get; set; }

        internal override string ProgressActivity => "Outpainting images";

        // Whether -Size was typed (only command-line values are bound when BeginProcessing runs). On Linux and macOS a
        // piped file has a Size property (its length) that binds to -Size by name; with -AspectRatio typed it is ignored.
        private bool _sizeTyped;

        protected override void BeginProcessing() => _sizeTyped = MyInvocation.BoundParameters.ContainsKey(nameof(Size));

        protected override void ProcessRecord()
        {
            foreach (string source in Sources())
                ExpandOne(source);
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

        private void ExpandOne(string source)
        {
            int row = NextRowNumber();
            var request = new ImageEditRequest();
            OutpaintLayout layout;
            try
            {
                if (!File.Exists(source)) throw new ItemNotFoundException($"Cannot find the image '{source}'.");
                ApplyRequestOptions(request);
                request.Prompt = Prompt;
                request.KeepMetadata = KeepMetadata.IsPresent;
                string? aspect = ParameterValues.NullIfEmpty(AspectRatio);
                string? size = _sizeTyped || aspect is null ? ParameterValues.NullIfEmpty(Size) : null;
                layout = Outpainting.Plan(source, size, aspect, Anchor, request.Model);
                request.Size = layout.Size;
                (byte[] canvas, byte[] mask) = Outpainting.Build(source, layout);
                request.Images.Add(new MemoryStream(canvas, writable: false), System.IO.Path.GetFileNameWithoutExtension(source) + "-canvas.png");
                request.Mask = ImageInput.FromStream(new MemoryStream(mask, writable: false), System.IO.Path.GetFileNameWithoutExtension(source) + "-mask.png");
                foreach (string warning in Preflight.Check(request, DateTime.UtcNow)) WarnOnce(warning);
            }
            catch (ItemNotFoundException e)
            {
                WriteError(new ErrorRecord(e, "GptImage.ImageNotFound", ErrorCategory.ObjectNotFound, source));
                return;
            }
            catch (Exception e) when (e is GptImageValidationException || e is GptImageImageException || e is IOException || e is UnauthorizedAccessException)
            {
                WriteError(ErrorRecords.From(e, source));
                return;
            }

            CostEstimate estimate = CostEstimator.Estimate(request);
            string painted = layout.NewAreaPercent.ToString("0.0", CultureInfo.InvariantCulture);
            string what = $"Outpaint '{source}' ({layout.SourceWidth}x{layout.SourceHeight}) onto a {layout.Size} canvas at {Anchor} " +
                $"(image {layout.ImageWidth}x{layout.ImageHeight} at {layout.ImageX},{layout.ImageY}; mask: {painted}% of the canvas is painted)";
            WriteVerbose(what);
            if (!ShouldProcess(what, RequestDescription.Action("Edit", request, estimate))) return;
            Run.Submit(new ImageJob(request) { RowNumber = row, Source = source, PreflightDone = true });
        }
    }
}
