using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using GptImage.Imaging;

namespace GptImage
{
    /// <summary>
    /// Makes API masks (PNG, RGBA; alpha 0 where the model may paint, opaque black elsewhere), the engine
    /// behind ConvertTo-GptImageMask. <see cref="FromImage"/> needs the source's pixels, so it takes PNG
    /// sources only (there is no JPEG/WebP pixel decoder here); the rectangle forms need only the image's
    /// size and work for PNG, JPEG and WebP.
    /// </summary>
    public static class MaskMaker
    {
        /// <summary>
        /// Turns a black-and-white, grayscale or RGB picture (with or without alpha) into an alpha mask: pixels of
        /// <paramref name="editColor"/> (luminance below <paramref name="threshold"/> for Black, at or above it
        /// for White) and pixels already fully transparent become the edit area.
        /// </summary>
        public static byte[] FromImage(string sourcePath, MaskEditColor editColor = MaskEditColor.Black, int threshold = 128)
        {
            if (sourcePath is null) throw new ArgumentNullException(nameof(sourcePath));
            if (threshold < 1 || threshold > 255)
                throw new GptImageValidationException(ErrorIds.InvalidMask, "Threshold", threshold,
                    "a luminance from 1 to 255 (pixels darker than it count as black)");
            if (editColor != MaskEditColor.Black && editColor != MaskEditColor.White)
                throw new GptImageValidationException(ErrorIds.InvalidMask, "EditColor", editColor, "Black or White");

            ImageInfo info = ImageInspector.Inspect(sourcePath);
            RequirePng(info, sourcePath);
            var rgba = new byte[(long)info.Width * info.Height * 4];
            DecodeRows(sourcePath, PixelLayout.Rgba, (y, row) => ToMaskRow(row, rgba, (long)y * row.Length, editColor, threshold));
            return PngEncoder.EncodeRgba(info.Width, info.Height, rgba);
        }

        /// <summary>A mask the size of the image at <paramref name="imagePath"/> (PNG, JPEG or WebP; only its header is read).</summary>
        public static byte[] FromRectangles(string imagePath, IEnumerable<MaskRectangle> rectangles, bool invert = false)
        {
            ImageInfo info = ImageInspector.Inspect(imagePath);
            return FromRectangles(info.Width, info.Height, rectangles, invert);
        }

        /// <summary>
        /// A <paramref name="width"/> x <paramref name="height"/> mask whose rectangles are transparent (edited);
        /// with <paramref name="invert"/>, everything outside them is edited instead.
        /// </summary>
        public static byte[] FromRectangles(int width, int height, IEnumerable<MaskRectangle> rectangles, bool invert = false)
        {
            if (width <= 0 || height <= 0 || (long)width * height > MaxMaskPixels)
                throw new GptImageValidationException(ErrorIds.InvalidMask, "Size", $"{width}x{height}", $"a width and height of at least 1 and at most {MaxMaskPixels} pixels in all");
            MaskRectangle[] list = rectangles?.ToArray() ?? throw new ArgumentNullException(nameof(rectangles));
            if (list.Length == 0)
                throw new GptImageValidationException(ErrorIds.InvalidMask, "Rectangle", null, "at least one rectangle x,y,width,height to edit");
            foreach (MaskRectangle r in list)
                if (r.Width <= 0 || r.Height <= 0 || r.X < 0 || r.Y < 0 || r.Right > width || r.Bottom > height)
                    throw new GptImageValidationException(ErrorIds.InvalidMask, "Rectangle", r.ToString(),
                        $"a rectangle with width and height above 0 inside the {width}x{height} image (x+width <= {width}, y+height <= {height})");

            byte editAlpha = 0, keepAlpha = 255;
            if (invert) (editAlpha, keepAlpha) = (keepAlpha, editAlpha);
            var rgba = new byte[(long)width * height * 4];
            for (long i = 3; i < rgba.LongLength; i += 4) rgba[i] = keepAlpha;
            foreach (MaskRectangle r in list)
                for (int y = r.Y; y < r.Bottom; y++)
                    for (int x = r.X; x < r.Right; x++)
                        rgba[((long)y * width + x) * 4 + 3] = editAlpha;
            return PngEncoder.EncodeRgba(width, height, rgba);
        }

        /// <summary>Swaps edited and kept areas of a PNG mask: alpha a becomes 255 - a.</summary>
        public static byte[] Invert(string maskPath)
        {
            if (maskPath is null) throw new ArgumentNullException(nameof(maskPath));
            ImageInfo info = ImageInspector.Inspect(maskPath);
            RequirePng(info, maskPath);
            var rgba = new byte[(long)info.Width * info.Height * 4];
            DecodeRows(maskPath, PixelLayout.Alpha, (y, alpha) =>
            {
                long o = (long)y * alpha.Length * 4;
                for (int x = 0; x < alpha.Length; x++) rgba[o + x * 4 + 3] = (byte)(255 - alpha[x]);
            });
            return PngEncoder.EncodeRgba(info.Width, info.Height, rgba);
        }

        /// <summary>Largest mask made here: the decoder's own pixel limit.</summary>
        private const long MaxMaskPixels = Imaging.Png.PngLimits.MaxPixels;

        /// <summary>Rec. 601 luma in integers; alpha 0 in the source already means "edit".</summary>
        private static void ToMaskRow(byte[] row, byte[] rgba, long offset, MaskEditColor editColor, int threshold)
        {
            for (int i = 0; i < row.Length; i += 4)
            {
                int luma = (row[i] * 299 + row[i + 1] * 587 + row[i + 2] * 114 + 500) / 1000;
                bool dark = luma < threshold;
                bool edit = row[i + 3] == 0 || (editColor == MaskEditColor.Black ? dark : !dark);
                rgba[offset + i + 3] = edit ? (byte)0 : (byte)255;
            }
        }

        private static void DecodeRows(string path, PixelLayout layout, PixelRowHandler onRow)
        {
            using FileStream stream = ImageFiles.OpenRead(path);
            ImageFiles.Guard(path, () => ImageCodecs.Current.ReadPixels(stream, path, layout, onRow));
        }

        /// <summary>Pixels are needed: say plainly that JPEG and WebP sources cannot be used here.</summary>
        private static void RequirePng(ImageInfo info, string path)
        {
            if (info.Format != "png")
                throw new GptImageImageException(ImageErrorIds.DecodeNotSupported,
                    $"'{path}' is a {info.Format.ToUpperInvariant()} image; masks can be made only from PNG pictures here (there is no {info.Format.ToUpperInvariant()} pixel decoder). Save it as PNG first, or use rectangles, which work with any format.", path);
        }
    }
}
