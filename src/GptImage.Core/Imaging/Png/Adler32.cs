namespace GptImage.Imaging.Png
{
    /// <summary>The Adler-32 checksum that ends a zlib stream (RFC 1950); DeflateStream writes raw deflate only.</summary>
    internal struct Adler32
    {
        private const uint Modulus = 65521;

        // The largest n such that 255n(n+1)/2 + (n+1)(Modulus-1) fits in 32 bits: sums may wait that long before the modulo.
        private const int MaxRunBeforeModulo = 5552;

        private uint _a;
        private uint _b;
        private bool _started;

        public uint Value => _started ? (_b << 16) | _a : 1u;

        public void Update(byte[] data, int offset, int count)
        {
            if (!_started) { _a = 1; _b = 0; _started = true; }
            uint a = _a, b = _b;
            while (count > 0)
            {
                int run = count < MaxRunBeforeModulo ? count : MaxRunBeforeModulo;
                count -= run;
                int end = offset + run;
                int i = offset;
                for (; i + 8 <= end; i += 8) // unrolled: this runs over every inflated byte
                {
                    a += data[i]; b += a;
                    a += data[i + 1]; b += a;
                    a += data[i + 2]; b += a;
                    a += data[i + 3]; b += a;
                    a += data[i + 4]; b += a;
                    a += data[i + 5]; b += a;
                    a += data[i + 6]; b += a;
                    a += data[i + 7]; b += a;
                }
                for (; i < end; i++)
                {
                    a += data[i];
                    b += a;
                }
                offset = end;
                a %= Modulus;
                b %= Modulus;
            }
            _a = a;
            _b = b;
        }
    }
}
