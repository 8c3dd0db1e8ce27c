using System;
using System.IO;
using System.Text;

namespace GptImage.Imaging.Png
{
    /// <summary>
    /// Walks a PNG's chunks, checking every CRC. Chunk bodies are read through small buffers, never
    /// allocated at their declared length (a header may claim 2 GB), except the small ones we keep.
    /// </summary>
    internal sealed class PngChunkReader
    {
        private readonly Stream _stream;
        private readonly byte[] _scratch = new byte[8192];

        public PngChunkReader(Stream stream, string? path)
        {
            _stream = stream;
            Path = path;
        }

        public string? Path { get; }
        public Stream Stream => _stream;

        public void ReadSignature()
        {
            var sig = new byte[8];
            int n = StreamReading.ReadUpTo(_stream, sig, 0, 8);
            for (int i = 0; i < 8; i++)
                if (i >= n || sig[i] != PngChunkWriter.Signature[i])
                    throw i >= n
                        ? PngErrors.Fail(ImageErrorIds.Truncated, "the file ends inside the 8-byte PNG signature", Path)
                        : PngErrors.Fail(ImageErrorIds.UnsupportedFormat, "the PNG signature is wrong", Path);
        }

        /// <summary>Reads the next chunk's length and type; null at a clean end of file.</summary>
        public ChunkHeader? ReadHeader()
        {
            var head = new byte[8];
            int n = StreamReading.ReadUpTo(_stream, head, 0, 8);
            if (n == 0) return null;
            if (n < 8) throw PngErrors.Fail(ImageErrorIds.Truncated, "the file ends inside a chunk header", Path);
            uint length = StreamReading.ReadUInt32BigEndian(head, 0);
            if (length > int.MaxValue)
                throw PngErrors.Fail(ImageErrorIds.ChunkInvalid, $"a chunk claims {length} bytes, more than PNG's 2^31-1 limit", Path);
            for (int i = 4; i < 8; i++)
            {
                byte c = head[i];
                if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
                    throw PngErrors.Fail(ImageErrorIds.ChunkInvalid, $"a chunk type holds byte 0x{c:X2}; chunk types are four ASCII letters", Path);
            }
            string type = Encoding.ASCII.GetString(head, 4, 4);
            return new ChunkHeader((int)length, type, Crc32.Update(Crc32.Initial, head, 4, 4));
        }

        /// <summary>Reads a small chunk's body (at most <paramref name="maxLength"/> bytes) and checks its CRC.</summary>
        public byte[] ReadBody(ChunkHeader chunk, int maxLength)
        {
            if (chunk.Length > maxLength)
                throw PngErrors.Fail(ImageErrorIds.ChunkInvalid, $"the {chunk.Type} chunk is {chunk.Length} bytes; at most {maxLength} are allowed", Path);
            var body = new byte[chunk.Length];
            if (StreamReading.ReadUpTo(_stream, body, 0, body.Length) < body.Length)
                throw PngErrors.Fail(ImageErrorIds.Truncated, $"the file ends inside the {chunk.Type} chunk", Path);
            CheckCrc(chunk.Type, Crc32.Update(chunk.CrcSoFar, body, 0, body.Length));
            return body;
        }

        /// <summary>Skips a chunk's body, still checking its CRC.</summary>
        public void SkipBody(ChunkHeader chunk)
        {
            uint crc = chunk.CrcSoFar;
            int left = chunk.Length;
            while (left > 0)
            {
                int n = _stream.Read(_scratch, 0, Math.Min(left, _scratch.Length));
                if (n <= 0) throw PngErrors.Fail(ImageErrorIds.Truncated, $"the file ends inside the {chunk.Type} chunk", Path);
                crc = Crc32.Update(crc, _scratch, 0, n);
                left -= n;
            }
            CheckCrc(chunk.Type, crc);
        }

        /// <summary>
        /// Seeks past a chunk's body and CRC without reading them: header inspection must not read a large
        /// ancillary chunk (an embedded ICC profile or EXIF block) it does not need.
        /// </summary>
        public void SkipBodyUnread(ChunkHeader chunk)
        {
            if (!_stream.CanSeek) { SkipBody(chunk); return; }
            long target = _stream.Position + chunk.Length + 4L;
            if (target > _stream.Length)
                throw PngErrors.Fail(ImageErrorIds.Truncated, $"the file ends inside the {chunk.Type} chunk", Path);
            _stream.Seek(target, SeekOrigin.Begin);
        }

        /// <summary>Reads the 4-byte CRC after a body and compares it with <paramref name="runningCrc"/> (not yet finished).</summary>
        public void CheckCrc(string type, uint runningCrc)
        {
            var stored = new byte[4];
            if (StreamReading.ReadUpTo(_stream, stored, 0, 4) < 4)
                throw PngErrors.Fail(ImageErrorIds.Truncated, $"the file ends before the CRC of the {type} chunk", Path);
            uint expected = StreamReading.ReadUInt32BigEndian(stored, 0);
            uint actual = Crc32.Finish(runningCrc);
            if (expected != actual)
                throw PngErrors.Fail(ImageErrorIds.CrcMismatch, $"the {type} chunk's CRC is 0x{expected:X8} but its bytes give 0x{actual:X8} (the file is damaged)", Path);
        }
    }

    /// <summary>A chunk's length and type, plus the CRC over its type bytes (the CRC covers type and body).</summary>
    internal readonly struct ChunkHeader
    {
        public ChunkHeader(int length, string type, uint crcSoFar)
        {
            Length = length;
            Type = type;
            CrcSoFar = crcSoFar;
        }

        public int Length { get; }
        public string Type { get; }
        public uint CrcSoFar { get; }

        /// <summary>Critical chunks (uppercase first letter) must be understood; unknown ones make the file unreadable.</summary>
        public bool IsCritical => Type[0] >= 'A' && Type[0] <= 'Z';
    }
}
