using System;
using System.Collections.Generic;
using System.Linq;

namespace GptImage
{
    /// <summary>One finding about a mask: a stable id (from <see cref="ImageErrorIds"/>) and a sentence on what to do.</summary>
    public sealed class MaskProblem
    {
        public MaskProblem(string id, string message)
        {
            Id = id;
            Message = message;
        }

        public string Id { get; }
        public string Message { get; }

        public override string ToString() => $"{Id}: {Message}";
    }

    /// <summary>
    /// Everything <see cref="MaskValidator"/> found about a mask and its image: every problem (not only the
    /// first), warnings, sizes and the share and bounds of the edit (fully transparent) region.
    /// </summary>
    public sealed class MaskReport
    {
        public string MaskPath { get; init; } = string.Empty;
        public string ImagePath { get; init; } = string.Empty;

        /// <summary>The model whose limits were applied.</summary>
        public string Model { get; init; } = string.Empty;

        /// <summary>True when there are no problems (warnings do not count).</summary>
        public bool IsValid => Problems.Count == 0;

        private readonly IReadOnlyList<MaskProblem> _problems = new ReadableList<MaskProblem>(Array.Empty<MaskProblem>());
        private readonly IReadOnlyList<MaskProblem> _warnings = new ReadableList<MaskProblem>(Array.Empty<MaskProblem>());

        /// <summary>Each problem; as one Export-Csv cell they read "id: message; id: message".</summary>
        public IReadOnlyList<MaskProblem> Problems { get => _problems; init => _problems = new ReadableList<MaskProblem>(value.ToList()); }

        /// <summary>Findings that do not stop the edit, in the same form as <see cref="Problems"/>.</summary>
        public IReadOnlyList<MaskProblem> Warnings { get => _warnings; init => _warnings = new ReadableList<MaskProblem>(value.ToList()); }

        /// <summary>The mask's pixel size (0 when its header could not be read).</summary>
        public int Width { get; init; }
        public int Height { get; init; }

        /// <summary>The first image's pixel size (0 when it could not be read).</summary>
        public int ImageWidth { get; init; }
        public int ImageHeight { get; init; }

        /// <summary>"png", "jpeg" or "webp"; null when unreadable.</summary>
        public string? MaskFormat { get; init; }
        public string? ImageFormat { get; init; }

        /// <summary>File sizes in bytes (0 when the file could not be opened).</summary>
        public long MaskBytes { get; init; }
        public long ImageBytes { get; init; }

        /// <summary>The limits applied, from the model capability table.</summary>
        public long MaxMaskBytes { get; init; }
        public long MaxImageBytes { get; init; }

        /// <summary>Pixels with alpha 0 (the area the model redraws); null when the mask's pixels could not be read.</summary>
        public long? TransparentPixels { get; init; }

        /// <summary>Share of pixels with alpha 0, from 0 to 100; null when the mask's pixels could not be read.</summary>
        public double? TransparentPercent { get; init; }

        /// <summary>Smallest rectangle holding every alpha-0 pixel; null when there is none or the pixels were unreadable.</summary>
        public MaskRectangle? EditBounds { get; init; }

        public bool HasProblem(string id) => Problems.Any(p => p.Id == id);

        /// <summary>
        /// For pre-flight checks: null when valid, otherwise the error to throw before any upload, naming
        /// <paramref name="parameterName"/> and listing every problem with its id (users and scripts match on
        /// the id). Id <see cref="ErrorIds.MaskMismatch"/> when the only problem is the pixel size,
        /// <see cref="ErrorIds.InvalidMask"/> otherwise.
        /// </summary>
        public GptImageValidationException? ToValidationError(string parameterName = "MaskPath")
        {
            if (IsValid) return null;
            bool onlySize = Problems.All(p => p.Id == ImageErrorIds.MaskSizeMismatch);
            return new GptImageValidationException(onlySize ? ErrorIds.MaskMismatch : ErrorIds.InvalidMask, parameterName, MaskPath,
                string.Join(" ", Problems.Select(p => p.ToString())));
        }

        public override string ToString() => IsValid
            ? $"Mask '{MaskPath}' is valid: {Width}x{Height}, {TransparentPercent:0.##}% to edit"
            : $"Mask '{MaskPath}' has {Problems.Count} problem(s): " + string.Join(" ", Problems.Select(p => p.Message));
    }
}
