namespace GptImage
{
    /// <summary>An edit request: one to sixteen input images, an optional PNG mask, and the generation options.</summary>
    public sealed class ImageEditRequest : ImageGenerationRequest
    {
        /// <summary>Input images as paths or streams; the first one sets the size the mask must match.</summary>
        public ImageInputCollection Images { get; } = new ImageInputCollection();

        /// <summary>Path of a PNG mask whose fully transparent pixels mark the region to edit.</summary>
        public string? MaskPath { get; set; }

        /// <summary>A mask given as a stream instead of a path (takes precedence over MaskPath).</summary>
        public ImageInput? Mask { get; set; }

        /// <summary>low or high (wire: input_fidelity); not supported by every model.</summary>
        public string? InputFidelity { get; set; }
    }
}
