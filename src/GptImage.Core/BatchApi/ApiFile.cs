using System.Text.Json;

namespace GptImage.BatchApi
{
    /// <summary>The spec's OpenAIFile object (an uploaded file), as far as this module uses it.</summary>
    public sealed class ApiFile
    {
        public string Id { get; init; } = string.Empty;
        public long Bytes { get; init; }
        public string FileName { get; init; } = string.Empty;
        public string Purpose { get; init; } = string.Empty;

        internal static ApiFile Parse(byte[] body)
        {
            try
            {
                using JsonDocument doc = JsonDocument.Parse(body);
                JsonElement root = doc.RootElement;
                string? id = BatchInfo.Text(root, "id");
                if (id is null) throw new Wire.InvalidResponseException("The server's answer is not a file object (no id).");
                return new ApiFile
                {
                    Id = id,
                    Bytes = root.TryGetProperty("bytes", out JsonElement b) && b.ValueKind == JsonValueKind.Number && b.TryGetInt64(out long n) ? n : 0,
                    FileName = BatchInfo.Text(root, "filename") ?? string.Empty,
                    Purpose = BatchInfo.Text(root, "purpose") ?? string.Empty,
                };
            }
            catch (JsonException e)
            {
                throw new Wire.InvalidResponseException("The server's answer is not valid JSON (expected a file object).", e);
            }
        }
    }
}
