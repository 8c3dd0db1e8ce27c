using System;
using System.Buffers.Binary;
using System.IO;
using System.Text;

namespace GptImage.Emulator.Images
{
    /// <summary>
    /// A valid lossless WebP (VP8L) of any size in one colour. Each prefix code holds a single symbol, which
    /// the format decodes with zero bits per pixel, so the whole file is a header of a few dozen bytes.
    /// </summary>
    internal static class UniformWebpWriter
    {
        public static byte[] Write(int width, int height, byte red, byte green, byte blue, byte alpha)
        {
            var bits = new BitWriter();
            bits.Write(0x2F, 8);                 // VP8L signature
            bits.Write((uint)(width - 1), 14);
            bits.Write((uint)(height - 1), 14);
            bits.Write(alpha == 255 ? 0u : 1u, 1); // alpha_is_used
            bits.Write(0, 3);                    // version
            bits.Write(0, 1);                    // no transform
            bits.Write(0, 1);                    // no colour cache
            bits.Write(0, 1);                    // no meta prefix codes
            WriteSingleSymbolCode(bits, green);
            WriteSingleSymbolCode(bits, red);
            WriteSingleSymbolCode(bits, blue);
            WriteSingleSymbolCode(bits, alpha);
            WriteSingleSymbolCode(bits, 0);      // distance code (unused)
            byte[] payload = bits.ToArray();

            var s = new MemoryStream();
            int padded = payload.Length + (payload.Length & 1);
            s.Write(Encoding.ASCII.GetBytes("RIFF"));
            WriteLe32(s, 4 + 8 + padded);
            s.Write(Encoding.ASCII.GetBytes("WEBPVP8L"));
            WriteLe32(s, payload.Length);
            s.Write(payload);
            if ((payload.Length & 1) == 1) s.WriteByte(0);
            return s.ToArray();
        }

        private static void WriteSingleSymbolCode(BitWriter bits, byte symbol)
        {
            bits.Write(1, 1);                    // simple code
            bits.Write(0, 1);                    // one symbol
            bits.Write(1, 1);                    // symbol stored in 8 bits
            bits.Write(symbol, 8);
        }

        private static void WriteLe32(Stream s, int value)
        {
            Span<byte> word = stackalloc byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(word, value);
            s.Write(word);
        }

        /// <summary>VP8L packs bits least-significant first.</summary>
        private sealed class BitWriter
        {
            private readonly MemoryStream _bytes = new MemoryStream();
            private ulong _buffer;
            private int _count;

            public void Write(uint value, int bitCount)
            {
                _buffer |= (ulong)(value & ((1u << bitCount) - 1)) << _count;
                _count += bitCount;
                while (_count >= 8)
                {
                    _bytes.WriteByte((byte)_buffer);
                    _buffer >>= 8;
                    _count -= 8;
                }
            }

            public byte[] ToArray()
            {
                if (_count > 0) { _bytes.WriteByte((byte)_buffer); _buffer = 0; _count = 0; }
                return _bytes.ToArray();
            }
        }
    }
}
