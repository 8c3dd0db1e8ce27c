namespace GptImage.Tests.Infrastructure
{
    /// <summary>A fresh folder under the temp directory for one test (or one test class), deleted on dispose.</summary>
    public class TempFolder : IDisposable
    {
        public TempFolder(string prefix = "gptimage-tests")
        {
            Folder = Path.Combine(Path.GetTempPath(), prefix + "-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Folder);
        }

        public string Folder { get; }

        /// <summary>Writes <paramref name="bytes"/> to <paramref name="name"/> in the folder and returns the full path.</summary>
        public string Write(string name, byte[] bytes)
        {
            string path = Path.Combine(Folder, name);
            File.WriteAllBytes(path, bytes);
            return path;
        }

        /// <summary>A <see cref="TestImages.PngBytes"/> file: opaque grey, or fully transparent.</summary>
        public string Png(string name, int width = 64, int height = 64, bool transparent = false) =>
            Write(name, TestImages.PngBytes(width, height, transparent));

        public void Dispose()
        {
            // A file still open in a failed test must not turn the cleanup into a second failure.
            try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
