using System.Collections.Generic;
using System.IO;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace GptImage.Imaging.Pixels
{
    /// <summary>The <see cref="IPixelEngine"/> over ImageSharp, with its safe configuration.</summary>
    internal sealed class ImageSharpPixelEngine : IPixelEngine
    {
        /// <summary>JPEG quality of a re-encoded upload: high, because the model sees every artefact.</summary>
        private const int UploadQuality = 95;

        public (string Format, int Width, int Height) Identify(Stream stream, string? path) => SafeImageReader.Identify(stream, path);

        public byte[] Resize(Stream stream, string? path, int width, int height, string outputFormat, int? quality, double? dpi)
        {
            using Image<Rgba32> image = SafeImageReader.Load(stream, path, out _);
            image.Mutate(c => c.Resize(width, height, KnownResamplers.Lanczos3));
            return ImageEncoding.Encode(image, outputFormat, quality, dpi);
        }

        public ushort Orientation(byte[] bytes, string format) => ExifOrientation.Read(bytes, format);

        public byte[] Reencode(byte[] bytes, string? path, ushort orientation, int? width, int? height, bool nearest)
        {
            using Image<Rgba32> image = SafeImageReader.Load(bytes, path, out string format);
            ExifOrientation.Apply(image, orientation);
            if (width is int w && height is int h && (w != image.Width || h != image.Height))
                image.Mutate(c => c.Resize(w, h, nearest ? KnownResamplers.NearestNeighbor : KnownResamplers.Lanczos3));
            return ImageEncoding.Encode(image, format, UploadQuality);
        }

        public byte[][] Render(byte[] bytes, string? path, IReadOnlyList<RenditionSpec> specs)
        {
            using Image<Rgba32> image = SafeImageReader.Load(bytes, path, out _);
            var files = new byte[specs.Count][];
            for (int i = 0; i < specs.Count; i++)
            {
                RenditionSpec spec = specs[i];
                if (spec.Width == image.Width && spec.Height == image.Height)
                {
                    files[i] = ImageEncoding.Encode(image, spec.Format, spec.Quality);
                    continue;
                }
                // A smaller copy, so the full-size pixels stay for the specs after it.
                using Image<Rgba32> resized = image.Clone(c => c.Resize(spec.Width, spec.Height, KnownResamplers.Lanczos3));
                files[i] = ImageEncoding.Encode(resized, spec.Format, spec.Quality);
            }
            return files;
        }

        public byte[] Compose(Stream stream, string? path, int canvasWidth, int canvasHeight, int x, int y, int width, int height)
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            byte[] bytes = buffer.ToArray();
            using Image<Rgba32> image = SafeImageReader.Load(bytes, path, out string format);
            ExifOrientation.Apply(image, ExifOrientation.Read(bytes, format));
            if (width != image.Width || height != image.Height)
                image.Mutate(c => c.Resize(width, height, KnownResamplers.Lanczos3));
            using var canvas = new Image<Rgba32>(SafeImageConfiguration.Instance, canvasWidth, canvasHeight, new Rgba32(0, 0, 0, 0));
            canvas.Mutate(c => c.DrawImage(image, new Point(x, y), 1f));
            return ImageEncoding.Encode(canvas, "png");
        }
    }
}
