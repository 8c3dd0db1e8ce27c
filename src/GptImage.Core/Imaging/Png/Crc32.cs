namespace GptImage.Imaging.Png
{
    /// <summary>The CRC-32 (ISO 3309, polynomial 0xEDB88320) PNG puts after every chunk.</summary>
    internal static class Crc32
    {
        private static readonly uint[] Table = BuildTable();

        public const uint Initial = 0xFFFFFFFFu;

        /// <summary>Continues a running CRC (start from <see cref="Initial"/>, finish with <see cref="Finish"/>).</summary>
        public static uint Update(uint crc, byte[] data, int offset, int count)
        {
            uint[] table = Table;
            int end = offset + count;
            for (int i = offset; i < end; i++)
                crc = table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
            return crc;
        }

        public static uint Finish(uint crc) => crc ^ 0xFFFFFFFFu;

        public static uint Compute(byte[] data, int offset, int count) => Finish(Update(Initial, data, offset, count));

        private static uint[] BuildTable()
        {
            var table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++)
                    c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
                table[n] = c;
            }
            return table;
        }
    }
}
