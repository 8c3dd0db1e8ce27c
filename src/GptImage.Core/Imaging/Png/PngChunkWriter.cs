using System;
using System.IO;

namespace GptImage.Imaging.Png
{
    /// <summary>Writes PNG chunks (length, type, data, CRC) to a stream.</summary>
    internal static class PngChunkWriter
    {
        public static readonly byte[] Signature = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };

        public static void WriteChunk(Stream output, string type, byte[] data, int offset, int count)
        {
            var head = new byte[8];
            WriteUInt32BigEndian(head, 0, (uint)count);
            for (int i = 0; i < 4; i++) head[4 + i] = (byte)type[i];
            output.Write(head, 0, 8);
            output.Write(data, offset, count);
            uint crc = Crc32.Update(Crc32.Initial, head, 4, 4);
            crc = Crc32.Finish(Crc32.Update(crc, data, offset, count));
            var tail = new byte[4];
            WriteUInt32BigEndian(tail, 0, crc);
            output.Write(tail, 0, 4);
        }

        public static void WriteUInt32BigEndian(byte[] buffer, int offset, uint value)
        {
            buffer[offset] = (byte)(value >> 24);
            buffer[offset + 1] = (byte)(value >> 16);
            buffer[offset + 2] = (byte)(value >> 8);
            buffer[offset + 3] = (byte)value;
        }
    }

    /// <summary>
    /// A write-only stream that cuts what is written to it into IDAT chunks, so the compressor can stream
    /// straight into the file without the whole compressed image being held twice.
    /// </summary>
    internal sealed class IdatChunkStream : Stream
    {
        private readonly Stream _output;
        private readonly byte[] _buffer;
        private int _used;

        public IdatChunkStream(Stream output, int chunkSize = 1 << 16)
        {
            _output = output;
            _buffer = new byte[chunkSize];
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            while (count > 0)
            {
                int take = Math.Min(count, _buffer.Length - _used);
                Buffer.BlockCopy(buffer, offset, _buffer, _used, take);
                _used += take;
                offset += take;
                count -= take;
                if (_used == _buffer.Length) Flush();
            }
        }

        public override void Flush()
        {
            if (_used == 0) return;
            PngChunkWriter.WriteChunk(_output, "IDAT", _buffer, 0, _used);
            _used = 0;
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
