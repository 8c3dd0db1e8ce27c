using System;
using System.IO;

namespace GptImage.Orchestration
{
    /// <summary>Writes one result's image under a root folder by layout and name template, then releases its bytes.</summary>
    internal static class ImageFileWriter
    {
        /// <summary>
        /// Sets Path (and Sha256), clears Bytes. Throws GptImageBatchException: GptImage.FileExists, GptImage.DuplicateFileName
        /// (another row of this run, per <paramref name="claims"/>, wrote that name) or GptImage.WriteFailed (the file system refused;
        /// <paramref name="keptIn"/> says where the image is still kept). Bytes and Path are left as they were on any failure.
        /// </summary>
        public static WriteOutcome Write(GptImageResult result, string root, string? template, FileLayout layout, bool force, PathClaims? claims = null, string? keptIn = null)
        {
            byte[] bytes = result.Bytes ?? throw new InvalidOperationException("The result holds no image bytes to write.");
            result.Sha256 ??= AtomicFile.Sha256Hex(bytes);
            string folder = FileNamer.Folder(layout, result);
            string directory = folder.Length == 0 ? root : Path.Combine(root, folder);
            string path = Path.GetFullPath(Path.Combine(directory, FileNamer.Name(template, result)));
            claims?.Take(path, result.Sha256, result.RowNumber, result.Index);
            WriteOutcome outcome;
            try
            {
                outcome = AtomicFile.Write(path, bytes, force);
            }
            catch (Exception e) when (WriteFailure.IsWriteError(e))
            {
                throw WriteFailure.For(path, e, keptIn);
            }
            result.Path = path;
            result.Bytes = null;
            return outcome;
        }
    }
}
