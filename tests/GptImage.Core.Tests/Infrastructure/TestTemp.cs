using System;
using System.IO;
using System.Threading;

namespace GptImage.Tests.Infrastructure
{
    /// <summary>
    /// Temp folders for tests, all under one folder owned by this test run. <see cref="CleanupTestFramework"/>
    /// deletes that folder after the assembly's last test, so runs leave nothing in the system temp folder.
    /// </summary>
    internal static class TestTemp
    {
        private static readonly Lazy<string> Root = new Lazy<string>(() =>
        {
            string root = Path.Combine(Path.GetTempPath(), "gptimage-tests", "run-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(root);
            return root;
        }, LazyThreadSafetyMode.ExecutionAndPublication);

        /// <summary>A fresh, empty folder for one test.</summary>
        public static string NewDirectory()
        {
            string path = Path.Combine(Root.Value, Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(path);
            return path;
        }

        /// <summary>Deletes this run's folder (and the shared parent once empty); nothing happens if no test made one.</summary>
        public static void DeleteRun()
        {
            if (!Root.IsValueCreated) return;
            try
            {
                Directory.Delete(Root.Value, recursive: true);
                string parent = Path.GetDirectoryName(Root.Value)!;
                if (Directory.Exists(parent) && Directory.GetFileSystemEntries(parent).Length == 0) Directory.Delete(parent);
            }
            catch (IOException) { }                 // another run is using or removed the parent meanwhile
            catch (UnauthorizedAccessException) { }
        }
    }
}
