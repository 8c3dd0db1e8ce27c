using System.Text.Encodings.Web;
using System.Text.Json;

namespace GptImage.Emulator.Http
{
    /// <summary>Writer settings for every JSON answer: quotes and '+' stay literal, as OpenAI sends them.</summary>
    internal static class JsonOutput
    {
        public static readonly JsonWriterOptions Compact = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        public static readonly JsonWriterOptions Indented = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };
    }
}
