using System.IO;

namespace GptImage.Imaging.Png
{
    /// <summary>
    /// Pulls filtered scanlines out of the inflating stream, undoes their filters and keeps the Adler-32 of
    /// everything inflated. Turns the inflater's failures into stable error ids.
    /// </summary>
    internal sealed class InflatedScanlines
    {
        private readonly string? _path;
        private Adler32 _adler;

        public InflatedScanlines(string? path)
        {
            _path = path;
        }

        public Stream Source { get; set; } = Stream.Null;

        public uint Adler => _adler.Value;

        /// <summary>Reads filter byte plus <paramref name="rowBytes"/> bytes into <paramref name="row"/> and unfilters it against <paramref name="prior"/>.</summary>
        public void ReadRow(byte[] row, int rowBytes, byte[] prior, int filterStep, int y)
        {
            int got = Read(row, rowBytes + 1);
            if (got < rowBytes + 1)
                throw PngErrors.Fail(ImageErrorIds.Truncated, $"the image data stops in row {y} (the IDAT data was cut short)", _path);
            _adler.Update(row, 0, got);
            if (!RowFilters.Unfilter(row, prior, rowBytes, filterStep))
                throw PngErrors.Fail(ImageErrorIds.FilterInvalid, $"row {y} has filter type {row[0]}; only 0 to 4 exist", _path);
        }

        /// <summary>
        /// The header's size fixes how many bytes inflate; a stream that yields more is a decompression bomb
        /// or corrupt, and is refused after one extra byte (never inflated further).
        /// </summary>
        public void RequireEnd()
        {
            var probe = new byte[1];
            if (Read(probe, 1) > 0)
                throw PngErrors.Fail(ImageErrorIds.TooMuchData, "the image data inflates to more bytes than its width and height allow (a decompression bomb or a damaged file)", _path);
        }

        private int Read(byte[] buffer, int count)
        {
            try
            {
                return StreamReading.ReadUpTo(Source, buffer, 0, count);
            }
            catch (InvalidDataException e)
            {
                throw new GptImageImageException(ImageErrorIds.ZlibInvalid,
                    $"{ImageErrors.Describe(_path)} is not a readable PNG: its compressed image data is damaged ({e.Message}).", _path, e);
            }
        }
    }
}
