using System;
using System.Collections.ObjectModel;
using System.IO;

namespace GptImage
{
    /// <summary>One input image: a file path, or a stream with the file name to report in the upload.</summary>
    public sealed class ImageInput
    {
        private readonly Func<Stream>? _open;

        private ImageInput(string? path, string fileName, Func<Stream>? open)
        {
            Path = path;
            FileName = fileName;
            _open = open;
        }

        /// <summary>Full path when the input is a file; null for streams.</summary>
        public string? Path { get; }

        /// <summary>The file name sent in the multipart part.</summary>
        public string FileName { get; }

        public static ImageInput FromPath(string path)
        {
            if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("An image path must not be empty.", nameof(path));
            return new ImageInput(path, System.IO.Path.GetFileName(path), null);
        }

        /// <summary>
        /// Wraps a stream. The stream is read once per upload attempt: a seekable stream is rewound each time, a
        /// non-seekable one is copied into memory on first use so that a retry can send it again.
        /// </summary>
        public static ImageInput FromStream(Stream stream, string fileName)
        {
            if (stream is null) throw new ArgumentNullException(nameof(stream));
            if (string.IsNullOrWhiteSpace(fileName)) throw new ArgumentException("A file name is required for a stream input.", nameof(fileName));
            Stream? seekable = stream.CanSeek ? stream : null;
            long start = stream.CanSeek ? stream.Position : 0;
            object gate = new object();
            return new ImageInput(null, fileName, () =>
            {
                lock (gate)
                {
                    if (seekable is null)
                    {
                        var copy = new MemoryStream();
                        stream.CopyTo(copy);
                        seekable = copy;
                        start = 0;
                    }
                    seekable.Position = start;
                    return new NonClosingStream(seekable);
                }
            });
        }

        /// <summary>A fresh read of the input from its start (a file stream, or the caller's stream rewound).</summary>
        internal Stream OpenRead() =>
            Path != null ? new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: false) : _open!();

        /// <summary>The first bytes of the input, enough for <see cref="Imaging.ImageFormatDetector"/>.</summary>
        internal byte[] ReadHeader(int count)
        {
            using Stream source = OpenRead();
            var buffer = new byte[count];
            int read = 0;
            while (read < count)
            {
                int n = source.Read(buffer, read, count - read);
                if (n == 0) break;
                read += n;
            }
            if (read == count) return buffer;
            var shorter = new byte[read];
            Array.Copy(buffer, shorter, read);
            return shorter;
        }

        /// <summary>Length in bytes (file size, or the stream's remaining length).</summary>
        internal long GetLength()
        {
            if (Path != null) return new FileInfo(Path).Length;
            using Stream source = OpenRead();
            return source.Length - source.Position;
        }

        public static implicit operator ImageInput(string path) => FromPath(path);

        /// <summary>Reads the whole input. Images are at most 50 MB, so holding one upload in memory is bounded.</summary>
        public byte[] ReadAllBytes()
        {
            if (Path != null) return File.ReadAllBytes(Path);
            using var source = OpenRead();
            using var buffer = new MemoryStream();
            source.CopyTo(buffer);
            return buffer.ToArray();
        }

        public override string ToString() => Path ?? FileName;

        /// <summary>Keeps a caller's stream open after an upload so that a retry can read it again.</summary>
        private sealed class NonClosingStream : Stream
        {
            private readonly Stream _inner;
            public NonClosingStream(Stream inner) => _inner = inner;
            public override bool CanRead => _inner.CanRead;
            public override bool CanSeek => _inner.CanSeek;
            public override bool CanWrite => false;
            public override long Length => _inner.Length;
            public override long Position { get => _inner.Position; set => _inner.Position = value; }
            public override void Flush() { }
            public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
            public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }

    /// <summary>The input images of an edit. Accepts paths directly: <c>Images = { "a.png", "b.png" }</c>.</summary>
    public sealed class ImageInputCollection : Collection<ImageInput>
    {
        public void Add(string path) => Add(ImageInput.FromPath(path));
        public void Add(Stream stream, string fileName) => Add(ImageInput.FromStream(stream, fileName));
    }
}
