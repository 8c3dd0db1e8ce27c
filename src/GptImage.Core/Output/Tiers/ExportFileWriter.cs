using System;
using System.Collections.Generic;
using System.IO;
using GptImage.Imaging.Pixels;

namespace GptImage.Orchestration
{
    /// <summary>
    /// Writes the files of one <see cref="ExportPlan"/>: the master (the image's own bytes, or encoded anew for its tier)
    /// and the thumbnail, from one decode. Every file is checked against existing ones and this run's other rows before
    /// the first is written, so a refused thumbnail leaves no new master behind; each write is atomic.
    /// </summary>
    internal static class ExportFileWriter
    {
        /// <summary>
        /// Writes and updates <paramref name="result"/>: Path, Format, Compression, Sha256, Width and Height describe the
        /// master written; Tier, ThumbnailPath, Master and Thumbnail are set; Bytes is released. Throws GptImageBatchException
        /// (GptImage.FileExists, GptImage.DuplicateFileName, GptImage.WriteFailed) or GptImageImageException (bytes that
        /// cannot be decoded); the result is unchanged then.
        /// </summary>
        public static void Write(GptImageResult result, ExportPlan plan, bool force, PathClaims claims)
        {
            byte[] source = result.Bytes ?? throw new InvalidOperationException("The result holds no image bytes to write.");
            bool pixelWork = plan.Reencode || plan.ThumbnailPath != null;
            (int width, int height)? size = pixelWork ? Identify(source) : TryInspect(source);

            var specs = new List<RenditionSpec>();
            if (plan.Reencode) specs.Add(new RenditionSpec(plan.Format, plan.Quality, size!.Value.width, size.Value.height));
            (int Width, int Height) thumbnailSize = default;
            if (plan.ThumbnailPath != null)
            {
                thumbnailSize = ExportPlanner.ThumbnailSize(size!.Value.width, size.Value.height, plan.ThumbnailWidth!.Value);
                specs.Add(new RenditionSpec(plan.ThumbnailFormat!, plan.ThumbnailQuality, thumbnailSize.Width, thumbnailSize.Height));
            }
            byte[][] made = specs.Count == 0 ? Array.Empty<byte[]>() : PixelEngine.Current.Render(source, null, specs);

            var master = new Pending(plan.Path, plan.Reencode ? made[0] : source, plan.Format, size?.width ?? 0, size?.height ?? 0);
            var files = new List<Pending> { master };
            if (plan.ThumbnailPath != null)
                files.Add(new Pending(plan.ThumbnailPath, made[made.Length - 1], plan.ThumbnailFormat!, thumbnailSize.Width, thumbnailSize.Height));

            foreach (Pending file in files)
            {
                claims.Take(file.Path, file.Sha256, result.RowNumber, result.Index);
                AtomicFile.ThrowIfOccupied(file.Path, file.Bytes, force);
            }
            foreach (Pending file in files) WriteOne(file, force);

            result.Path = master.Path;
            result.Format = plan.Format;
            if (plan.Reencode) result.Compression = plan.Quality;
            result.Sha256 = master.Sha256;
            result.Width = size?.width;
            result.Height = size?.height;
            result.Tier = plan.Tier;
            result.Master = master.Written(size.HasValue);
            result.Thumbnail = files.Count > 1 ? files[1].Written(true) : null;
            result.ThumbnailPath = result.Thumbnail?.Path;
            result.Bytes = null;
        }

        private static void WriteOne(Pending file, bool force)
        {
            try
            {
                AtomicFile.Write(file.Path, file.Bytes, force);
            }
            catch (Exception e) when (WriteFailure.IsWriteError(e))
            {
                throw WriteFailure.For(file.Path, e);
            }
        }

        /// <summary>The size from the header, by the pixel engine that will decode it (so its pixel cap applies first).</summary>
        private static (int, int) Identify(byte[] bytes)
        {
            using var stream = new MemoryStream(bytes, writable: false);
            (_, int width, int height) = PixelEngine.Current.Identify(stream, null);
            return (width, height);
        }

        /// <summary>The size for the ledger of an image written as it came: unknown (not an error) when the header cannot be read.</summary>
        private static (int, int)? TryInspect(byte[] bytes)
        {
            try
            {
                ImageInfo info = ImageInspector.Inspect(bytes);
                return (info.Width, info.Height);
            }
            catch (GptImageImageException)
            {
                return null;
            }
        }

        private sealed class Pending
        {
            public Pending(string path, byte[] bytes, string format, int width, int height)
            {
                Path = path;
                Bytes = bytes;
                Format = format;
                Width = width;
                Height = height;
                Sha256 = AtomicFile.Sha256Hex(bytes);
            }

            public string Path { get; }
            public byte[] Bytes { get; }
            public string Format { get; }
            public int Width { get; }
            public int Height { get; }
            public string Sha256 { get; }

            public ExportedFile Written(bool sized) => new ExportedFile
            {
                Path = Path, Format = Format, Width = sized ? Width : 0, Height = sized ? Height : 0, FileBytes = Bytes.LongLength, Sha256 = Sha256,
            };
        }
    }
}
