using System.Net.Http.Headers;

namespace GptImage.Tests.Emulator
{
    /// <summary>An upload part for a hand-built multipart edit.</summary>
    public sealed record Part(string Name, byte[] Bytes, string? ContentType, string? FileName = "image.png");

    /// <summary>Wire-level helpers: raw requests to the emulator and readers for its answers.</summary>
    public static class EmulatorHttp
    {
        public static Task<HttpResponseMessage> GenerateAsync(HttpClient http, string json) =>
            http.PostAsync("images/generations", new StringContent(json, Encoding.UTF8, "application/json"));

        public static Task<HttpResponseMessage> EditAsync(HttpClient http, IEnumerable<Part> files, IDictionary<string, string> fields, string path = "images/edits")
        {
            var form = new MultipartFormDataContent();
            foreach (var (name, value) in fields) form.Add(new StringContent(value), $"\"{name}\"");
            foreach (Part part in files)
            {
                var content = new ByteArrayContent(part.Bytes);
                if (part.ContentType != null) content.Headers.ContentType = new MediaTypeHeaderValue(part.ContentType);
                if (part.FileName != null) form.Add(content, $"\"{part.Name}\"", $"\"{part.FileName}\"");
                else form.Add(content, $"\"{part.Name}\"");
            }
            return http.PostAsync(path, form);
        }

        public static Dictionary<string, string> Fields(string prompt = "a red fox", string model = "gpt-image-2", params (string Key, string Value)[] more)
        {
            var fields = new Dictionary<string, string> { ["prompt"] = prompt, ["model"] = model };
            foreach (var (key, value) in more) fields[key] = value;
            return fields;
        }

        /// <summary>The error object of an error answer, asserting the OpenAI shape (all four members present).</summary>
        public static async Task<(string Message, string Type, string? Param, string? Code)> ReadErrorAsync(HttpResponseMessage response)
        {
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            using JsonDocument doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            JsonElement error = doc.RootElement.GetProperty("error");
            Assert.Equal(4, CountProperties(error));
            return (error.GetProperty("message").GetString()!, error.GetProperty("type").GetString()!,
                    NullableString(error.GetProperty("param")), NullableString(error.GetProperty("code")));
        }

        public static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response)
        {
            string text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
            return JsonDocument.Parse(text);
        }

        public static byte[] Image(JsonDocument doc, int index = 0) =>
            Convert.FromBase64String(doc.RootElement.GetProperty("data")[index].GetProperty("b64_json").GetString()!);

        public static string Header(HttpResponseMessage response, string name) =>
            response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : throw new Xunit.Sdk.XunitException($"header {name} missing");

        private static int CountProperties(JsonElement e)
        {
            int n = 0;
            foreach (var _ in e.EnumerateObject()) n++;
            return n;
        }

        private static string? NullableString(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetString();
    }
}
