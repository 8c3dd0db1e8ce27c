using System;
using System.Collections.Generic;
using System.Linq;
using GptImage.Orchestration;

namespace GptImage.Commands
{
    /// <summary>
    /// Builds and checks the request of one pipeline record, the same way for every cmdlet: whether the record is
    /// an edit (it names an image) or a generation, its images and mask, its prompt and its request options, each
    /// taken from what was typed or else from the record (see <see cref="PipelineRecord"/>). A broken rule is a
    /// GptImageValidationException told as the row's, naming the column when the value came from a cell.
    /// </summary>
    internal static class RowRequestBuilder
    {
        private static readonly string[] PromptColumns = { "Prompt", "Description", "Text" };
        private static readonly string[] PathColumns = { "Path" };
        private static readonly string[] LiteralPathColumns = { "LiteralPath", "PSPath", "FullName" };
        private static readonly string[] MaskColumns = { "MaskPath" };
        private static readonly string[] FidelityColumns = { "InputFidelity" };

        /// <summary>
        /// The checked request. Throws GptImageValidationException (with the row), GptImageImageException, or a
        /// path-resolution error (see <see cref="FileSystemPaths.IsResolutionError"/>) for the caller to report as the row's.
        /// </summary>
        public static ImageGenerationRequest Build(ImageRequestCmdlet cmdlet, RowInputs inputs, PipelineRecord record, int row,
            Action<ImageGenerationRequest>? complete = null)
        {
            // Which parameter came from which column, so an error about it can name the column.
            var columns = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            try
            {
                IReadOnlyList<string>? images = Images(cmdlet, inputs, record, columns, out string? shownPath);
                RequireAccepted(inputs.Accepts, images != null, shownPath);
                ImageGenerationRequest request = images is null ? new ImageGenerationRequest() : EditOf(cmdlet, inputs, record, columns, images);
                cmdlet.ApplyRequestOptions(request, record, columns);
                request.Prompt = Prompt(inputs, record, columns);
                if (images is null) inputs.Template?.ApplyDefaults(request);
                complete?.Invoke(request);
                foreach (string warning in Preflight.Check(request, DateTime.UtcNow)) cmdlet.WarnOnce(warning);
                return request;
            }
            catch (GptImageValidationException e) when (e.RowNumber is null)
            {
                columns.TryGetValue(e.ParamName ?? string.Empty, out string? column);
                throw e.InRow(row, column, record.Label);
            }
        }

        /// <summary>The images the record names, or null when it names none (a generation).</summary>
        private static IReadOnlyList<string>? Images(ImageRequestCmdlet cmdlet, RowInputs inputs, PipelineRecord record,
            IDictionary<string, string> columns, out string? shown)
        {
            shown = null;
            if (inputs.Paths is { Length: > 0 } typed)
            {
                shown = string.Join(", ", typed);
                return typed.SelectMany(p => Resolve(cmdlet, p, inputs.PathsAreLiteral)).ToList();
            }
            if (record.FilePath != null) return new[] { shown = record.FilePath };
            if (record.Text != null && inputs.PipedTextIsPath) return Resolve(cmdlet, shown = record.Text, literal: false);
            if (record.TryColumn(PathColumns, out string column, out string? path))
            {
                columns["Path"] = column;
                if (path != null) return Resolve(cmdlet, shown = path, literal: false);
            }
            if (record.TryColumn(LiteralPathColumns, out column, out path) && path != null)
            {
                columns["Path"] = column;
                return Resolve(cmdlet, shown = path, literal: true);
            }
            if (record.ObjectPath != null) return new[] { shown = FileSystemPaths.ResolveLiteral(cmdlet, record.ObjectPath) };
            return null;
        }

        private static IReadOnlyList<string> Resolve(ImageRequestCmdlet cmdlet, string path, bool literal) =>
            literal ? new[] { FileSystemPaths.ResolveLiteral(cmdlet, path) } : FileSystemPaths.ResolveWildcards(cmdlet, path);

        private static ImageEditRequest EditOf(ImageRequestCmdlet cmdlet, RowInputs inputs, PipelineRecord record,
            IDictionary<string, string> columns, IReadOnlyList<string> images)
        {
            var edit = new ImageEditRequest();
            foreach (string image in images) edit.Images.Add(image);
            string? mask = Typed(inputs.MaskPath) ?? Cell(record, MaskColumns, "MaskPath", columns);
            if (mask != null) edit.MaskPath = FileSystemPaths.ResolveLiteral(cmdlet, mask);
            edit.InputFidelity = (Typed(inputs.InputFidelity) ?? Cell(record, FidelityColumns, "InputFidelity", columns))?.ToLowerInvariant();
            edit.KeepMetadata = inputs.KeepMetadata;
            edit.NoResize = inputs.NoResize;
            edit.ResizeMask = inputs.ResizeMask;
            return edit;
        }

        private static void RequireAccepted(RowKinds accepts, bool isEdit, string? shownPath)
        {
            if (isEdit && (accepts & RowKinds.Edit) == 0)
                throw new GptImageValidationException(ErrorIds.WrongRowKind, "Path", shownPath,
                    "New-GptImage makes images from text, and a record that names an image (a piped file, a Path column) is an edit: pipe it to Edit-GptImage, or drop the column.");
            if (!isEdit && (accepts & RowKinds.Generation) == 0)
                throw new GptImageValidationException(ErrorIds.WrongRowKind, "Path", shownPath,
                    "Edit-GptImage needs an image: pass -Path or -LiteralPath, pipe files (Get-ChildItem), or give each row a Path column.");
        }

        internal static string Prompt(RowInputs inputs, PipelineRecord record, IDictionary<string, string> columns)
        {
            if (inputs.Template != null) return inputs.Template.Fill(record.Fields);
            if (inputs.Prompt != null) return inputs.Prompt;
            bool textIsPath = inputs.PipedTextIsPath && inputs.Paths is null;
            if (record.Text != null && !textIsPath) return record.Text;
            if (record.TryColumn(PromptColumns, out string column, out string? prompt))
            {
                columns["Prompt"] = column;
                return prompt ?? string.Empty; // a blank cell fails the prompt check, naming the column
            }
            throw new GptImageValidationException(ErrorIds.InvalidPrompt, "Prompt", null, record.IsRow
                ? "the input row has no Prompt, Description or Text column; add one, pass -Prompt, or use -Template 'text with {Column}'."
                : "a prompt is required: pass -Prompt, or pipe text or rows with a Prompt column.");
        }

        /// <summary>A typed text value, or null when it was not typed (or typed blank).</summary>
        internal static string? Typed(string? value) => RowCells.Text(value);

        /// <summary>The record's cell for a parameter (null when it has no such column or the cell is blank), noting the column.</summary>
        internal static string? Cell(PipelineRecord record, IEnumerable<string> names, string parameter, IDictionary<string, string> columns)
        {
            if (!record.TryColumn(names, out string column, out string? value)) return null;
            columns[parameter] = column;
            return value;
        }
    }
}
