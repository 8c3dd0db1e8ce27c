using System;
using System.IO;
using System.Text;

namespace GptImage.Imaging.Uploads
{
    /// <summary>
    /// Removes what a photo says about where and how it was taken without touching its pixels: the containers are
    /// rewritten without their metadata blocks, so nothing is re-encoded and no quality is lost.
    /// PNG: eXIf, iTXt, tEXt, zTXt, iCCP and tIME chunks go. JPEG: APP1 (EXIF, XMP), APP2 (ICC), APP3 to APP13
    /// (IPTC, Photoshop, maker data), APP15 and COM segments go; APP0 (JFIF) and APP14 (Adobe: how the colours are
    /// coded) stay. WebP: EXIF, XMP and ICCP chunks go and the VP8X flags are cleared to match.
    /// Input that is not well formed is returned unchanged: the API judges it, and the header checks have already run.
    /// </summary>
    internal static class MetadataStripper
    {
        public static byte[] Strip(byte[] bytes, string format)
        {
            try
            {
                return format switch
                {
                    "png" => StripPng(bytes),
                    "jpeg" => StripJpeg(bytes),
                    "webp" => StripWebP(bytes),
                    _ => bytes,
                };
            }
            catch (Exception e) when (e is IndexOutOfRangeException || e is ArgumentException || e is InvalidDataException)
            {
                return bytes;
            }
        }

        private static readonly string[] PngDropped = { "eXIf", "iTXt", "tEXt", "zTXt", "iCCP", "tIME" };

        private static byte[] StripPng(byte[] png)
        {
            var output = new MemoryStream(png.Length);
            output.Write(png, 0, 8);
            int at = 8;
            while (at + 12 <= png.Length)
            {
                int length = (png[at] << 24) | (png[at + 1] << 16) | (png[at + 2] << 8) | png[at + 3];
                if (length < 0 || at + 12L + length > png.Length) throw new InvalidDataException("chunk runs past the end");
                string type = Encoding.ASCII.GetString(png, at + 4, 4);
                if (Array.IndexOf(PngDropped, type) < 0) output.Write(png, at, 12 + length);
                at += 12 + length;
                if (type == "IEND") break;
            }
            return output.Length == png.Length ? png : output.ToArray();
        }

        private static byte[] StripJpeg(byte[] jpeg)
        {
            var output = new MemoryStream(jpeg.Length);
            output.Write(jpeg, 0, 2);   // SOI
            int at = 2;
            while (at + 4 <= jpeg.Length)
            {
                if (jpeg[at] != 0xFF) throw new InvalidDataException("marker expected");
                byte marker = jpeg[at + 1];
                if (marker == 0xFF) { at++; continue; }   // fill byte
                int length = (jpeg[at + 2] << 8) | jpeg[at + 3];
                if (length < 2 || at + 2 + length > jpeg.Length) throw new InvalidDataException("segment runs past the end");
                if (marker == 0xDA)
                {
                    // Start of scan: the entropy-coded data and everything after it (more scans, EOI) is copied as is.
                    output.Write(jpeg, at, jpeg.Length - at);
                    break;
                }
                bool metadata = (marker >= 0xE1 && marker <= 0xED) || marker == 0xEF || marker == 0xFE;
                if (!metadata) output.Write(jpeg, at, 2 + length);
                at += 2 + length;
            }
            return output.Length == jpeg.Length ? jpeg : output.ToArray();
        }

        private const byte WebPIccFlag = 0x20, WebPExifFlag = 0x08, WebPXmpFlag = 0x04;

        private static byte[] StripWebP(byte[] webp)
        {
            var output = new MemoryStream(webp.Length);
            output.Write(webp, 0, 12);   // RIFF, size (fixed below), WEBP
            int at = 12;
            long vp8xFlagsAt = -1;
            while (at + 8 <= webp.Length)
            {
                string type = Encoding.ASCII.GetString(webp, at, 4);
                int size = webp[at + 4] | (webp[at + 5] << 8) | (webp[at + 6] << 16) | (webp[at + 7] << 24);
                int padded = size + (size & 1);
                if (size < 0 || at + 8L + padded > webp.Length) throw new InvalidDataException("chunk runs past the end");
                bool metadata = type == "EXIF" || type == "XMP " || type == "ICCP";
                if (!metadata)
                {
                    if (type == "VP8X") vp8xFlagsAt = output.Position + 8;
                    output.Write(webp, at, 8 + padded);
                }
                at += 8 + padded;
            }
            if (output.Length == webp.Length) return webp;
            byte[] result = output.ToArray();
            if (vp8xFlagsAt >= 0) result[vp8xFlagsAt] &= unchecked((byte)~(WebPIccFlag | WebPExifFlag | WebPXmpFlag));
            int riffSize = result.Length - 8;
            result[4] = (byte)riffSize; result[5] = (byte)(riffSize >> 8); result[6] = (byte)(riffSize >> 16); result[7] = (byte)(riffSize >> 24);
            return result;
        }
    }
}
