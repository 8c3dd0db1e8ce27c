namespace GptImage.Imaging.Png
{
    /// <summary>The IHDR chunk, validated: only combinations the PNG spec allows get through.</summary>
    internal sealed class PngHeader
    {
        public int Width { get; private set; }
        public int Height { get; private set; }
        public int BitDepth { get; private set; }
        public int ColorType { get; private set; }
        public bool Interlaced { get; private set; }

        /// <summary>Samples per pixel: gray 1, RGB 3, palette 1, gray+alpha 2, RGBA 4.</summary>
        public int Channels => ColorType switch { 2 => 3, 4 => 2, 6 => 4, _ => 1 };

        public int BitsPerPixel => Channels * BitDepth;

        /// <summary>The byte distance the Sub/Average/Paeth filters look back (at least 1, spec 9.2).</summary>
        public int FilterStep => BitsPerPixel >= 8 ? BitsPerPixel / 8 : 1;

        /// <summary>Bytes in one scanline of <paramref name="pixels"/> pixels, without the filter byte.</summary>
        public int RowBytes(int pixels) => (int)(((long)pixels * BitsPerPixel + 7) / 8);

        public bool HasAlphaChannel => ColorType == 4 || ColorType == 6;

        /// <summary>Refuses sizes too large to decode here, before any pixel data is read.</summary>
        public void RequireDecodable(string? path)
        {
            if (Width > PngLimits.MaxDimension || Height > PngLimits.MaxDimension || (long)Width * Height > PngLimits.MaxPixels)
                throw PngErrors.Fail(ImageErrorIds.DimensionsInvalid,
                    $"{Width}x{Height} pixels is more than this decoder takes (each side at most {PngLimits.MaxDimension}, at most {PngLimits.MaxPixels} pixels in all)", path);
        }

        public static PngHeader Parse(byte[] d, string? path)
        {
            uint width = StreamReading.ReadUInt32BigEndian(d, 0);
            uint height = StreamReading.ReadUInt32BigEndian(d, 4);
            if (width == 0 || height == 0 || width > PngLimits.SpecMaxDimension || height > PngLimits.SpecMaxDimension)
                throw PngErrors.Fail(ImageErrorIds.DimensionsInvalid,
                    $"the PNG header gives {width}x{height} pixels; each side must be 1 to {PngLimits.SpecMaxDimension}", path);

            var header = new PngHeader { Width = (int)width, Height = (int)height, BitDepth = d[8], ColorType = d[9], Interlaced = d[12] == 1 };
            if (!IsAllowed(header.ColorType, header.BitDepth))
                throw PngErrors.Fail(ImageErrorIds.HeaderInvalid,
                    $"colour type {header.ColorType} with bit depth {header.BitDepth} is not a PNG combination (allowed: type 0 with 1/2/4/8/16, type 3 with 1/2/4/8, types 2/4/6 with 8/16)", path);
            if (d[10] != 0 || d[11] != 0 || d[12] > 1)
                throw PngErrors.Fail(ImageErrorIds.HeaderInvalid,
                    $"compression method {d[10]}, filter method {d[11]}, interlace method {d[12]}: only 0, 0 and 0 or 1 exist", path);
            return header;
        }

        private static bool IsAllowed(int colorType, int bitDepth) => colorType switch
        {
            0 => bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8 || bitDepth == 16,
            3 => bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8,
            2 or 4 or 6 => bitDepth == 8 || bitDepth == 16,
            _ => false,
        };
    }
}
