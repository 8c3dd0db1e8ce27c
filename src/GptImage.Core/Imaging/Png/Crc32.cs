namespace GptImage.Imaging.Png
{
    /// <summary>
    /// The CRC-32 (ISO 3309, polynomial 0xEDB88320) PNG puts after every chunk. Slicing-by-8 (eight
    /// 256-entry tables, eight bytes per step): the mask check runs it over every byte of the file.
    /// </summary>
    internal static class Crc32
    {
        private static readonly uint[] Tables = BuildTables();

        public const uint Initial = 0xFFFFFFFFu;

        /// <summary>Continues a running CRC (start from <see cref="Initial"/>, finish with <see cref="Finish"/>).</summary>
        public static uint Update(uint crc, byte[] data, int offset, int count)
        {
            uint[] t = Tables;
            int i = offset, end = offset + count;
            for (; i + 8 <= end; i += 8)
            {
                uint one = crc ^ (uint)(data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24));
                uint two = (uint)(data[i + 4] | (data[i + 5] << 8) | (data[i + 6] << 16) | (data[i + 7] << 24));
                crc = t[7 * 256 + (one & 0xFF)] ^ t[6 * 256 + ((one >> 8) & 0xFF)] ^ t[5 * 256 + ((one >> 16) & 0xFF)] ^ t[4 * 256 + (one >> 24)]
                    ^ t[3 * 256 + (two & 0xFF)] ^ t[2 * 256 + ((two >> 8) & 0xFF)] ^ t[256 + ((two >> 16) & 0xFF)] ^ t[two >> 24];
            }
            for (; i < end; i++)
                crc = t[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
            return crc;
        }

        public static uint Finish(uint crc) => crc ^ 0xFFFFFFFFu;

        public static uint Compute(byte[] data, int offset, int count) => Finish(Update(Initial, data, offset, count));

        /// <summary>Table k gives the CRC contribution of a byte followed by k zero bytes.</summary>
        private static uint[] BuildTables()
        {
            var t = new uint[8 * 256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++)
                    c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
                t[n] = c;
            }
            for (int k = 1; k < 8; k++)
                for (int n = 0; n < 256; n++)
                {
                    uint previous = t[(k - 1) * 256 + n];
                    t[k * 256 + n] = (previous >> 8) ^ t[previous & 0xFF];
                }
            return t;
        }
    }
}
