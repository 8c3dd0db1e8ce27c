namespace GptImage
{
    /// <summary>An edit request: one to sixteen input images, an optional PNG mask, and the generation options.</summary>
    public class ImageEditRequest : ImageGenerationRequest
    {
        /// <summary>Input images as paths or streams; the first one sets the size the mask must match.</summary>
        public ImageInputCollection Images { get; } = new ImageInputCollection();

        /// <summary>Path of a PNG mask whose fully transparent pixels mark the region to edit.</summary>
        public string? MaskPath { get; set; }

        /// <summary>A mask given as a stream instead of a path (takes precedence over MaskPath).</summary>
        public ImageInput? Mask { get; set; }

        /// <summary>low or high (wire: input_fidelity); not supported by every model.</summary>
        public string? InputFidelity { get; set; }

        /// <summary>
        /// Send the images with their EXIF, XMP, ICC profile and comments. By default they are removed before upload
        /// (a photo's GPS position and camera are not the model's business) after turning the pixels upright by the EXIF
        /// orientation; images without metadata go byte for byte.
        /// </summary>
        public bool KeepMetadata { get; set; }

        /// <summary>
        /// Refuse images over the model's limits (bytes, or more pixels than the model makes) instead of resizing them
        /// to fit, which is the default.
        /// </summary>
        public bool NoResize { get; set; }

        /// <summary>When the first image is resized to fit, resize the mask with it (without this the edit is refused, as the mask would no longer match).</summary>
        public bool ResizeMask { get; set; }
    }
}
