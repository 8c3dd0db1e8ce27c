namespace GptImage.Imaging
{
    /// <summary>Names the formats people most often hand over by mistake, so the error says what the file really is.</summary>
    internal static class ForeignFormat
    {
        public static string Name(byte[] h, int n)
        {
            if (StartsWith(h, n, "GIF87a") || StartsWith(h, n, "GIF89a")) return "a GIF image";
            if (StartsWith(h, n, "BM")) return "a BMP image";
            if (n >= 4 && ((h[0] == 'I' && h[1] == 'I' && h[2] == 42 && h[3] == 0) || (h[0] == 'M' && h[1] == 'M' && h[2] == 0 && h[3] == 42))) return "a TIFF image";
            if (n >= 12 && StartsWithAt(h, 4, "ftyp")) return "an HEIF/AVIF image";
            if (StartsWith(h, n, "%PDF")) return "a PDF document";
            if (StartsWith(h, n, "<svg") || StartsWith(h, n, "<?xml")) return "an XML/SVG file";
            if (n >= 2 && h[0] == 0x89 && h[1] == (byte)'P') return "a damaged PNG (its signature is wrong)";
            if (IsText(h, n)) return "a text file";
            return "not an image format this module knows";
        }

        private static bool StartsWith(byte[] h, int n, string text) => n >= text.Length && StartsWithAt(h, 0, text);

        private static bool StartsWithAt(byte[] h, int at, string text)
        {
            for (int i = 0; i < text.Length; i++)
                if (h[at + i] != text[i]) return false;
            return true;
        }

        private static bool IsText(byte[] h, int n)
        {
            for (int i = 0; i < n; i++)
            {
                byte b = h[i];
                if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B)) return false;
            }
            return true;
        }
    }
}
