using System;
using System.Collections.Generic;
using System.Linq;
using GptImage.Emulator.Http;
using GptImage.Emulator.Images;
using GptImage.Emulator.Parsing;

namespace GptImage.Emulator.Validation
{
    /// <summary>
    /// The emulator's own judgement of a request, from the shared capability table (ModelCatalog) but not
    /// from the client's RequestValidator: two independent implementations catch each other's mistakes.
    /// Unknown parameters pass, as the real API is lenient with most of them; response_format on a GPT image
    /// model does not, because the real API refuses it.
    /// </summary>
    internal static class ImageCallValidator
    {
        private static readonly string[] GptOnlyFields = { "output_format", "output_compression", "background", "moderation", "stream", "partial_images" };

        public static (ValidatedCall? Call, ApiError? Error) Validate(ImageCall call, EmulatorOptions options)
        {
            var fields = new FieldReader(call);
            string? sentModel = call.Deployment ?? fields.String("model");
            if (fields.Error != null) return (null, fields.Error);
            string model = sentModel ?? DefaultModel(call);
            ModelCapabilities? caps = ModelCatalog.Find(model);
            if (caps != null && options.RejectRetiredModels && caps.IsRetiredOn(options.CurrentDate))
                return (null, ApiError.ModelNotFound(model));
            if (caps != null && caps.Family == "dall-e" && caps.MaxInputImages == 0 && call.Endpoint == ImageEndpoint.Edits)
                return (null, ApiError.InvalidValue("model", $"Invalid value for 'model': {model} does not support image edits."));

            // The prompt first: the most common mistake.
            string? prompt = fields.String("prompt");
            if (fields.Error != null) return (null, fields.Error);
            if (prompt == null) return (null, ApiError.MissingParameter("prompt"));
            if (prompt.Length == 0)
                return (null, new ApiError(400, "Invalid 'prompt': empty string. Expected a string with minimum length 1, but got an empty string instead.", ApiError.InvalidRequest, "prompt", "empty_string"));
            int maxPrompt = caps?.MaxPromptLength ?? ModelCatalog.GenericMaxPromptLength;
            if (prompt.Length > maxPrompt) return (null, ApiError.StringTooLong("prompt", maxPrompt, prompt.Length));

            bool gpt = caps?.IsGptImage ?? true;
            if (gpt && call.Has("response_format")) return (null, ApiError.UnknownParameter("response_format"));
            if (caps != null && !gpt)
            {
                string? foreign = GptOnlyFields.FirstOrDefault(call.Has);
                if (foreign != null) return (null, ApiError.UnknownParameter(foreign));
            }
            if (call.IsMultipart && call.Has("moderation")) return (null, ApiError.UnknownParameter("moderation"));
            if (call.Endpoint == ImageEndpoint.Generations && call.Has("input_fidelity")) return (null, ApiError.UnknownParameter("input_fidelity"));

            long n = fields.Integer("n") ?? 1;
            int maxCount = caps?.MaxCount ?? ModelCatalog.GenericMaxCount;
            if (fields.Error != null) return (null, fields.Error);
            if (n < 1) return (null, ApiError.IntegerBelowMin("n", 1, n));
            if (n > maxCount) return (null, ApiError.IntegerAboveMax("n", maxCount, n));

            string? quality = caps != null ? fields.OneOf("quality", caps.Qualities) : fields.String("quality");
            string? format = caps != null && gpt ? fields.OneOf("output_format", caps.OutputFormats)
                                                 : fields.OneOf("output_format", new[] { "png", "jpeg", "webp" });
            string? background = caps != null && gpt ? fields.OneOf("background", caps.Backgrounds)
                                                     : fields.OneOf("background", new[] { "transparent", "opaque", "auto" });
            if (caps != null && gpt) fields.OneOf("moderation", caps.Moderation);
            string? responseFormat = gpt ? null : fields.OneOf("response_format", new[] { "url", "b64_json" });
            if (caps?.Name == "dall-e-3") fields.OneOf("style", new[] { "vivid", "natural" });
            long? compression = fields.Integer("output_compression");
            bool stream = fields.Boolean("stream") ?? false;
            long partials = fields.Integer("partial_images") ?? 0;
            fields.String("user");
            string? fidelity = call.Endpoint == ImageEndpoint.Edits ? fields.String("input_fidelity") : null;
            if (fields.Error != null) return (null, fields.Error);

            string outputFormat = format ?? "png";
            if (compression is long c)
            {
                if (c < 0) return (null, ApiError.IntegerBelowMin("output_compression", 0, c));
                if (c > 100) return (null, ApiError.IntegerAboveMax("output_compression", 100, c));
                if (outputFormat == "png")
                    return (null, ApiError.InvalidValue("output_compression",
                        "Invalid 'output_compression': compression is only supported for the 'jpeg' and 'webp' output formats, but output_format is 'png'."));
            }
            if (background == "transparent")
            {
                IReadOnlyList<string> transparentFormats = caps?.TransparentFormats ?? new[] { "png", "webp" };
                if (!transparentFormats.Contains(outputFormat))
                    return (null, ApiError.InvalidValue("background",
                        $"Invalid value for 'background': 'transparent' needs output_format {string.Join(" or ", transparentFormats.Select(f => $"'{f}'"))}, but output_format is '{outputFormat}'."));
            }
            if (stream && caps != null && !caps.SupportsStreaming)
                return (null, ApiError.InvalidValue("stream", $"Invalid value for 'stream': model {model} does not support streaming."));
            if (partials < 0) return (null, ApiError.IntegerBelowMin("partial_images", 0, partials));
            if (partials > 3) return (null, ApiError.IntegerAboveMax("partial_images", 3, partials));
            if (fidelity != null && caps != null)
            {
                if (caps.InputFidelity.Count == 0)
                    return (null, ApiError.InvalidValue("input_fidelity", $"Invalid 'input_fidelity': model {model} does not take input_fidelity; leave it out."));
                if (!caps.InputFidelity.Contains(fidelity)) return (null, ApiError.InvalidValue("input_fidelity", fidelity, caps.InputFidelity));
            }

            UploadedImageInfo? firstInput = null;
            if (call.Endpoint == ImageEndpoint.Edits)
            {
                var (first, uploadError) = UploadRules.Check(call, caps);
                if (uploadError != null) return (null, uploadError);
                firstInput = first;
            }

            string? size = fields.String("size");
            var (width, height, sizeError) = SizeRule.Resolve(size, caps, firstInput is null ? null : (firstInput.Width, firstInput.Height));
            if (sizeError != null) return (null, sizeError);

            return (new ValidatedCall
            {
                Model = model,
                Capabilities = caps,
                Prompt = prompt,
                Count = (int)n,
                Width = width,
                Height = height,
                Quality = quality is null or "auto" ? (gpt ? "medium" : "standard") : quality,
                OutputFormat = outputFormat,
                Transparent = background == "transparent",
                Stream = stream,
                PartialImages = stream ? (int)partials : 0,
                ResponseFormat = responseFormat ?? (gpt ? "b64_json" : "url"),
                InputFidelity = fidelity,
            }, null);
        }

        /// <summary>The API's own (stale) defaults when no model is sent: clients should always send one.</summary>
        private static string DefaultModel(ImageCall call)
        {
            if (call.Endpoint == ImageEndpoint.Edits) return "gpt-image-1.5";
            bool gptOnly = GptOnlyFields.Any(call.Has) || call.Text("quality") is "low" or "medium" or "high";
            return gptOnly ? "gpt-image-1.5" : "dall-e-2";
        }
    }
}
