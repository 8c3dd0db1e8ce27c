using System;
using System.IO;

namespace GptImage.Imaging.Png
{
    /// <summary>
    /// The bodies of consecutive IDAT chunks as one read-only stream (the zlib stream), checking each chunk's
    /// CRC as its end passes. Remembers the last four bytes it gave out: after the whole IDAT run they are
    /// the zlib Adler-32 trailer, which DeflateStream swallows without checking.
    /// </summary>
    internal sealed class IdatStream : Stream
    {
        private readonly PngChunkReader _reader;
        private int _leftInChunk;
        private uint _crc;
        private string _type = "IDAT";
        private readonly byte[] _lastFour = new byte[4];
        private long _delivered;
        private bool _ended;

        public IdatStream(PngChunkReader reader, ChunkHeader firstIdat)
        {
            _reader = reader;
            _leftInChunk = firstIdat.Length;
            _crc = firstIdat.CrcSoFar;
        }

        /// <summary>The chunk after the IDAT run, once the run has ended (null at end of file).</summary>
        public ChunkHeader? NextChunk { get; private set; }

        /// <summary>The final four bytes of the IDAT run, big-endian; valid once the run has ended (<see cref="DrainToEnd"/>).</summary>
        public uint LastFourBytes => _delivered < 4 ? 0xFFFFFFFFu : StreamReading.ReadUInt32BigEndian(Ordered(), 0);

        public override int Read(byte[] buffer, int offset, int count)
        {
            while (_leftInChunk == 0)
            {
                if (_ended) return 0;
                _reader.CheckCrc(_type, _crc);
                ChunkHeader? next = _reader.ReadHeader();
                if (next is null || next.Value.Type != "IDAT")
                {
                    NextChunk = next;
                    _ended = true;
                    return 0;
                }
                _leftInChunk = next.Value.Length;
                _crc = next.Value.CrcSoFar;
            }
            int n = _reader.Stream.Read(buffer, offset, Math.Min(count, _leftInChunk));
            if (n <= 0) throw PngErrors.Fail(ImageErrorIds.Truncated, "the file ends inside an IDAT (image data) chunk", _reader.Path);
            _crc = Crc32.Update(_crc, buffer, offset, n);
            _leftInChunk -= n;
            Remember(buffer, offset, n);
            return n;
        }

        /// <summary>Reads and checks what is left of the IDAT run, so its CRCs and Adler-32 trailer can be verified.</summary>
        public void DrainToEnd()
        {
            var scratch = new byte[8192];
            while (Read(scratch, 0, scratch.Length) > 0) { }
        }

        private void Remember(byte[] buffer, int offset, int n)
        {
            for (int i = Math.Max(0, n - 4); i < n; i++)
                _lastFour[(int)((_delivered + i) & 3)] = buffer[offset + i];
            _delivered += n;
        }

        private byte[] Ordered()
        {
            var ordered = new byte[4];
            for (int i = 0; i < 4; i++) ordered[i] = _lastFour[(int)((_delivered - 4 + i) & 3)];
            return ordered;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _delivered; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
