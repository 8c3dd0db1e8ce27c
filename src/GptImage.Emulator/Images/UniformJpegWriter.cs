using System.IO;

namespace GptImage.Emulator.Images
{
    /// <summary>
    /// A valid baseline JPEG of any size in flat grey. Every 8x8 block is "DC unchanged, end of block", and
    /// with one-symbol Huffman tables that costs two zero bits per block: a 3840x2160 file stays ~32 KB and
    /// needs no real encoder, yet its SOF0 header carries the requested width and height.
    /// </summary>
    internal static class UniformJpegWriter
    {
        public static byte[] Write(int width, int height)
        {
            var s = new MemoryStream();
            s.Write(new byte[] { 0xFF, 0xD8 });                                   // SOI
            s.Write(new byte[] { 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00 }); // APP0 JFIF
            s.Write(new byte[] { 0xFF, 0xDB, 0x00, 0x43, 0x00 });                  // DQT, table 0
            for (int i = 0; i < 64; i++) s.WriteByte(1);
            s.Write(new byte[] { 0xFF, 0xC0, 0x00, 0x0B, 0x08,                    // SOF0, 8-bit
                (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width,
                0x01, 0x01, 0x11, 0x00 });                                         // one component, 1x1 sampling, table 0
            WriteOneSymbolTable(s, 0x00);                                          // DC table 0: category 0 only
            WriteOneSymbolTable(s, 0x10);                                          // AC table 0: end-of-block only
            s.Write(new byte[] { 0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00 }); // SOS

            long blocks = (long)((width + 7) / 8) * ((height + 7) / 8);
            long bits = blocks * 2;                                                // two zero bits per block
            long fullBytes = bits / 8;
            s.Write(new byte[fullBytes]);
            int rest = (int)(bits % 8);
            if (rest != 0) s.WriteByte((byte)(0xFF >> rest));                      // pad the last byte with 1 bits
            s.Write(new byte[] { 0xFF, 0xD9 });                                   // EOI
            return s.ToArray();
        }

        private static void WriteOneSymbolTable(Stream s, byte classAndId)
        {
            s.Write(new byte[] { 0xFF, 0xC4, 0x00, 0x14, classAndId });
            var counts = new byte[16];
            counts[0] = 1;                                                         // one code of length 1 ("0")
            s.Write(counts);
            s.WriteByte(0x00);                                                     // the symbol
        }
    }
}
