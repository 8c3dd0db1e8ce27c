using System.IO;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace GptImage.Imaging.Pixels
{
    /// <summary>The <see cref="IPixelEngine"/> over ImageSharp, with its safe configuration.</summary>
    internal sealed class ImageSharpPixelEngine : IPixelEngine
    {
        public (string Format, int Width, int Height) Identify(Stream stream, string? path) => SafeImageReader.Identify(stream, path);

        public byte[] Resize(Stream stream, string? path, int width, int height, string outputFormat, int? quality, double? dpi)
        {
            using Image<Rgba32> image = SafeImageReader.Load(stream, path, out _);
            image.Mutate(c => c.Resize(width, height, KnownResamplers.Lanczos3));
            return ImageEncoding.Encode(image, outputFormat, quality, dpi);
        }
    }
}
