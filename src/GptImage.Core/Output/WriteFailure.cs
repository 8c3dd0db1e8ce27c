using System;
using System.IO;

namespace GptImage.Orchestration
{
    /// <summary>
    /// A file or folder that could not be written (a full disk, no access, a file where a folder should be) as
    /// the one error id GptImage.WriteFailed, naming the path, the reason and, for a paid image, where it is kept.
    /// </summary>
    internal static class WriteFailure
    {
        /// <summary>The exceptions the file system throws when a write is refused.</summary>
        public static bool IsWriteError(Exception e) => e is IOException || e is UnauthorizedAccessException;

        public static GptImageBatchException For(string path, Exception cause, string? keptIn = null) =>
            new GptImageBatchException(ErrorIds.WriteFailed, $"'{path}' could not be written: {cause.Message}" + (keptIn ?? string.Empty), cause) { Path = path };
    }
}
