using System;
using System.Globalization;
using System.IO;
using System.Linq;
using GptImage.Validation;

namespace GptImage.Imaging.Pixels
{
    /// <summary>Where the original image sits on the larger canvas.</summary>
    public enum OutpaintAnchor { Center, Left, Right, Top, Bottom, TopLeft, TopRight, BottomLeft, BottomRight }

    /// <summary>The canvas an outpainting edit sends: its size (one the model accepts) and where the image goes on it.</summary>
    public sealed class OutpaintLayout
    {
        public int SourceWidth { get; internal set; }
        public int SourceHeight { get; internal set; }
        public int CanvasWidth { get; internal set; }
        public int CanvasHeight { get; internal set; }
        public int ImageX { get; internal set; }
        public int ImageY { get; internal set; }
        public int ImageWidth { get; internal set; }
        public int ImageHeight { get; internal set; }

        /// <summary>The request's size, "WIDTHxHEIGHT".</summary>
        public string Size => CanvasWidth.ToString(CultureInfo.InvariantCulture) + "x" + CanvasHeight.ToString(CultureInfo.InvariantCulture);

        /// <summary>Share of the canvas the model paints (the mask's transparent area), 0 to 100.</summary>
        public double NewAreaPercent => 100.0 * (1 - (double)ImageWidth * ImageHeight / ((double)CanvasWidth * CanvasHeight));
    }

    /// <summary>
    /// Outpainting in one step: a larger canvas with the image placed at an anchor, and the mask that marks everything
    /// else as the area to paint. The canvas size snaps to what the model accepts: on gpt-image-2 both sides a multiple
    /// of 16, aspect 1:3 to 3:1, at most 3840 a side and 8,294,400 pixels (the image is scaled down with the canvas when
    /// the target is bigger); on the preset models the preset closest to the target's shape.
    /// </summary>
    public static class Outpainting
    {
        /// <summary>The layout for an image of <paramref name="width"/>x<paramref name="height"/>; exactly one of size or aspect.</summary>
        public static OutpaintLayout Plan(int width, int height, string? size, string? aspectRatio, OutpaintAnchor anchor, string? model)
        {
            if ((size is null) == (aspectRatio is null))
                throw new GptImageValidationException(ErrorIds.ParameterConflict, "AspectRatio", aspectRatio ?? size,
                    "exactly one of -Size 'WIDTHxHEIGHT' (the canvas) or -AspectRatio 'W:H' (the smallest canvas of that shape around the image).");
            (double w, double h) = size != null ? TargetSize(size, width, height) : AroundImage(width, height, ParseAspect(aspectRatio!));
            ModelCapabilities? caps = ModelCatalog.Find(model ?? ImageGenerationRequest.DefaultModel);
            (int canvasW, int canvasH) = caps?.FlexibleSize is { } flexible ? SnapFlexible(w, h, flexible, caps.Name)
                : caps != null ? ClosestPreset(w, h, caps) : ((int)Math.Ceiling(w), (int)Math.Ceiling(h));
            // The image keeps its share of the canvas: scaled with it when the canvas had to shrink or grow to fit the model.
            double scale = Math.Min(canvasW / w, canvasH / h);
            int imageW = Math.Min(canvasW, Math.Max(1, (int)Math.Round(width * scale)));
            int imageH = Math.Min(canvasH, Math.Max(1, (int)Math.Round(height * scale)));
            (double ax, double ay) = Weights(anchor);
            return new OutpaintLayout
            {
                SourceWidth = width, SourceHeight = height,
                CanvasWidth = canvasW, CanvasHeight = canvasH,
                ImageWidth = imageW, ImageHeight = imageH,
                ImageX = (int)Math.Round((canvasW - imageW) * ax), ImageY = (int)Math.Round((canvasH - imageH) * ay),
            };
        }

        /// <summary>Reads the image's header and plans its canvas.</summary>
        public static OutpaintLayout Plan(string path, string? size, string? aspectRatio, OutpaintAnchor anchor, string? model)
        {
            (_, int width, int height) = PrintUpscaler.Identify(path);
            return Plan(width, height, size, aspectRatio, anchor, model);
        }

