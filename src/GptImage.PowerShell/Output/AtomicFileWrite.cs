using System;
using System.IO;

namespace GptImage.Commands
{
    /// <summary>Writes a whole file or nothing: a temporary file in the same folder, then a rename over the target.</summary>
    internal static class AtomicFileWrite
    {
        public static void WriteAllBytes(string path, byte[] bytes, bool overwrite)
        {
            string folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
            Directory.CreateDirectory(folder);
            string temp = Path.Combine(folder, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
            try
            {
                File.WriteAllBytes(temp, bytes);
                if (File.Exists(path))
                {
                    if (!overwrite) throw new IOException($"'{path}' already exists; use -Force to replace it.");
                    File.Replace(temp, path, null);
                }
                else
                {
                    File.Move(temp, path);
                }
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
        }
    }
}
