namespace GptImage.Tests.Imaging
{
    public class ImageInspectorTests
    {
        [Theory]
        [InlineData("gif-renamed.png", "GIF")]
        [InlineData("bmp-renamed.png", "BMP")]
        [InlineData("text-renamed.png", "text file")]
        [InlineData("empty.png", "empty")]
        public void ForeignFilesAreNamedInTheError(string file, string named)
        {
            string path = OracleCorpus.MalformedPath(file);
            var e = Assert.Throws<GptImageImageException>(() => ImageInspector.Inspect(path));
            Assert.Equal(ImageErrorIds.UnsupportedFormat, e.ErrorId);
            Assert.Contains(named, e.Message);
            Assert.Contains("only PNG, JPEG and WebP", e.Message);
            Assert.Contains(path, e.Message);
        }

        [Fact]
        public void MissingFileIsFileUnreadable()
        {
            string path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".png");
            var e = Assert.Throws<GptImageImageException>(() => ImageInspector.Inspect(path));
            Assert.Equal(ImageErrorIds.FileUnreadable, e.ErrorId);
            Assert.Contains(path, e.Message);
        }

        [Fact]
        public void OnlyTheHeaderIsRead()
        {
            // A valid header followed by an IDAT chunk that claims 2 GB the file does not have: decoding fails,
            // inspecting does not look that far.
            byte[] good = File.ReadAllBytes(OracleCorpus.ValidPath("pngjs-mask-rect-64x48.png"));
            var bytes = new byte[33 + 8 + 100];
            Array.Copy(good, bytes, 33);
            bytes[33] = 0x7F; bytes[34] = 0xFF; bytes[35] = 0xFF; bytes[36] = 0xFF;
            "IDAT"u8.ToArray().CopyTo(bytes, 37);

            ImageInfo info = ImageInspector.Inspect(bytes);
            Assert.Equal(64, info.Width);
            Assert.Equal(48, info.Height);
            Assert.True(info.HasAlpha);
            Assert.Equal(bytes.Length, info.FileBytes);
        }

        [Fact]
        public void HugeButLegalHeaderInspectsWhileDecodingRefusesIt()
        {
            ImageInfo info = ImageInspector.Inspect(OracleCorpus.MalformedPath("absurd-dimensions.png"));
            Assert.Equal((100000, 100000), (info.Width, info.Height));
            var e = Assert.Throws<GptImageImageException>(() => ImageInspector.Inspect(OracleCorpus.MalformedPath("huge-width.png")));
            Assert.Equal(ImageErrorIds.DimensionsInvalid, e.ErrorId); // 2^31 is beyond the PNG spec itself
        }

        [Fact]
        public void LargeAncillaryChunksBeforeTheImageDataAreSeekedOverNotRead()
        {
            using var files = new MaskFiles();
            // A 3 MB ancillary chunk (like an embedded ICC profile) between IHDR and IDAT, with a wrong CRC:
            // inspecting skips it unread; decoding reads it and notices.
            byte[] good = File.ReadAllBytes(OracleCorpus.ValidPath("pngjs-mask-rect-64x48.png"));
            const int size = 3 << 20;
            using (var output = File.Create(Path.Combine(files.Folder, "icc.png")))
            {
                output.Write(good, 0, 33);
                output.Write(new byte[] { size >> 24, (size >> 16) & 0xFF, (size >> 8) & 0xFF, size & 0xFF });
                output.Write("iCCP"u8);
                output.Write(new byte[size + 4]);
                output.Write(good, 33, good.Length - 33);
            }
            string path = Path.Combine(files.Folder, "icc.png");
            var counting = new CountingStream(File.OpenRead(path));
            ImageInfo info = GptImage.Imaging.ImageCodecs.Current.Inspect(counting, path);
            Assert.Equal((64, 48), (info.Width, info.Height));
            Assert.True(counting.BytesRead < 4096, $"inspect read {counting.BytesRead} bytes");
            Assert.Equal(ImageErrorIds.CrcMismatch, Assert.Throws<GptImageImageException>(() => AlphaPlane.Read(path)).ErrorId);
        }

        private sealed class CountingStream : Stream
        {
            private readonly Stream _inner;
            public CountingStream(Stream inner) => _inner = inner;
            public long BytesRead { get; private set; }
            public override int Read(byte[] buffer, int offset, int count) { int n = _inner.Read(buffer, offset, count); BytesRead += n; return n; }
            public override bool CanRead => true;
            public override bool CanSeek => true;
            public override bool CanWrite => false;
            public override long Length => _inner.Length;
            public override long Position { get => _inner.Position; set => _inner.Position = value; }
            public override void Flush() { }
            public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
            protected override void Dispose(bool disposing) { if (disposing) _inner.Dispose(); base.Dispose(disposing); }
        }

        [Fact]
        public void InspectFromBytesMatchesInspectFromFile()
        {
            string path = OracleCorpus.OtherPath("extended-alpha.webp");
            ImageInfo fromFile = ImageInspector.Inspect(path);
            ImageInfo fromBytes = ImageInspector.Inspect(File.ReadAllBytes(path));
            Assert.Equal((fromFile.Format, fromFile.Width, fromFile.Height, fromFile.HasAlpha), (fromBytes.Format, fromBytes.Width, fromBytes.Height, fromBytes.HasAlpha));
        }

        [Fact]
        public void JpegApplicationSegmentsFullOfSofBytesAreSkipped()
        {
            // baseline.jpg carries an APP1 segment of 0xC0 bytes before its real SOF0.
            ImageInfo info = ImageInspector.Inspect(OracleCorpus.OtherPath("baseline.jpg"));
            Assert.Equal((640, 480, false), (info.Width, info.Height, info.Progressive));
        }

        [Fact]
        public void ErrorsCarryNoUnexpectedExceptionTypes()
        {
            // Every malformed PNG gives our exception from Inspect too, or a successful header read.
            foreach (var entry in OracleCorpus.Malformed)
            {
                string path = OracleCorpus.MalformedPath(entry.GetProperty("file").GetString()!);
                try { ImageInspector.Inspect(path); }
                catch (GptImageImageException) { }
            }
        }
    }
}
