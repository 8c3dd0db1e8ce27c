using System;

namespace GptImage.Imaging.Png
{
    /// <summary>The five PNG scanline filters (spec section 9.2): applying them when encoding, undoing them when decoding.</summary>
    internal static class RowFilters
    {
        public const byte None = 0, Sub = 1, Up = 2, Average = 3, Paeth = 4;

        /// <summary>
        /// Filters one row with None, Sub, Up and Paeth (Average rarely wins on masks and would cost a pass) into <paramref name="candidates"/> (each stride+1 bytes,
        /// filter byte first) and returns the one with the smallest sum of absolute signed values.
        /// <paramref name="priorOffset"/> is -1 for the first row (the row above counts as zeros).
        /// One tight loop per filter: this runs for every row of every mask written.
        /// </summary>
        public static byte[] ChooseBest(byte[] image, int rowOffset, int priorOffset, int stride, int bytesPerPixel, byte[][] candidates)
        {
            int bpp = bytesPerPixel;
            bool hasPrior = priorOffset >= 0;
            byte[] none = candidates[0], sub = candidates[1], up = candidates[2], paeth = candidates[3];
            none[0] = None; sub[0] = Sub; up[0] = Up; paeth[0] = Paeth;
            long sNone = 0, sSub = 0, sUp = 0, sPaeth = 0;
            for (int i = 0; i < stride; i++)
            {
                int x = image[rowOffset + i];
                int a = i >= bpp ? image[rowOffset + i - bpp] : 0;
                int b = hasPrior ? image[priorOffset + i] : 0;
                int c = hasPrior && i >= bpp ? image[priorOffset + i - bpp] : 0;
                byte vNone = (byte)x, vSub = (byte)(x - a), vUp = (byte)(x - b), vPaeth = (byte)(x - PaethPredictor(a, b, c));
                none[i + 1] = vNone; sub[i + 1] = vSub; up[i + 1] = vUp; paeth[i + 1] = vPaeth;
                sNone += Cost(vNone); sSub += Cost(vSub); sUp += Cost(vUp); sPaeth += Cost(vPaeth);
            }
            byte[] best = none;
            long bestScore = sNone;
            if (sSub < bestScore) { best = sub; bestScore = sSub; }
            if (sUp < bestScore) { best = up; bestScore = sUp; }
            if (sPaeth < bestScore) best = paeth;
            return best;
        }

        /// <summary>|value| read as a signed byte: small differences either way are cheap to compress.</summary>
        private static int Cost(byte v) => v < 128 ? v : 256 - v;

        /// <summary>
        /// Undoes the filter of <paramref name="row"/> in place (filter byte at row[0], pixels from row[1]);
        /// <paramref name="prior"/> is the previous unfiltered row in the same layout (all zeros for the first).
        /// Returns false for a filter type outside 0..4.
        /// </summary>
        public static bool Unfilter(byte[] row, byte[] prior, int length, int bytesPerPixel)
        {
            int bpp = bytesPerPixel;
            int firstPixelEnd = bpp < length ? bpp : length; // the first pixel has no left neighbour (it counts as 0)
            switch (row[0])
            {
                case None:
                    return true;
                case Sub:
                    for (int i = 1 + bpp; i <= length; i++) row[i] = (byte)(row[i] + row[i - bpp]);
                    return true;
                case Up:
                    for (int i = 1; i <= length; i++) row[i] = (byte)(row[i] + prior[i]);
                    return true;
                case Average:
                    for (int i = 1; i <= firstPixelEnd; i++) row[i] = (byte)(row[i] + (prior[i] >> 1));
                    for (int i = firstPixelEnd + 1; i <= length; i++) row[i] = (byte)(row[i] + ((row[i - bpp] + prior[i]) >> 1));
                    return true;
                case Paeth:
                    for (int i = 1; i <= firstPixelEnd; i++) row[i] = (byte)(row[i] + prior[i]); // Paeth(0, b, 0) = b
                    for (int i = firstPixelEnd + 1; i <= length; i++)
                    {
                        int a = row[i - bpp], b = prior[i], c = prior[i - bpp];
                        int pa = b - c, pb = a - c;
                        int pc = pa + pb;
                        if (pa < 0) pa = -pa;
                        if (pb < 0) pb = -pb;
                        if (pc < 0) pc = -pc;
                        row[i] = (byte)(row[i] + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c));
                    }
                    return true;
                default:
                    return false;
            }
        }

        public static int PaethPredictor(int a, int b, int c)
        {
            int p = a + b - c;
            int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
            if (pa <= pb && pa <= pc) return a;
            return pb <= pc ? b : c;
        }
    }
}
