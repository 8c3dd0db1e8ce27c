using System;

namespace GptImage.Wire
{
    /// <summary>A 2xx answer whose body could not be read as an images response; the client retries it, then reports InvalidResponse.</summary>
    internal sealed class InvalidResponseException : Exception
    {
        public InvalidResponseException(string message, Exception? inner = null) : base(message, inner) { }
    }
}
