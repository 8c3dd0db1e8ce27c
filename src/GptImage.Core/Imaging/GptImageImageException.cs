using System;

namespace GptImage
{
    /// <summary>
    /// An image or mask file that cannot be read: not PNG/JPEG/WebP, cut short, corrupt, or with absurd
    /// dimensions. <see cref="ErrorId"/> is one of <see cref="ImageErrorIds"/>; the message names the file.
    /// </summary>
    public sealed class GptImageImageException : Exception
    {
        public GptImageImageException(string errorId, string message, string? path = null, Exception? inner = null)
            : base(message, inner)
        {
            ErrorId = errorId;
            Path = path;
        }

        /// <summary>Stable id from <see cref="ImageErrorIds"/>.</summary>
        public string ErrorId { get; }

        /// <summary>The file that was being read, when there was one.</summary>
        public string? Path { get; }
    }
}
