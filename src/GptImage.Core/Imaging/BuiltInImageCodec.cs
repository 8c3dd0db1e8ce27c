using System.IO;
using GptImage.Imaging.Jpeg;
using GptImage.Imaging.Png;
using GptImage.Imaging.WebP;

namespace GptImage.Imaging
{
    /// <summary>The codec written for this project: PNG/JPEG/WebP headers, PNG pixels (no JPEG or WebP pixel decoding).</summary>
    internal sealed class BuiltInImageCodec : IImageCodec
    {
        public ImageInfo Inspect(Stream stream, string? path)
        {
            string format = ImageSniffer.Sniff(stream, path);
            long size = stream.CanSeek ? stream.Length : 0;
            switch (format)
            {
                case "png":
                    PngPreamble png = PngPreamble.Read(new PngChunkReader(stream, path), checkAncillary: false);
                    return FromPng(png, size);
                case "jpeg":
                    return JpegHeaderReader.Read(stream, path, size);
                default:
                    return WebPHeaderReader.Read(stream, path, size);
            }
        }

        public ImageInfo ReadPixels(Stream stream, string? path, PixelLayout layout, PixelRowHandler onRow)
        {
            string format = ImageSniffer.Sniff(stream, path);
            if (format != "png")
                throw new GptImageImageException(ImageErrorIds.DecodeNotSupported,
                    $"{ImageErrors.Describe(path)} is a {format.ToUpperInvariant()} image; only PNG pixels can be decoded here (JPEG and WebP are checked by their headers only). Convert it to PNG first.", path);
            PngPreamble png = PngDecoder.Decode(stream, path, layout, onRow);
            return FromPng(png, stream.CanSeek ? stream.Length : 0);
        }

        private static ImageInfo FromPng(PngPreamble png, long size) => new ImageInfo
        {
            Format = "png",
            Width = png.Header.Width,
            Height = png.Header.Height,
            HasAlpha = png.HasAlpha,
            BitDepth = png.Header.BitDepth,
            PngColorType = png.Header.ColorType,
            Interlaced = png.Header.Interlaced,
            FileBytes = size,
        };
    }
}
