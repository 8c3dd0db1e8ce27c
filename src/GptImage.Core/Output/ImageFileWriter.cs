using System.IO;

namespace GptImage.Orchestration
{
    /// <summary>Writes one result's image under a root folder by layout and name template, then releases its bytes.</summary>
    internal static class ImageFileWriter
    {
        /// <summary>Sets Path (and Sha256), clears Bytes. Throws GptImageBatchException (GptImage.FileExists).</summary>
        public static WriteOutcome Write(GptImageResult result, string root, string? template, FileLayout layout, bool force)
        {
            byte[] bytes = result.Bytes ?? throw new System.InvalidOperationException("The result holds no image bytes to write.");
            result.Sha256 ??= AtomicFile.Sha256Hex(bytes);
            string folder = FileNamer.Folder(layout, result);
            string directory = folder.Length == 0 ? root : Path.Combine(root, folder);
            string path = Path.GetFullPath(Path.Combine(directory, FileNamer.Name(template, result)));
            WriteOutcome outcome = AtomicFile.Write(path, bytes, force);
            result.Path = path;
            result.Bytes = null;
            return outcome;
        }
    }
}
