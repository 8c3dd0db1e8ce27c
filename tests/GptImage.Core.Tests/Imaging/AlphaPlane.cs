using GptImage.Imaging;

namespace GptImage.Tests.Imaging
{
    /// <summary>Decodes a whole alpha (or RGBA) plane through the codec seam, for comparing with the oracle.</summary>
    internal static class AlphaPlane
    {
        public static (ImageInfo Info, byte[] Pixels) Read(string path, PixelLayout layout = PixelLayout.Alpha)
        {
            using var stream = File.OpenRead(path);
            byte[]? plane = null;
            int width = 0;
            ImageInfo info = ImageCodecs.Current.ReadPixels(stream, path, layout, (y, row) =>
            {
                if (plane is null)
                {
                    width = row.Length;
                    plane = new byte[0];
                }
                int start = plane.Length;
                Array.Resize(ref plane, start + row.Length);
                Buffer.BlockCopy(row, 0, plane, start, row.Length);
            });
            return (info, plane ?? Array.Empty<byte>());
        }
    }
}
