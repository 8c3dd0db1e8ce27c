using System;
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
    [OutputType(typeof(GptImageResult), typeof(GptImageJob))]
    public sealed class ExpandGptImageCommand : ImageBatchCmdlet
    {
        private const string PathSet = EditRequestInput.PathSet;
        private const string LiteralPathSet = EditRequestInput.LiteralPathSet;

        /// <summary>The image to extend; a wildcard must match one file (to extend several, pipe them: Get-ChildItem ./shots/*.png | Expand-GptImage ...). Without it, each piped file, piped path, New-GptImage result or row's Path column is an image.</summary>
        [Parameter(Position = 0, ParameterSetName = PathSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = Array.Empty<string>();

        /// <summary>The image to extend, taken literally (no wildcards). A row's LiteralPath, PSPath or FullName column does the same per row.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
        [Alias("PSPath", "FullName")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = Array.Empty<string>();

        /// <summary>What the new area should show (the model sees the original image too). Without it, a piped row's Prompt, Description or Text column.</summary>
        [Parameter]
        [Alias("Description", "Text")]
        [AllowEmptyString]
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

        /// <summary>The pipeline record: a file (Get-ChildItem, Get-Item), a path string, a New-GptImage result (its Path) or a row with a Path column.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        [AllowNull]
        public PSObject? InputObject { get; set; }

        internal override string ProgressActivity => "Outpainting images";

        private RowInputs? _inputs;

        protected override void ProcessRecord()
        {
            int row = NextRowNumber();
            _inputs ??= new RowInputs
            {
                Accepts = RowKinds.Edit,
                PipedTextIsPath = true,
                Paths = ParameterSetName == LiteralPathSet ? LiteralPath : MyInvocation.BoundParameters.ContainsKey(nameof(Path)) ? Path : null,
                PathsAreLiteral = ParameterSetName == LiteralPathSet,
                Prompt = MyInvocation.BoundParameters.ContainsKey(nameof(Prompt)) ? Prompt : null,
                KeepMetadata = KeepMetadata.IsPresent,
            };
            PipelineRecord record = PipelineRecord.Read(InputObject);
            object? source = record.Source ?? (ParameterSetName == LiteralPathSet ? (object)LiteralPath : Path);
            OutpaintLayout? layout = null;
            string? image = null;
            // The row's image (typed, piped or its Path column) is replaced by the canvas and the mask of the new area
            // before the edit's checks run on them.
            ImageGenerationRequest? request = TryBuildBatchRow(row, record, _inputs, source, built => layout = Outpaint((ImageEditRequest)built, out image));
            if (request is null || layout is null) return;

            CostEstimate estimate = CostEstimator.Estimate(request);
            string painted = layout.NewAreaPercent.ToString("0.0", CultureInfo.InvariantCulture);
            string what = $"Outpaint '{image}' ({layout.SourceWidth}x{layout.SourceHeight}) onto a {layout.Size} canvas at {Anchor} " +
                $"(image {layout.ImageWidth}x{layout.ImageHeight} at {layout.ImageX},{layout.ImageY}; mask: {painted}% of the canvas is painted)";
            WriteVerbose(what);
            if (!ShouldProcess(what, RequestDescription.Action("Edit", request, estimate))) return;
            Dispatch(new ImageJob(request) { RowNumber = row, Source = source, SourceFields = record.Fields, PreflightDone = true });
        }

        private OutpaintLayout Outpaint(ImageEditRequest request, out string image)
        {
            if (request.Images.Count != 1)
                throw new GptImageValidationException(ErrorIds.TooManyImages, "Path", $"{request.Images.Count} images",
                    "one image per canvas: a wildcard that matches several files makes one request each when piped (Get-ChildItem ./shots/*.png | Expand-GptImage ...).");
            image = request.Images[0].Path ?? request.Images[0].FileName;
            string? aspect = ParameterValues.NullIfEmpty(AspectRatio);
            // -AspectRatio wins over a Size that came from a row's column; a typed -Size with it is the user's choice of canvas.
            string? size = aspect is null || MyInvocation.BoundParameters.ContainsKey(nameof(Size)) ? request.Size : null;
            try
            {
                OutpaintLayout layout = Outpainting.Plan(image, size, aspect, Anchor, request.Model);
                (byte[] canvas, byte[] mask) = Outpainting.Build(image, layout);
                string name = System.IO.Path.GetFileNameWithoutExtension(image);
                request.Images.Clear();
                request.Images.Add(new MemoryStream(canvas, writable: false), name + "-canvas.png");
                request.Mask = ImageInput.FromStream(new MemoryStream(mask, writable: false), name + "-mask.png");
                request.Size = layout.Size;
                return layout;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new GptImageValidationException(ErrorIds.InvalidImage, "Path", image, "a readable PNG, JPEG or WebP file; " + e.Message);
            }
        }
    }
}
