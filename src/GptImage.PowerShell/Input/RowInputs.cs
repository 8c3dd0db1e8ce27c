using System;

namespace GptImage.Commands
{
    /// <summary>Which kinds of row a cmdlet takes: New-GptImage generations, Edit-GptImage edits, Measure and Submit both.</summary>
    [Flags]
    internal enum RowKinds
    {
        Generation = 1,
        Edit = 2,
        Either = Generation | Edit,
    }

    /// <summary>
    /// The record-level inputs typed on the command line, the same for every record of one invocation. A typed value
    /// wins over a row's column of the same name (as PowerShell's own binding by property name never rebinds a typed
    /// parameter); null means "not typed".
    /// </summary>
    internal sealed class RowInputs
    {
        public RowKinds Accepts { get; set; } = RowKinds.Either;

        /// <summary>-Template (its set only): a library template or a literal text, filled from the record's fields; a library
        /// template's request defaults apply to generations where neither the row nor the command line gave a value.</summary>
        public TemplateSelection? Template { get; set; }

        /// <summary>-Prompt as typed.</summary>
        public string? Prompt { get; set; }

        /// <summary>-Path or -LiteralPath as typed: every record is an edit of these images.</summary>
        public string[]? Paths { get; set; }

        /// <summary>The typed paths are -LiteralPath (no wildcards).</summary>
        public bool PathsAreLiteral { get; set; }

        public string? MaskPath { get; set; }

        public string? InputFidelity { get; set; }

        /// <summary>-KeepMetadata: upload the images with their EXIF, XMP, ICC profile and comments.</summary>
        public bool KeepMetadata { get; set; }

        /// <summary>-NoResize: refuse images over the model's limits instead of resizing them to fit.</summary>
        public bool NoResize { get; set; }

        /// <summary>-ResizeMask: resize the mask with an image that is resized to fit.</summary>
        public bool ResizeMask { get; set; }

        /// <summary>Edit-GptImage: a piped string names an image (unless paths were typed; then it is the prompt).</summary>
        public bool PipedTextIsPath { get; set; }
    }
}
