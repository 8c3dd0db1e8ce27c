using System;
using System.IO;
using System.Security.Cryptography;

namespace GptImage.Orchestration
{
    /// <summary>What <see cref="AtomicFile.Write"/> did.</summary>
    public enum WriteOutcome { Created, Replaced, AlreadyPresent }

    /// <summary>
    /// Writes whole files so that a reader (or a rerun after a crash) sees either nothing or the complete
    /// file: the bytes go to a temporary file in the same folder, are flushed to disk, and the temporary file
    /// is renamed over the final name. Never overwrites a different file unless asked to.
    /// </summary>
    public static class AtomicFile
    {
        /// <summary>Prefix of temporary files, so cleanup and tests can recognise them.</summary>
        public const string TempPrefix = TempFileName.Prefix;

        /// <summary>
        /// Writes <paramref name="bytes"/> to <paramref name="path"/>. An existing file with the same bytes is left
        /// alone (a rerun is not a clobber); one with other bytes is replaced only when <paramref name="overwrite"/>,
        /// otherwise GptImageBatchException GptImage.FileExists.
        /// </summary>
        public static WriteOutcome Write(string path, byte[] bytes, bool overwrite)
        {
            if (path is null) throw new ArgumentNullException(nameof(path));
            if (bytes is null) throw new ArgumentNullException(nameof(bytes));
            string full = Path.GetFullPath(path);
            string directory = Path.GetDirectoryName(full)!;
            Directory.CreateDirectory(directory);

            if (File.Exists(full))
            {
                if (SameContent(full, bytes)) return WriteOutcome.AlreadyPresent;
                if (!overwrite) throw Exists(full);
            }

            string temp = Path.Combine(directory, TempFileName.New(ProcessLiveness.CurrentProcessId));
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.None))
                {
                    stream.Write(bytes, 0, bytes.Length);
                    stream.Flush(flushToDisk: true);
                }
                // Without overwrite, always go through File.Move, which refuses an existing name: a file another
                // writer created after the check above must be judged, never replaced.
                if (!overwrite || !File.Exists(full))
                {
                    try
                    {
                        File.Move(temp, full);
                        return WriteOutcome.Created;
                    }
                    catch (IOException) when (File.Exists(full))
                    {
                        // Another writer won the race for the name: judge its file like any existing one.
                        if (SameContent(full, bytes)) return WriteOutcome.AlreadyPresent;
                        if (!overwrite) throw Exists(full);
                    }
                }
                File.Replace(temp, full, null);
                return WriteOutcome.Replaced;
            }
            finally
            {
                if (File.Exists(temp)) TryDelete(temp);
            }
        }

        /// <summary>
        /// Throws GptImage.FileExists where <see cref="Write"/> would: <paramref name="path"/> holds other bytes and
        /// <paramref name="overwrite"/> is false. Lets a caller that writes several files check them all before the first.
        /// </summary>
        public static void ThrowIfOccupied(string path, byte[] bytes, bool overwrite)
        {
            string full = Path.GetFullPath(path);
            if (!overwrite && File.Exists(full) && !SameContent(full, bytes)) throw Exists(full);
        }

        /// <summary>
        /// Deletes temporary files a killed writer left in <paramref name="directory"/> and its direct subfolders
        /// (see <see cref="TempFileSweep"/>). Temporary names carry the writer's process id, so files of a live concurrent run are kept.
        /// </summary>
        public static int RemoveOrphanedTemps(string directory) => TempFileSweep.RemoveOrphans(directory);

        /// <summary>Lower-case hex SHA-256.</summary>
        public static string Sha256Hex(byte[] bytes)
        {
            using var sha = SHA256.Create();
            return ToHex(sha.ComputeHash(bytes));
        }

        public static string Sha256Hex(Stream stream)
        {
            using var sha = SHA256.Create();
            return ToHex(sha.ComputeHash(stream));
        }

        internal static string ToHex(byte[] hash)
        {
            var chars = new char[hash.Length * 2];
            const string digits = "0123456789abcdef";
            for (int i = 0; i < hash.Length; i++)
            {
                chars[2 * i] = digits[hash[i] >> 4];
                chars[2 * i + 1] = digits[hash[i] & 15];
            }
            return new string(chars);
        }

        private static bool SameContent(string path, byte[] bytes)
        {
            var info = new FileInfo(path);
            if (info.Length != bytes.LongLength) return false;
            using var stream = File.OpenRead(path);
            return Sha256Hex(stream) == Sha256Hex(bytes);
        }

        private static GptImageBatchException Exists(string path) =>
            new GptImageBatchException(ErrorIds.FileExists,
                $"The file '{path}' already exists with other content. Use -Force to replace it, or another -FileName template.")
            { Path = path };

        private static void TryDelete(string path)
        {
            try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
