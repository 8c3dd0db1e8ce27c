using System.Management.Automation;

namespace GptImage.Commands
{
    /// <summary>
    /// The image_generation tool's options of a conversation: New-GptImageConversation sets them for every turn,
    /// Send-GptImageConversation overrides them for the turns it sends. Each value is checked against the image model's
    /// rules before anything is sent (the core names the parameter, the value and what is allowed).
    /// </summary>
    public abstract class ImageToolCmdlet : StoppableCmdlet
    {
        /// <summary>Image size: auto, a preset (1024x1024, 1536x1024, 1024x1536), or on gpt-image-2 any WIDTHxHEIGHT with both sides multiples of 16 (up to 3840 on a side, aspect 1:3 to 3:1). Default: the API's (auto; a later turn keeps its image's size).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Size { get; set; }

        /// <summary>Rendering quality: low, medium, high or auto. Higher costs more. Default: the API's (auto).</summary>
        [Parameter]
        [ValidateOptionalSet(ParameterValues.QualityLow, ParameterValues.QualityMedium, ParameterValues.QualityHigh, ParameterValues.QualityAuto)]
        public string? Quality { get; set; }

        /// <summary>File format of the image: png, jpeg or webp. Default: png.</summary>
        [Parameter]
        [ValidateOptionalSet(ParameterValues.FormatPng, ParameterValues.FormatJpeg, ParameterValues.FormatWebp)]
        public string? OutputFormat { get; set; }

        /// <summary>Compression level from 0 to 100, for jpeg and webp output only. Default: the API's (100).</summary>
        [Parameter]
        public int? Compression { get; set; }

        /// <summary>Background: transparent (png or webp only), opaque or auto. Default: the API's (auto).</summary>
        [Parameter]
        [ValidateOptionalSet(ParameterValues.BackgroundTransparent, ParameterValues.BackgroundOpaque, ParameterValues.BackgroundAuto)]
        public string? Background { get; set; }

        /// <summary>Strictness of OpenAI's content filter: low or auto. Default: the API's (auto).</summary>
        [Parameter]
        [ValidateOptionalSet(ParameterValues.ModerationLow, ParameterValues.ModerationAuto)]
        public string? Moderation { get; set; }

        /// <summary>How closely the image model keeps the input image's faces and logos: low or high, on image models that take it (not gpt-image-2). Default: the API's.</summary>
        [Parameter]
        [ValidateOptionalSet(ParameterValues.FidelityLow, ParameterValues.FidelityHigh)]
        public string? InputFidelity { get; set; }

        /// <summary>0 to 3 partial images streamed while each turn's image renders, shown in the progress bar (each adds about 100 output tokens). Default: none (no streaming).</summary>
        [Parameter]
        [ValidateRange(0, 3)]
        public int? PartialImages { get; set; }

        /// <summary>Sets the options typed on this command on <paramref name="request"/>, leaving the others as they are.</summary>
        internal void ApplyToolOptions(ConversationTurnRequest request)
        {
            request.Size = Size ?? request.Size;
            request.Quality = Quality?.ToLowerInvariant() ?? request.Quality;
            request.OutputFormat = OutputFormat?.ToLowerInvariant() ?? request.OutputFormat;
            request.Compression = Compression ?? request.Compression;
            request.Background = Background?.ToLowerInvariant() ?? request.Background;
            request.Moderation = Moderation?.ToLowerInvariant() ?? request.Moderation;
            request.InputFidelity = InputFidelity?.ToLowerInvariant() ?? request.InputFidelity;
            request.PartialImages = PartialImages ?? request.PartialImages;
        }
    }
}
