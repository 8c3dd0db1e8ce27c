namespace GptImage.Imaging.Png
{
    /// <summary>
    /// Turns one unfiltered scanline of any colour type and bit depth into 8-bit alpha or RGBA. Samples are
    /// scaled to 8 bits by rounding (v*255/max), the rule pngjs uses, so results compare byte for byte.
    /// A tRNS colour match gives alpha 0, everything else 255.
    /// </summary>
    internal sealed class PixelExpander
    {
        private readonly PngPreamble _png;
        private readonly int _bitDepth;
        private readonly int _colorType;
        private readonly int[]? _transparent;
        private readonly string? _path;

        public PixelExpander(PngPreamble png, string? path)
        {
            _png = png;
            _bitDepth = png.Header.BitDepth;
            _colorType = png.Header.ColorType;
            _transparent = png.TransparentColor;
            _path = path;
        }

        /// <summary>Expands <paramref name="pixels"/> pixels of <paramref name="row"/> (filter byte at index 0) into <paramref name="output"/>.</summary>
        public void Expand(byte[] row, int pixels, PixelLayout layout, byte[] output)
        {
            if (layout == PixelLayout.Alpha) ExpandAlpha(row, pixels, output);
            else ExpandRgba(row, pixels, output);
        }

        private void ExpandAlpha(byte[] row, int pixels, byte[] output)
        {
            switch (_colorType)
            {
                case 6 when _bitDepth == 8:
                    for (int i = 0, s = 4; i < pixels; i++, s += 4) output[i] = row[s];
                    break;
                case 6:
                    for (int i = 0, s = 7; i < pixels; i++, s += 8) output[i] = Scale16((row[s] << 8) | row[s + 1]);
                    break;
                case 4 when _bitDepth == 8:
                    for (int i = 0, s = 2; i < pixels; i++, s += 2) output[i] = row[s];
                    break;
                case 4:
                    for (int i = 0, s = 3; i < pixels; i++, s += 4) output[i] = Scale16((row[s] << 8) | row[s + 1]);
                    break;
                case 3:
                    byte[] palette = _png.PaletteRgba!;
                    for (int i = 0; i < pixels; i++) output[i] = palette[PaletteIndex(row, i) * 4 + 3];
                    break;
                default:
                    for (int i = 0; i < pixels; i++) output[i] = ColorKeyAlpha(row, i);
                    break;
            }
        }

        private void ExpandRgba(byte[] row, int pixels, byte[] output)
        {
            for (int i = 0; i < pixels; i++)
            {
                int o = i * 4;
                switch (_colorType)
                {
                    case 0:
                    {
                        byte g = Scale(Sample(row, i));
                        output[o] = g; output[o + 1] = g; output[o + 2] = g; output[o + 3] = ColorKeyAlpha(row, i);
                        break;
                    }
                    case 2:
                        output[o] = Scale(Sample(row, i * 3));
                        output[o + 1] = Scale(Sample(row, i * 3 + 1));
                        output[o + 2] = Scale(Sample(row, i * 3 + 2));
                        output[o + 3] = ColorKeyAlpha(row, i);
                        break;
                    case 3:
                    {
                        int p = PaletteIndex(row, i) * 4;
                        byte[] palette = _png.PaletteRgba!;
                        output[o] = palette[p]; output[o + 1] = palette[p + 1]; output[o + 2] = palette[p + 2]; output[o + 3] = palette[p + 3];
                        break;
                    }
                    case 4:
                    {
                        byte g = Scale(Sample(row, i * 2));
                        output[o] = g; output[o + 1] = g; output[o + 2] = g; output[o + 3] = Scale(Sample(row, i * 2 + 1));
                        break;
                    }
                    default:
                        for (int c = 0; c < 4; c++) output[o + c] = Scale(Sample(row, i * 4 + c));
                        break;
                }
            }
        }

        /// <summary>Colour types 0 and 2: 0 where the pixel equals the tRNS colour (compared at full bit depth), else 255.</summary>
        private byte ColorKeyAlpha(byte[] row, int pixel)
        {
            if (_transparent is null) return 255;
            int samples = _transparent.Length;
            for (int c = 0; c < samples; c++)
                if (Sample(row, pixel * samples + c) != _transparent[c]) return 255;
            return 0;
        }

        private int PaletteIndex(byte[] row, int pixel)
        {
            int index = Sample(row, pixel);
            if (index >= _png.PaletteEntries)
                throw PngErrors.Fail(ImageErrorIds.PaletteIndexInvalid, $"a pixel uses palette index {index} but the palette has {_png.PaletteEntries} entries", _path);
            return index;
        }

        /// <summary>The n-th sample of the row at the image's bit depth (row[0] is the filter byte).</summary>
        private int Sample(byte[] row, int n)
        {
            switch (_bitDepth)
            {
                case 8: return row[1 + n];
                case 16: return (row[1 + n * 2] << 8) | row[2 + n * 2];
                default:
                    int bit = n * _bitDepth;
                    int shift = 8 - _bitDepth - (bit & 7);
                    return (row[1 + (bit >> 3)] >> shift) & ((1 << _bitDepth) - 1);
            }
        }

        private byte Scale(int value) => _bitDepth switch
        {
            8 => (byte)value,
            16 => Scale16(value),
            _ => (byte)(value * 255 / ((1 << _bitDepth) - 1)),
        };

        /// <summary>floor(v*255/65535 + 0.5) in integers.</summary>
        private static byte Scale16(int value) => (byte)((value * 510 + 65535) / 131070);
    }
}
