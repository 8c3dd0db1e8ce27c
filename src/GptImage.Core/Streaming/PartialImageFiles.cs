using System;
using System.Globalization;
using System.IO;
using GptImage.Orchestration;

namespace GptImage.Streaming
{
    /// <summary>Where -SavePartial puts partial images: &lt;folder&gt;/partial/row-000012-partial-1.png (atomic writes; a rerun replaces them).</summary>
    public static class PartialImageFiles
    {
        public const string SubFolder = "partial";

        public static string PathFor(string folder, int rowNumber, PartialImage partial)
        {
            if (partial is null) throw new ArgumentNullException(nameof(partial));
            string name = string.Format(CultureInfo.InvariantCulture, "row-{0:D6}-partial-{1}{2}", rowNumber, partial.PartialImageIndex, FileNamer.Extension(partial.Format));
            return Path.Combine(folder, SubFolder, name);
        }

        /// <summary>Writes the partial image and returns its path.</summary>
        public static string Save(string folder, int rowNumber, PartialImage partial)
        {
            string path = PathFor(folder, rowNumber, partial);
            AtomicFile.Write(path, partial.Bytes, overwrite: true);
            return path;
        }
    }
}
