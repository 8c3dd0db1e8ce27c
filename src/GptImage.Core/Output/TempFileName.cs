using System;

namespace GptImage.Orchestration
{
    /// <summary>
    /// The one form of this module's temporary file names: <c>.gptimage-tmp-&lt;process id&gt;-&lt;32 hex&gt;.tmp</c>.
    /// The sweep deletes only names of exactly this form, so a user's file that merely starts the same way is never taken
    /// for one (and FileNamer keeps user-given names from starting that way at all).
    /// </summary>
    internal static class TempFileName
    {
        public const string Prefix = ".gptimage-tmp-";
        private const string Suffix = ".tmp";
        private const int GuidHexLength = 32;

        public static string New(int processId) => Prefix + processId + "-" + Guid.NewGuid().ToString("N") + Suffix;

        /// <summary>True when <paramref name="fileName"/> has exactly the form <see cref="New"/> makes; gives the writer's process id.</summary>
        public static bool TryParse(string fileName, out int processId)
        {
            processId = 0;
            if (!fileName.StartsWith(Prefix, StringComparison.Ordinal) || !fileName.EndsWith(Suffix, StringComparison.Ordinal)) return false;
            string middle = fileName.Substring(Prefix.Length, fileName.Length - Prefix.Length - Suffix.Length);
            int dash = middle.IndexOf('-');
            if (dash < 1 || middle.Length - dash - 1 != GuidHexLength) return false;
            for (int i = 0; i < dash; i++) if (middle[i] < '0' || middle[i] > '9') return false;
            for (int i = dash + 1; i < middle.Length; i++)
                if (!((middle[i] >= '0' && middle[i] <= '9') || (middle[i] >= 'a' && middle[i] <= 'f'))) return false;
            return int.TryParse(middle.Substring(0, dash), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out processId);
        }

        /// <summary>True when a name could be mistaken for a temporary one on any file system (Windows ignores case).</summary>
        public static bool LooksLikeOne(string fileName) => fileName.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);
    }
}
