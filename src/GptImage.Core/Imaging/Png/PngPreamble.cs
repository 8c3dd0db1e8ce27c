using System;

namespace GptImage.Imaging.Png
{
    /// <summary>
    /// Everything before the first IDAT chunk: the header, the palette and the transparency (tRNS) data.
    /// Reading it never touches pixel data, so <see cref="ImageInspector"/> uses it too.
    /// </summary>
    internal sealed class PngPreamble
    {
        public PngHeader Header { get; private set; } = null!;

        /// <summary>Palette as RGBA quadruples (alpha from tRNS, 255 where tRNS says nothing); null unless a PLTE chunk came.</summary>
        public byte[]? PaletteRgba { get; private set; }
        public int PaletteEntries { get; private set; }

        /// <summary>Colour types 0 and 2: the one sample value (gray) or R,G,B triple that tRNS makes transparent.</summary>
        public int[]? TransparentColor { get; private set; }

        /// <summary>The first IDAT chunk's header; its body is next in the stream.</summary>
        public ChunkHeader FirstIdat { get; private set; }

        /// <summary>Alpha channel, or tRNS making some pixels transparent.</summary>
        public bool HasAlpha => Header.HasAlphaChannel || TransparentColor != null || HasPaletteTransparency;
        private bool HasPaletteTransparency { get; set; }

        /// <summary>
        /// Reads up to the first IDAT. <paramref name="checkAncillary"/> false (header inspection) seeks past
        /// ancillary chunks instead of reading them and checking their CRCs; decoding checks everything.
        /// </summary>
        public static PngPreamble Read(PngChunkReader reader, bool checkAncillary = true)
        {
            reader.ReadSignature();
            ChunkHeader? first = reader.ReadHeader();
            if (first is null || first.Value.Type != "IHDR")
                throw PngErrors.Fail(first is null ? ImageErrorIds.Truncated : ImageErrorIds.ChunkMissing,
                    first is null ? "the file ends after the signature" : $"the first chunk is {first.Value.Type}, but a PNG must start with IHDR", reader.Path);
            if (first.Value.Length != 13)
                throw PngErrors.Fail(ImageErrorIds.ChunkInvalid, $"IHDR is {first.Value.Length} bytes long instead of 13", reader.Path);
            byte[] ihdr = reader.ReadBody(first.Value, 13);
            var result = new PngPreamble { Header = PngHeader.Parse(ihdr, reader.Path) };

            while (true)
            {
                ChunkHeader chunk = reader.ReadHeader()
                    ?? throw PngErrors.Fail(ImageErrorIds.ChunkMissing, "the file ends before any IDAT (image data) chunk", reader.Path);
                switch (chunk.Type)
                {
                    case "IDAT":
                        if (result.Header.ColorType == 3 && result.PaletteRgba is null)
                            throw PngErrors.Fail(ImageErrorIds.ChunkMissing, "colour type 3 (palette) needs a PLTE chunk before the image data", reader.Path);
                        result.FirstIdat = chunk;
                        return result;
                    case "PLTE":
                        result.ReadPalette(reader, chunk);
                        break;
                    case "tRNS":
                        result.ReadTransparency(reader, chunk);
                        break;
                    case "IHDR":
                        throw PngErrors.Fail(ImageErrorIds.ChunkInvalid, "a second IHDR chunk appears", reader.Path);
                    case "IEND":
                        throw PngErrors.Fail(ImageErrorIds.ChunkMissing, "IEND comes before any IDAT (image data) chunk", reader.Path);
                    default:
                        if (chunk.IsCritical)
                            throw PngErrors.Fail(ImageErrorIds.ChunkInvalid, $"unknown critical chunk {chunk.Type}", reader.Path);
                        if (checkAncillary) reader.SkipBody(chunk);
                        else reader.SkipBodyUnread(chunk);
                        break;
                }
            }
        }

        private void ReadPalette(PngChunkReader reader, ChunkHeader chunk)
        {
            if (PaletteRgba != null) throw PngErrors.Fail(ImageErrorIds.ChunkInvalid, "a second PLTE chunk appears", reader.Path);
            if (Header.ColorType == 0 || Header.ColorType == 4)
                throw PngErrors.Fail(ImageErrorIds.ChunkInvalid, $"a PLTE chunk is not allowed with colour type {Header.ColorType}", reader.Path);
            byte[] body = reader.ReadBody(chunk, 768);
            int entries = body.Length / 3;
            if (body.Length % 3 != 0 || entries == 0 || (Header.ColorType == 3 && entries > (1 << Header.BitDepth)))
                throw PngErrors.Fail(ImageErrorIds.ChunkInvalid, $"PLTE is {body.Length} bytes; it must hold 1 to {Math.Min(256, 1 << Header.BitDepth)} RGB entries", reader.Path);
            var rgba = new byte[256 * 4];
            for (int i = 0; i < entries; i++)
            {
                rgba[i * 4] = body[i * 3];
                rgba[i * 4 + 1] = body[i * 3 + 1];
                rgba[i * 4 + 2] = body[i * 3 + 2];
                rgba[i * 4 + 3] = 255;
            }
            PaletteRgba = rgba;
            PaletteEntries = entries;
        }

        private void ReadTransparency(PngChunkReader reader, ChunkHeader chunk)
        {
            switch (Header.ColorType)
            {
                case 0:
                case 2:
                {
                    int samples = Header.ColorType == 0 ? 1 : 3;
                    byte[] body = reader.ReadBody(chunk, 6);
                    if (body.Length != samples * 2)
                        throw PngErrors.Fail(ImageErrorIds.ChunkInvalid, $"tRNS for colour type {Header.ColorType} must be {samples * 2} bytes, not {body.Length}", reader.Path);
                    var color = new int[samples];
                    for (int i = 0; i < samples; i++) color[i] = (body[i * 2] << 8) | body[i * 2 + 1];
                    TransparentColor = color;
                    break;
                }
                case 3:
                {
                    if (PaletteRgba is null) throw PngErrors.Fail(ImageErrorIds.ChunkInvalid, "tRNS comes before PLTE", reader.Path);
                    byte[] body = reader.ReadBody(chunk, 256);
                    if (body.Length > PaletteEntries)
                        throw PngErrors.Fail(ImageErrorIds.ChunkInvalid, $"tRNS has {body.Length} entries but the palette only {PaletteEntries}", reader.Path);
                    for (int i = 0; i < body.Length; i++) PaletteRgba[i * 4 + 3] = body[i];
                    HasPaletteTransparency = true;
                    break;
                }
                default:
                    throw PngErrors.Fail(ImageErrorIds.ChunkInvalid, $"a tRNS chunk is not allowed with colour type {Header.ColorType}, which has an alpha channel", reader.Path);
            }
        }
    }
}
