using System;
using System.Runtime.InteropServices;
using System.Security;

namespace GptImage.Commands
{
    /// <summary>Turns a SecureString into text at the last moment (building the client), and zeroes the unmanaged copy.</summary>
    internal static class SecureStringText
    {
        public static string? Reveal(SecureString? secure)
        {
            if (secure is null || secure.Length == 0) return null;
            IntPtr buffer = IntPtr.Zero;
            try
            {
                buffer = Marshal.SecureStringToGlobalAllocUnicode(secure);
                return Marshal.PtrToStringUni(buffer);
            }
            finally
            {
                if (buffer != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(buffer);
            }
        }
    }
}
