using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using GptImage.Orchestration;

namespace GptImage.Commands
{
    /// <summary>
    /// One object that came down the pipeline, and what it may decide. The module's cmdlets bind nothing from a
    /// piped object but the object itself (-InputObject), so PowerShell can never drop a record over a cell it
    /// cannot convert, and this class is the one rule for what the object says:
    /// <list type="bullet">
    /// <item>a row (an Import-Csv row, a [pscustomobject], Select-Object output, a hashtable): its columns are per-row
    /// values (Prompt, Path, Size, Count...), blank cells meaning "not given";</item>
    /// <item>a file (Get-ChildItem, Get-Item): an image, and nothing else. Its own properties (on Linux and macOS
    /// Size, User, Group, UnixMode) are never request parameters;</item>
    /// <item>a string: a prompt (or, for Edit-GptImage, a path);</item>
    /// <item>any other object (a New-GptImage result): its Path, when it has one, is an image.</item>
    /// </list>
    /// Every kind also gives its properties as <see cref="Fields"/> for -Template, -FileName and the manifest.
    /// </summary>
    internal sealed class PipelineRecord
    {
        private PipelineRecord(object? source, IReadOnlyDictionary<string, string?> fields, bool isRow, string? text, string? filePath, string? objectPath)
        {
            Source = source;
            Fields = fields;
            IsRow = isRow;
            Text = text;
            FilePath = filePath;
            ObjectPath = objectPath;
        }

        /// <summary>The piped object as it came (each error's TargetObject); null when nothing was piped.</summary>
        public object? Source { get; }

        /// <summary>The object's properties as text (see <see cref="SourceFieldReader"/>).</summary>
        public IReadOnlyDictionary<string, string?> Fields { get; }

        /// <summary>A row whose columns are per-row values.</summary>
        public bool IsRow { get; }

        /// <summary>A piped string (or number), else null.</summary>
        public string? Text { get; }

        /// <summary>The full path of a piped file, else null.</summary>
        public string? FilePath { get; }

        /// <summary>The Path property of an object that is neither a row, a file nor a string (a New-GptImage result), else null.</summary>
        public string? ObjectPath { get; }

        /// <summary>A piped New-GptImage/Edit-GptImage result of a row that failed or did not run upstream (its error is already reported), else null.</summary>
        public GptImageResult? UpstreamFailure =>
            (Source as PSObject)?.BaseObject is GptImageResult { Status: GptImageResult.StatusFailed or GptImageResult.StatusNotRun } failed ? failed : null;

        /// <summary>What names the record better than its row number in a message (a file's name), else null.</summary>
        public string? Label => FilePath is null ? null : System.IO.Path.GetFileName(FilePath);

        /// <summary>What <paramref name="input"/> (the bound -InputObject, or a bare object) is.</summary>
        public static PipelineRecord Read(object? input)
        {
            object? baseObject = input is PSObject wrapped ? wrapped.BaseObject : input;
            IReadOnlyDictionary<string, string?> fields = SourceFieldReader.Read(input);
            switch (baseObject)
            {
                case null:
                    return new PipelineRecord(null, fields, false, null, null, null);
                case FileInfo file:
                    return new PipelineRecord(input, fields, false, null, file.FullName, null);
                case string text:
                    return new PipelineRecord(input, fields, false, text, null, null);
                case PSCustomObject _:
                case IDictionary _:
                    return new PipelineRecord(input, fields, true, null, null, null);
            }
            if (baseObject.GetType().IsPrimitive || baseObject is decimal)
                return new PipelineRecord(input, fields, false, Convert.ToString(baseObject, System.Globalization.CultureInfo.InvariantCulture), null, null);
            FieldLookup.TryGet(fields, "Path", out string? path);
            return new PipelineRecord(input, fields, false, null, null, RowCells.Text(path));
        }

        /// <summary>
        /// The first of <paramref name="names"/> that is a column of this row: true with its name and its value (null
        /// when the cell is blank); false when the record is not a row or has none of them.
        /// </summary>
        public bool TryColumn(IEnumerable<string> names, out string column, out string? value)
        {
            if (IsRow)
            {
                foreach (string name in names)
                {
                    foreach (KeyValuePair<string, string?> cell in Fields)
                    {
                        if (!string.Equals(cell.Key, name, StringComparison.OrdinalIgnoreCase)) continue;
                        column = cell.Key; // as the row spells it, for messages
                        value = RowCells.Text(cell.Value);
                        return true;
                    }
                }
            }
            column = string.Empty;
            value = null;
            return false;
        }
    }
}
