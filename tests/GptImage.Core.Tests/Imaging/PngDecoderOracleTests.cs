using System.Security.Cryptography;
using GptImage.Imaging;

namespace GptImage.Tests.Imaging
{
    /// <summary>
    /// The decoder against the oracle corpus: every valid file (written by pngjs or by the Python spec writer,
    /// decoded by pngjs) must give the same size, alpha flag and alpha plane; every malformed file must be
    /// refused with its recorded error id.
    /// </summary>
    public class PngDecoderOracleTests
    {
        public static IEnumerable<object[]> ValidFiles => OracleCorpus.Names(OracleCorpus.Valid);
        public static IEnumerable<object[]> MalformedFiles => OracleCorpus.Names(OracleCorpus.Malformed);
        public static IEnumerable<object[]> OtherFiles => OracleCorpus.Names(OracleCorpus.Other);

        [Theory]
        [MemberData(nameof(ValidFiles))]
        public void AlphaPlaneEqualsTheOracles(string file)
        {
            JsonElement expected = OracleCorpus.ValidEntry(file);
            var (info, alpha) = AlphaPlane.Read(OracleCorpus.ValidPath(file));

            Assert.Equal(expected.GetProperty("width").GetInt32(), info.Width);
            Assert.Equal(expected.GetProperty("height").GetInt32(), info.Height);
            Assert.Equal(info.Width * info.Height, alpha.Length);
            Assert.Equal(expected.GetProperty("alphaSha256").GetString(), Convert.ToHexString(SHA256.HashData(alpha)).ToLowerInvariant());
        }

        [Theory]
        [MemberData(nameof(ValidFiles))]
        public void InspectReadsTheHeaderTheWriterWrote(string file)
        {
            JsonElement expected = OracleCorpus.ValidEntry(file);
            ImageInfo info = ImageInspector.Inspect(OracleCorpus.ValidPath(file));

            Assert.Equal("png", info.Format);
            Assert.Equal(expected.GetProperty("width").GetInt32(), info.Width);
            Assert.Equal(expected.GetProperty("height").GetInt32(), info.Height);
            Assert.Equal(expected.GetProperty("hasAlpha").GetBoolean(), info.HasAlpha);
            Assert.Equal(expected.GetProperty("colorType").GetInt32(), info.PngColorType);
            Assert.Equal(expected.GetProperty("bitDepth").GetInt32(), info.BitDepth);
            Assert.Equal(expected.GetProperty("interlaced").GetBoolean(), info.Interlaced);
            Assert.Equal(new FileInfo(OracleCorpus.ValidPath(file)).Length, info.FileBytes);
        }

        [Theory]
        [MemberData(nameof(ValidFiles))]
        public void RgbaDecodingAgreesWithAlphaDecoding(string file)
        {
            var (_, alpha) = AlphaPlane.Read(OracleCorpus.ValidPath(file));
            var (_, rgba) = AlphaPlane.Read(OracleCorpus.ValidPath(file), PixelLayout.Rgba);
            Assert.Equal(alpha.Length * 4, rgba.Length);
            for (int i = 0; i < alpha.Length; i++) Assert.Equal(alpha[i], rgba[i * 4 + 3]);
        }

        [Theory]
        [MemberData(nameof(MalformedFiles))]
        public void MalformedFileIsRefusedWithItsId(string file)
        {
            JsonElement entry = FindMalformed(file);
            string path = OracleCorpus.MalformedPath(file);
            var error = Assert.Throws<GptImageImageException>(() => AlphaPlane.Read(path));
            Assert.Equal(entry.GetProperty("errorId").GetString(), error.ErrorId);
            Assert.Contains(path, error.Message);
            Assert.Equal(path, error.Path);
        }

        [Theory]
        [MemberData(nameof(OtherFiles))]
        public void JpegAndWebPHeadersAreInspected(string file)
        {
            JsonElement entry = FindOther(file);
            string path = OracleCorpus.OtherPath(file);
            if (entry.TryGetProperty("errorId", out JsonElement id))
            {
                var error = Assert.Throws<GptImageImageException>(() => ImageInspector.Inspect(path));
                Assert.Equal(id.GetString(), error.ErrorId);
                return;
            }
            ImageInfo info = ImageInspector.Inspect(path);
            Assert.Equal(entry.GetProperty("format").GetString(), info.Format);
            Assert.Equal(entry.GetProperty("width").GetInt32(), info.Width);
            Assert.Equal(entry.GetProperty("height").GetInt32(), info.Height);
            Assert.Equal(entry.GetProperty("hasAlpha").GetBoolean(), info.HasAlpha);
            if (entry.TryGetProperty("progressive", out JsonElement progressive)) Assert.Equal(progressive.GetBoolean(), info.Progressive);
        }

        [Fact]
        public void CorpusCoversEveryColorTypeBitDepthAndInterlace()
        {
            var seen = new HashSet<string>();
            foreach (JsonElement e in OracleCorpus.Valid)
                seen.Add($"{e.GetProperty("colorType").GetInt32()}/{e.GetProperty("bitDepth").GetInt32()}/{e.GetProperty("interlaced").GetBoolean()}");
            var legal = new Dictionary<int, int[]> { [0] = new[] { 1, 2, 4, 8, 16 }, [2] = new[] { 8, 16 }, [3] = new[] { 1, 2, 4, 8 }, [4] = new[] { 8, 16 }, [6] = new[] { 8, 16 } };
            foreach (var (colorType, depths) in legal)
                foreach (int depth in depths)
                    foreach (bool interlaced in new[] { false, true })
                        Assert.Contains($"{colorType}/{depth}/{interlaced}", seen);
        }

        private static JsonElement FindMalformed(string file)
        {
            foreach (JsonElement e in OracleCorpus.Malformed) if (e.GetProperty("file").GetString() == file) return e;
            throw new InvalidOperationException(file);
        }

        private static JsonElement FindOther(string file)
        {
            foreach (JsonElement e in OracleCorpus.Other) if (e.GetProperty("file").GetString() == file) return e;
            throw new InvalidOperationException(file);
        }
    }
}
