using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace GptImage.Imaging.Pixels
{
    /// <summary>
    /// Pixel work (decode, resize, re-encode) lives in GptImage.Imaging.dll over SixLabors.ImageSharp, apart from
    /// this assembly so that PowerShell 7 can load it and ImageSharp into the module's own load context. The mask
    /// scan does not come through here: it stays on the streaming PNG decoder, which checks a 4096x4096 mask in
    /// bounded memory.
    /// </summary>
    internal interface IPixelEngine
    {
        /// <summary>Format and size from the header, refused over <see cref="PixelLimits"/>; throws <see cref="GptImageImageException"/>.</summary>
        (string Format, int Width, int Height) Identify(Stream stream, string? path);

        /// <summary>Decodes, resizes to exactly <paramref name="width"/>x<paramref name="height"/> (Lanczos-3) and encodes without metadata.</summary>
        byte[] Resize(Stream stream, string? path, int width, int height, string outputFormat, int? quality, double? dpi);

        /// <summary>The EXIF orientation of a JPEG (1 to 8; 1 = upright, also for other formats and unreadable EXIF).</summary>
        ushort Orientation(byte[] bytes, string format);

        /// <summary>
        /// Decodes, turns upright by <paramref name="orientation"/>, resizes to <paramref name="width"/>x<paramref name="height"/>
        /// (the upright size; null keeps it) and encodes in the same format without metadata. <paramref name="nearest"/>
        /// resizes masks without blending alpha across the edit boundary.
        /// </summary>
        byte[] Reencode(byte[] bytes, string? path, ushort orientation, int? width, int? height, bool nearest);

        /// <summary>
        /// A transparent RGBA PNG canvas of <paramref name="canvasWidth"/>x<paramref name="canvasHeight"/> with the image,
        /// turned upright and resized to <paramref name="width"/>x<paramref name="height"/>, drawn at (<paramref name="x"/>, <paramref name="y"/>).
        /// </summary>
        byte[] Compose(Stream stream, string? path, int canvasWidth, int canvasHeight, int x, int y, int width, int height);

        /// <summary>
        /// Decodes the image once and encodes one file per spec, in order, resized (Lanczos-3) where the spec is smaller
        /// than the image, without metadata: a re-encoded master and its thumbnail from a single decode.
        /// </summary>
        byte[][] Render(byte[] bytes, string? path, IReadOnlyList<RenditionSpec> specs);
    }

    /// <summary>Finds the engine by name, so this assembly never references ImageSharp.</summary>
    internal static class PixelEngine
    {
        private const string EngineType = "GptImage.Imaging.Pixels.ImageSharpPixelEngine, GptImage.Imaging";
        private static readonly Lazy<IPixelEngine> Engine = new Lazy<IPixelEngine>(Load);

        public static IPixelEngine Current => Engine.Value;

        private static IPixelEngine Load()
        {
            Type type = Type.GetType(EngineType, throwOnError: true)!;
            return (IPixelEngine)Activator.CreateInstance(type, nonPublic: true)!;
        }
    }
}