        /// <summary>The canvas PNG (the image on transparent pixels) and the mask PNG (transparent where new).</summary>
        public static (byte[] Canvas, byte[] Mask) Build(string path, OutpaintLayout layout)
        {
            byte[] canvas;
            using (FileStream stream = ImageFiles.OpenRead(path))
                canvas = PixelEngine.Current.Compose(stream, path, layout.CanvasWidth, layout.CanvasHeight, layout.ImageX, layout.ImageY, layout.ImageWidth, layout.ImageHeight);
            byte[] mask = MaskMaker.FromRectangles(layout.CanvasWidth, layout.CanvasHeight,
                new[] { new MaskRectangle(layout.ImageX, layout.ImageY, layout.ImageWidth, layout.ImageHeight) }, invert: true);
            return (canvas, mask);
        }

        private static (double, double) TargetSize(string size, int width, int height)
        {
            if (!SizeRules.TryParse(size, out int w, out int h))
                throw new GptImageValidationException(ErrorIds.InvalidSize, "Size", size, "the canvas as 'WIDTHxHEIGHT', for example '1536x864'.");
            if (w < width && h < height)
                throw new GptImageValidationException(ErrorIds.InvalidSize, "Size", size, $"a canvas larger than the image ({width}x{height}) on at least one side.");
            return (w, h);
        }

        private static double ParseAspect(string text)
        {
            string[] parts = text.Split(':', '/');
            if (parts.Length == 2 && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double a)
                && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double b) && a > 0 && b > 0)
                return a / b;
            throw new GptImageValidationException(ErrorIds.InvalidSize, "AspectRatio", text, "'W:H', for example '16:9' for a banner or '9:16' for a story.");
        }

        /// <summary>The smallest canvas of the aspect that holds the whole image.</summary>
        private static (double, double) AroundImage(int width, int height, double aspect) =>
            (double)width / height < aspect ? (height * aspect, height) : (width, width / aspect);

        private static (int, int) SnapFlexible(double w, double h, FlexibleSizeRule rule, string model)
        {
            double aspect = w / h;
            if (aspect < rule.MinAspect - 1e-9 || aspect > rule.MaxAspect + 1e-9)
                throw new GptImageValidationException(ErrorIds.InvalidSize, "AspectRatio", aspect.ToString("0.###", CultureInfo.InvariantCulture),
                    $"a canvas shape {model} accepts: from 1:3 to 3:1.");
            double scale = Math.Min(1, Math.Min(rule.MaxEdge / Math.Max(w, h), Math.Sqrt(rule.MaxPixels / (w * h))));
            int m = rule.MultipleOf;
            int snappedW = Snap(w * scale, m), snappedH = Snap(h * scale, m);
            while ((long)snappedW * snappedH > rule.MaxPixels || Math.Max(snappedW, snappedH) > rule.MaxEdge)
            {
                if (snappedW >= snappedH) snappedW -= m; else snappedH -= m;
            }
            return (snappedW, snappedH);
        }

        /// <summary>Up to the next multiple (the canvas never cuts into the image), at least one multiple.</summary>
        private static int Snap(double side, int multiple) => Math.Max(multiple, (int)Math.Ceiling(side / multiple - 1e-9) * multiple);

        private static (int, int) ClosestPreset(double w, double h, ModelCapabilities caps)
        {
            var presets = caps.Sizes.Select(s => SizeRules.TryParse(s, out int pw, out int ph) ? (pw, ph) : (0, 0)).Where(p => p.Item1 > 0).ToList();
            if (presets.Count == 0) return ((int)Math.Ceiling(w), (int)Math.Ceiling(h));
            double aspect = w / h;
            return presets.OrderBy(p => Math.Abs(Math.Log((double)p.Item1 / p.Item2 / aspect))).First();
        }

        private static (double, double) Weights(OutpaintAnchor anchor) => anchor switch
        {
            OutpaintAnchor.Left => (0, 0.5),
            OutpaintAnchor.Right => (1, 0.5),
            OutpaintAnchor.Top => (0.5, 0),
            OutpaintAnchor.Bottom => (0.5, 1),
            OutpaintAnchor.TopLeft => (0, 0),
            OutpaintAnchor.TopRight => (1, 0),
            OutpaintAnchor.BottomLeft => (0, 1),
            OutpaintAnchor.BottomRight => (1, 1),
            _ => (0.5, 0.5),
        };
    }
}
