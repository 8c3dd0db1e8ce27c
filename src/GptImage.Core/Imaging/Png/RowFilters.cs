using System;

namespace GptImage.Imaging.Png
{
    /// <summary>The five PNG scanline filters (spec section 9.2): applying them when encoding, undoing them when decoding.</summary>
    internal static class RowFilters
    {
        public const byte None = 0, Sub = 1, Up = 2, Average = 3, Paeth = 4;

        // Average is left out when encoding: it rarely wins on masks and costs a pass.
        private static readonly byte[] EncoderCandidates = { None, Sub, Up, Paeth };

        /// <summary>
        /// Filters one row with None, Sub, Up and Paeth into <paramref name="candidates"/> (each stride+1 bytes,
        /// filter byte first) and returns the one with the smallest sum of absolute signed values.
        /// <paramref name="priorOffset"/> is -1 for the first row (the row above counts as zeros).
        /// </summary>
        public static byte[] ChooseBest(byte[] image, int rowOffset, int priorOffset, int stride, int bytesPerPixel, byte[][] candidates)
        {
            byte[] best = candidates[0];
            long bestScore = long.MaxValue;
            for (int k = 0; k < EncoderCandidates.Length; k++)
            {
                byte[] dst = candidates[k];
                dst[0] = EncoderCandidates[k];
                long score = 0;
                for (int i = 0; i < stride; i++)
                {
                    int x = image[rowOffset + i];
                    int a = i >= bytesPerPixel ? image[rowOffset + i - bytesPerPixel] : 0;
                    int b = priorOffset >= 0 ? image[priorOffset + i] : 0;
                    int c = priorOffset >= 0 && i >= bytesPerPixel ? image[priorOffset + i - bytesPerPixel] : 0;
                    int predicted = EncoderCandidates[k] switch
                    {
                        Sub => a,
                        Up => b,
                        Paeth => PaethPredictor(a, b, c),
                        _ => 0,
                    };
                    byte v = (byte)(x - predicted);
                    dst[i + 1] = v;
                    score += v < 128 ? v : 256 - v;
                }
                if (score < bestScore) { bestScore = score; best = dst; }
            }
            return best;
        }

        /// <summary>
        /// Undoes the filter of <paramref name="row"/> in place (filter byte at row[0], pixels from row[1]);
        /// <paramref name="prior"/> is the previous unfiltered row in the same layout (all zeros for the first).
        /// Returns false for a filter type outside 0..4.
        /// </summary>
        public static bool Unfilter(byte[] row, byte[] prior, int length, int bytesPerPixel)
        {
            int bpp = bytesPerPixel;
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
                    for (int i = 1; i <= length; i++)
                    {
                        int left = i > bpp ? row[i - bpp] : 0;
                        row[i] = (byte)(row[i] + ((left + prior[i]) >> 1));
                    }
                    return true;
                case Paeth:
                    for (int i = 1; i <= length; i++)
                    {
                        int left = i > bpp ? row[i - bpp] : 0;
                        int upLeft = i > bpp ? prior[i - bpp] : 0;
                        row[i] = (byte)(row[i] + PaethPredictor(left, prior[i], upLeft));
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
