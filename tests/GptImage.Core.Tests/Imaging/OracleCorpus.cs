namespace GptImage.Tests.Imaging
{
    /// <summary>Reads Corpus/corpus.json, written by tests/corpus/make-corpus.mjs from the oracles' decoding.</summary>
    internal static class OracleCorpus
    {
        private static readonly JsonDocument Manifest =
            JsonDocument.Parse(File.ReadAllText(ImagingTestPaths.Corpus("corpus.json")));

        public static IEnumerable<JsonElement> Valid => Manifest.RootElement.GetProperty("valid").EnumerateArray();
        public static IEnumerable<JsonElement> Malformed => Manifest.RootElement.GetProperty("malformed").EnumerateArray();
        public static IEnumerable<JsonElement> Other => Manifest.RootElement.GetProperty("other").EnumerateArray();

        public static JsonElement ValidEntry(string file) => Valid.Single(e => e.GetProperty("file").GetString() == file);

        public static IEnumerable<object[]> Names(IEnumerable<JsonElement> entries) =>
            entries.Select(e => new object[] { e.GetProperty("file").GetString()! });

        public static string ValidPath(string file) => ImagingTestPaths.Corpus("png", "valid", file);
        public static string MalformedPath(string file) => ImagingTestPaths.Corpus("png", "malformed", file);
        public static string OtherPath(string file) => ImagingTestPaths.Corpus("other", file);
    }
}
