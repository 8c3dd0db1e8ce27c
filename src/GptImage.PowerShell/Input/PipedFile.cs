using System.IO;

namespace GptImage.Commands
{
    /// <summary>
    /// A file piped into the prompt parameter set of a cmdlet that also takes edits (Submit-GptImageBatchJob,
    /// Measure-GptImageCost). PowerShell binds the record to -InputObject in the default (Prompt) set first and then
    /// latches on to that set, so `Get-ChildItem *.png | Submit-GptImageBatchJob -Prompt '...'` never reaches the
    /// LiteralPath set by PSPath; the cmdlet recognises the file here and makes the row the edit the user meant.
    /// Edit-GptImage uses it too: there the file reaches -Path only through its ToString(), which Windows PowerShell
    /// can render as the bare file name.
    /// </summary>
    internal static class PipedFile
    {
        /// <summary>The full path of a piped file (FileInfo), else null (strings, CSV rows, folders).</summary>
        public static string? PathOf(object? pipedBaseObject) => pipedBaseObject is FileInfo file ? file.FullName : null;
    }
}
