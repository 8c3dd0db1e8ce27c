using System;
using System.Collections.Concurrent;

namespace GptImage.Orchestration
{
    /// <summary>
    /// The files one run has written, so that two rows of the run never write the same path: -Force replaces
    /// files left by earlier runs, never another row's image of this run. Names are compared ignoring case,
    /// because on Windows and macOS names that differ only in case are one file. The same image again (an
    /// identical row) may be written to the same name.
    /// </summary>
    internal sealed class PathClaims
    {
        private readonly ConcurrentDictionary<string, Claim> _claims = new ConcurrentDictionary<string, Claim>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Claims <paramref name="path"/> for a row's image; throws GptImage.DuplicateFileName when another row of this run wrote another image there.</summary>
        public void Take(string path, string sha256, int row, int index)
        {
            Claim first = _claims.GetOrAdd(path, new Claim(row, index, sha256));
            if (first.Sha256 == sha256) return;
            throw new GptImageBatchException(ErrorIds.DuplicateFileName,
                $"Row {row} image {index} would be written to '{path}', where row {first.Row} image {first.Index} of this run already wrote a different image. "
                + "Two rows of one run never write the same file, with or without -Force: give -FileName a part that differs per row, such as {Row} or {Hash}.")
            { Path = path };
        }

        private sealed class Claim
        {
            public Claim(int row, int index, string sha256)
            {
                Row = row;
                Index = index;
                Sha256 = sha256;
            }

            public int Row { get; }
            public int Index { get; }
            public string Sha256 { get; }
        }
    }
}
