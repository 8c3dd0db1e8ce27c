using System.Collections.Generic;

namespace GptImage
{
    /// <summary>
    /// A text-to-image request. Property names follow the cmdlet parameters; every property left null is
    /// left out of the wire request, so the API's (or gateway's) own default applies.
    /// </summary>
    public class ImageGenerationRequest
    {
        /// <summary>The model used when the caller names none. The API's own default is stale (dall-e-2).</summary>
        public const string DefaultModel = "gpt-image-2";

        public string Prompt { get; set; } = string.Empty;

        /// <summary>Model or deployment name; always sent. Unknown names pass with the generic checks only.</summary>
        public string Model { get; set; } = DefaultModel;

        /// <summary>"auto", a preset such as "1024x1024", or WxH where the model allows it.</summary>
        public string? Size { get; set; }

        /// <summary>low, medium, high or auto.</summary>
        public string? Quality { get; set; }

        /// <summary>png, jpeg or webp (wire: output_format).</summary>
        public string? OutputFormat { get; set; }

        /// <summary>0 to 100, jpeg and webp only (wire: output_compression).</summary>
        public int? Compression { get; set; }

        /// <summary>transparent, opaque or auto.</summary>
        public string? Background { get; set; }

        /// <summary>low or auto.</summary>
        public string? Moderation { get; set; }

        /// <summary>Number of images, 1 to the model's maximum (wire: n).</summary>
        public int? Count { get; set; }

        /// <summary>End-user id for abuse monitoring (wire: user).</summary>
        public string? User { get; set; }

        /// <summary>0 to 3 partial images; a value turns on streaming (wire: stream + partial_images).</summary>
        public int? PartialImages { get; set; }

        /// <summary>
        /// Extra body fields this library does not know (a gateway's parameter, a new API field), sent as they are after
        /// the known ones. Values: text, numbers, booleans, null, and (JSON bodies only) nested dictionaries and lists.
        /// Keys the library sends itself (model, prompt, size, ...) and negative_prompt are refused before sending.
        /// </summary>
        public IDictionary<string, object?>? AdditionalBody { get; set; }
    }
}
