using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;

namespace GptImage.Orchestration
{
    /// <summary>
    /// A lock file per request key beside its cache entry (&lt;key&gt;.lock): the process holding it is requesting that
    /// answer, so another run sharing the cache folder waits for the entry instead of paying for it again. The file
    /// holds the owner's machine and process id, and its write time is a heartbeat renewed while the request runs:
    /// a lock whose process is gone (on this machine) or whose heartbeat stopped is stale and taken over.
    /// </summary>
    internal sealed class RequestLock : IDisposable
    {
        /// <summary>How often the owner renews the heartbeat.</summary>
        public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(10);

        /// <summary>A heartbeat older than this is a dead owner's, wherever it ran.</summary>
        public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(60);

        private readonly string _path;
        private readonly Timer _heartbeat;
        private int _released;

        private RequestLock(string path)
        {
            _path = path;
            _heartbeat = new Timer(_ => Touch(), null, HeartbeatInterval, HeartbeatInterval);
        }

        /// <summary>Takes the lock, or returns null while another live process holds it. A stale lock is taken over.</summary>
        public static RequestLock? TryTake(string path)
        {
            for (int attempt = 0; attempt < 2; attempt++)
            {
                try
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read))
                    {
                        byte[] owner = Encoding.UTF8.GetBytes(Environment.MachineName + "\n" + ProcessLiveness.CurrentProcessId.ToString(CultureInfo.InvariantCulture) + "\n");
                        stream.Write(owner, 0, owner.Length);
                    }
                    return new RequestLock(path);
                }
                catch (IOException) when (File.Exists(path))
                {
                    if (!IsStale(path)) return null;
                    // Moved aside rather than deleted: of two processes taking over the same stale lock, only one moves it.
                    try { File.Move(path, path + "." + Guid.NewGuid().ToString("N") + ".stale"); } catch (IOException) { }
                    TryDelete(StaleCopies(path));
                }
            }
            return null;
        }

        /// <summary>True when the lock's owner is gone: its process has ended (same machine), or its heartbeat stopped.</summary>
        public static bool IsStale(string path)
        {
            try
            {
                DateTime beat = File.GetLastWriteTimeUtc(path);
                if (beat == DateTime.FromFileTimeUtc(0)) return false;   // gone meanwhile: free, not stale
                if (DateTime.UtcNow - beat > StaleAfter) return true;
                string[] owner = File.ReadAllText(path).Split('\n');
                return owner.Length >= 2 && owner[0] == Environment.MachineName
                    && int.TryParse(owner[1], NumberStyles.None, CultureInfo.InvariantCulture, out int pid) && !ProcessLiveness.IsRunning(pid);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return false;   // being written or removed right now: look again later
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 1) return;
            _heartbeat.Dispose();
            try { File.Delete(_path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }

        private void Touch()
        {
            if (Volatile.Read(ref _released) == 1) return;
            try { File.SetLastWriteTimeUtc(_path, DateTime.UtcNow); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }

        private static string[] StaleCopies(string path)
        {
            try { return Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + ".*.stale"); }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException) { return new string[0]; }
        }

        private static void TryDelete(string[] files)
        {
            foreach (string file in files)
                try { File.Delete(file); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
