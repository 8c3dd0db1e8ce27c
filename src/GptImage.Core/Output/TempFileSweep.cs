using System;
using System.Collections.Generic;
using System.IO;

namespace GptImage.Orchestration
{
    /// <summary>
    /// Deletes temporary files a killed run left behind, and nothing else: only names of <see cref="TempFileName"/>'s
    /// exact form whose writing process no longer runs, only in a folder the module writes and its direct subfolders
    /// (layout folders, cache shards), never through a symbolic link or junction, and a folder it may not read is
    /// passed over: a sweep is housekeeping and must never end a run.
    /// </summary>
    public static class TempFileSweep
    {
        /// <summary>Sweeps <paramref name="directory"/> and its direct subfolders; returns how many files were deleted.</summary>
        public static int RemoveOrphans(string directory) => RemoveOrphans(directory, folder => folder.EnumerateFileSystemInfos());

        /// <summary>The sweep with the folder listing supplied (tests make it fail as an unreadable folder would).</summary>
        internal static int RemoveOrphans(string directory, Func<DirectoryInfo, IEnumerable<FileSystemInfo>> list)
        {
            var root = new DirectoryInfo(directory);
            if (!root.Exists) return 0;
            int removed = 0;
            foreach (FileSystemInfo entry in Entries(root, list))
            {
                if (IsLink(entry)) continue;
                if (entry is DirectoryInfo sub)
                {
                    foreach (FileSystemInfo inner in Entries(sub, list))
                        if (inner is FileInfo file && !IsLink(file) && TryRemove(file)) removed++;
                }
                else if (entry is FileInfo file && TryRemove(file)) removed++;
            }
            return removed;
        }

        // Listed in full before anything is deleted; an unreadable or vanished folder lists as empty.
        private static List<FileSystemInfo> Entries(DirectoryInfo folder, Func<DirectoryInfo, IEnumerable<FileSystemInfo>> list)
        {
            try { return new List<FileSystemInfo>(list(folder)); }
            catch (Exception e) when (e is UnauthorizedAccessException || e is IOException || e is System.Security.SecurityException) { return new List<FileSystemInfo>(); }
        }

        // .NET reports symbolic links (and Windows junctions) as reparse points on every platform.
        private static bool IsLink(FileSystemInfo entry) => (entry.Attributes & FileAttributes.ReparsePoint) != 0;

        private static bool TryRemove(FileInfo file)
        {
            if (!TempFileName.TryParse(file.Name, out int pid) || ProcessLiveness.IsRunning(pid)) return false;
            try
            {
                file.Delete();
                return true;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException) { return false; }
        }
    }
}
