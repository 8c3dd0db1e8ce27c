using System;

namespace GptImage.Emulator.Responses
{
    /// <summary>
    /// Thrown on purpose after part of a response was sent (TruncateBody): Kestrel then closes the connection
    /// after the sent bytes, which is exactly the fault to emulate. The server's logging is off, so it stays quiet.
    /// </summary>
    internal sealed class ResponseCutShortException : Exception
    {
        public ResponseCutShortException() : base("The emulator cut this response short on purpose (TruncateBody fault).") { }
    }
}
