using System.Text.Json;
using GptImage.Imaging;
using GptImage.Wire;

namespace GptImage.Streaming
{
    /// <summary>
    /// Reads a partial-image event into a <see cref="PartialImage"/>: the images endpoints carry the bytes in b64_json,
    /// the Responses API in partial_image_b64; both number them with partial_image_index.
    /// </summary>
    internal static class PartialImageEvent
    {
        /// <summary>The <paramref name="number"/>-th partial image of a stream (1-based); bad base64 is an <see cref="InvalidResponseException"/>.</summary>
        public static PartialImage Read(JsonElement root, string dataField, ImageGenerationRequest request, string type, int number)
        {
            if (!root.TryGetProperty(dataField, out JsonElement b64) || b64.ValueKind != JsonValueKind.String
                || !b64.TryGetBytesFromBase64(out byte[]? bytes) || bytes is null || bytes.Length == 0)
                throw new InvalidResponseException($"The streamed partial image {number} has no valid {dataField} data.");
            int index = root.TryGetProperty("partial_image_index", out JsonElement i) && i.ValueKind == JsonValueKind.Number && i.TryGetInt32(out int n) ? n : number - 1;
            return new PartialImage
            {
                Request = request,
                PartialImageIndex = index,
                Bytes = bytes,
                Format = ImageFormatDetector.Detect(bytes) ?? ImagesResponseParser.String(root, "output_format") ?? "png",
                EventType = type,
            };
        }
    }
}
