using System;
using System.Text;
using System.Text.Json;
using GptImage.Imaging;
using GptImage.Orchestration;
using GptImage.Streaming;

namespace GptImage.Wire
{
    /// <summary>
    /// Reads a Response object (the JSON answer of POST /responses, or the response of a streamed response.completed
    /// event) into the module's <see cref="ImageResult"/>: the image_generation_call's image (result, base64), revised
    /// prompt and the size, quality, background and format made, the response id, and the mainline model's usage. A
    /// response that failed, or whose tool call failed or never happened, becomes the API error it is
    /// (<see cref="StreamErrorException"/> for the client to classify); a body that cannot be read is an
    /// <see cref="InvalidResponseException"/> (retried).
    /// </summary>
    internal static class ResponsesParser
    {
        public const string CallType = "image_generation_call";

        public static ImageResult Parse(ReadOnlyMemory<byte> body, ConversationTurnRequest request, string? requestId, RateLimitInfo? rateLimit, int attempts)
        {
            JsonDocument doc;
            try { doc = JsonDocument.Parse(body); }
            catch (JsonException e)
            {
                throw new InvalidResponseException($"The server's answer is not valid JSON ({body.Length} bytes; cut short or not a Responses answer).", e);
            }
            using (doc) return Read(doc.RootElement, request, requestId, rateLimit, attempts);
        }

        public static ImageResult Read(JsonElement root, ConversationTurnRequest request, string? requestId, RateLimitInfo? rateLimit, int attempts)
        {
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("output", out JsonElement output) || output.ValueKind != JsonValueKind.Array)
                throw new InvalidResponseException("The server's answer is not a Responses answer (no output array).");
            string? id = ImagesResponseParser.String(root, "id");
            if (string.IsNullOrEmpty(id)) throw new InvalidResponseException("The server's answer has no response id.");
            string? status = ImagesResponseParser.String(root, "status");
            if (status == "failed" || status == "cancelled" || status == "incomplete") throw Failed(root, status);

            JsonElement call = default;
            var text = new StringBuilder();
            foreach (JsonElement item in output.EnumerateArray())
            {
                string? type = item.ValueKind == JsonValueKind.Object ? ImagesResponseParser.String(item, "type") : null;
                if (type == CallType && call.ValueKind == JsonValueKind.Undefined) call = item;
                else if (type == "message") AppendText(item, text);
            }
            if (call.ValueKind == JsonValueKind.Undefined)
                throw new StreamErrorException(ErrorBody("no_image", "The model answered without calling the image tool"
                    + (text.Length > 0 ? ": " + Shorten(text.ToString()) : "."), null), 400);
            string? callStatus = ImagesResponseParser.String(call, "status");
            if (callStatus == "failed")
                throw new StreamErrorException(ErrorBody("image_generation_failed", "The image_generation tool call failed.", null), 500);
            if (!call.TryGetProperty("result", out JsonElement result) || result.ValueKind != JsonValueKind.String
                || !result.TryGetBytesFromBase64(out byte[]? bytes) || bytes is null || bytes.Length == 0)
                throw new InvalidResponseException("The image_generation_call of the answer has no valid base64 result.");

            string? format = ImagesResponseParser.String(call, "output_format");
            string? revised = ImagesResponseParser.String(call, "revised_prompt");
            string? size = ImagesResponseParser.String(call, "size");
            string? quality = ImagesResponseParser.String(call, "quality");
            return new ImageResult
            {
                Images = new[]
                {
                    new GeneratedImage { Index = 0, Bytes = bytes, Format = ImageFormatDetector.Detect(bytes) ?? format ?? "png", RevisedPrompt = revised },
                },
                Usage = ImageToolUsage.Count(request, size, quality, revised),
                Model = request.Model,
                Created = root.TryGetProperty("created_at", out JsonElement created) && created.ValueKind == JsonValueKind.Number && created.TryGetDouble(out double seconds)
                    ? DateTimeOffset.FromUnixTimeSeconds((long)seconds) : DateTimeOffset.UtcNow,
                Size = size,
                Quality = quality,
                Background = ImagesResponseParser.String(call, "background"),
                OutputFormat = format,
                RequestId = requestId,
                RateLimit = rateLimit,
                Attempts = attempts,
                ResponseId = id,
                MainlineModel = ImagesResponseParser.String(root, "model") ?? request.ResponsesModel,
                MainlineUsage = root.TryGetProperty("usage", out JsonElement usage) && usage.ValueKind == JsonValueKind.Object ? ReadUsage(usage) : null,
            };
        }

        /// <summary>ResponseUsage: the mainline model's input (cached included) and output tokens.</summary>
        private static ImageUsage ReadUsage(JsonElement usage)
        {
            long input = Long(usage, "input_tokens");
            long output = Long(usage, "output_tokens");
            long total = usage.TryGetProperty("total_tokens", out JsonElement t) && t.ValueKind == JsonValueKind.Number && t.TryGetInt64(out long n) ? n : input + output;
            return new ImageUsage { InputTokens = input, TextTokens = input, OutputTokens = output, OutputTextTokens = output, TotalTokens = total };
        }

        /// <summary>A response that did not complete: its error (ResponseError: code, message) as an API error.</summary>
        private static StreamErrorException Failed(JsonElement root, string? status)
        {
            string code = "response_" + status;
            string message = $"The response ended with status '{status}'.";
            if (root.TryGetProperty("error", out JsonElement error) && error.ValueKind == JsonValueKind.Object)
            {
                code = ImagesResponseParser.String(error, "code") ?? code;
                message = ImagesResponseParser.String(error, "message") ?? message;
            }
            else if (root.TryGetProperty("incomplete_details", out JsonElement details) && details.ValueKind == JsonValueKind.Object
                && ImagesResponseParser.String(details, "reason") is string reason)
            {
                message += " Reason: " + reason + ".";
            }
            int httpStatus = code == "server_error" ? 500 : code == "rate_limit_exceeded" ? 429 : 400;
            return new StreamErrorException(ErrorBody(code, message, null), httpStatus);
        }

        /// <summary>An error body in the API's shape, so that the client's one classifier reads it.</summary>
        internal static string ErrorBody(string? code, string? message, string? param)
        {
            using var buffer = new System.IO.MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteStartObject("error");
                json.WriteString("message", message ?? "The response failed.");
                json.WriteString("type", code == "moderation_blocked" ? "image_generation_user_error" : "invalid_request_error");
                json.WriteString("param", param);
                json.WriteString("code", code);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            return Encoding.UTF8.GetString(buffer.ToArray());
        }

        private static void AppendText(JsonElement message, StringBuilder text)
        {
            if (!message.TryGetProperty("content", out JsonElement content) || content.ValueKind != JsonValueKind.Array) return;
            foreach (JsonElement part in content.EnumerateArray())
                if (part.ValueKind == JsonValueKind.Object && ImagesResponseParser.String(part, "text") is string t) text.Append(t);
        }

        private static string Shorten(string text) => text.Length <= 300 ? text : text.Substring(0, 300) + "...";

        private static long Long(JsonElement parent, string name) =>
            parent.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out long n) ? n : 0;
    }
}
