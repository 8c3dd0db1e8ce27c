using System;
using System.IO;

namespace GptImage.Orchestration
{
    /// <summary>
    /// Checks, before the first paid request, that a folder the run will write into can really be written: it
    /// creates the folder and writes and deletes a small file there. A folder that is a file, lies under a
    /// file, is read-only or sits on a full disk fails here, before anything is spent.
    /// </summary>
    internal static class WriteProbe
    {
        /// <summary>Throws GptImageBatchException GptImage.WriteFailed naming <paramref name="parameter"/> when <paramref name="directory"/> cannot be written.</summary>
        public static void Check(string directory, string parameter)
        {
            string full = Path.GetFullPath(directory);
            // A temporary name: if the process dies right here, the next run's sweep removes it.
            string probe = Path.Combine(full, TempFileName.New(ProcessLiveness.CurrentProcessId));
            try
            {
                Directory.CreateDirectory(full);
                using (var stream = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
                {
                    stream.WriteByte(0);
                    stream.Flush(flushToDisk: true);
                }
            }
            catch (Exception e) when (WriteFailure.IsWriteError(e))
            {
                throw new GptImageBatchException(ErrorIds.WriteFailed,
                    $"The folder '{full}' (-{parameter}) cannot be written: {e.Message} Nothing was sent; choose a folder that can be written.", e) { Path = full };
            }
            finally
            {
                try { if (File.Exists(probe)) File.Delete(probe); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        }
    }
}
