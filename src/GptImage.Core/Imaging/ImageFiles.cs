using System;
using System.IO;

namespace GptImage.Imaging
{
    /// <summary>Opening image files and turning I/O failures into <see cref="GptImageImageException"/>, in one place.</summary>
    internal static class ImageFiles
    {
        public static FileStream OpenRead(string path)
        {
            try
            {
                return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                throw new GptImageImageException(ImageErrorIds.FileUnreadable, $"{ImageErrors.Describe(path)} cannot be opened: {e.Message}", path, e);
            }
        }

        /// <summary>Runs a read, letting our own errors through and naming the file on I/O errors.</summary>
        public static T Guard<T>(string? path, Func<T> read)
        {
            try
            {
                return read();
            }
            catch (IOException e)
            {
                throw new GptImageImageException(ImageErrorIds.FileUnreadable, $"{ImageErrors.Describe(path)} could not be read: {e.Message}", path, e);
            }
        }
    }
}
