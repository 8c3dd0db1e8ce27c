using System;
using System.Collections.Generic;
using System.Globalization;

namespace GptImage.Orchestration
{
    /// <summary>The manifest's fixed columns, in order, and how each is read from a result. Source columns follow them.</summary>
    internal static class ManifestColumns
    {
        /// <summary>Prefix of every source column: Source.Sku for the input row's Sku, so no input column can shadow a fixed one.</summary>
        public const string SourcePrefix = "Source.";

        public static readonly IReadOnlyList<(string Name, Func<GptImageResult, string?> Value)> Fixed = new (string, Func<GptImageResult, string?>)[]
        {
            ("Status", r => r.Status),
            ("RowNumber", r => Num(r.RowNumber)),
            ("Index", r => Num(r.Index)),
            ("Prompt", r => r.Prompt),
            ("RevisedPrompt", r => r.RevisedPrompt),
            ("Model", r => r.Model),
            ("Size", r => r.Size),
            ("Quality", r => r.Quality),
            ("Format", r => r.Format),
            ("Background", r => r.Background),
            ("Compression", r => r.Compression?.ToString(CultureInfo.InvariantCulture)),
            ("Moderation", r => r.Moderation),
            ("InputFidelity", r => r.InputFidelity),
            ("InputImages", r => r.InputImages),
            ("MaskPath", r => r.MaskPath),
            ("InputTokens", r => r.Usage?.InputTokens.ToString(CultureInfo.InvariantCulture)),
            ("OutputTokens", r => r.Usage?.OutputTokens.ToString(CultureInfo.InvariantCulture)),
            ("TotalTokens", r => r.Usage?.TotalTokens.ToString(CultureInfo.InvariantCulture)),
            ("CostUsd", r => Money(r.CostUsd)),
            ("EstimatedCostUsd", r => Money(r.EstimatedCostUsd)),
            ("Sha256", r => r.Sha256),
            ("Path", r => r.Path),
            ("Width", r => r.Width?.ToString(CultureInfo.InvariantCulture)),
            ("Height", r => r.Height?.ToString(CultureInfo.InvariantCulture)),
            ("FileBytes", r => r.Master?.FileBytes.ToString(CultureInfo.InvariantCulture)),
            ("Tier", r => r.Tier),
            ("FromCache", r => r.FromCache ? "True" : "False"),
            ("RequestId", r => r.RequestId),
            ("RequestKey", r => r.RequestKey),
            ("Created", r => r.Created == default ? null : r.Created.ToString("o", CultureInfo.InvariantCulture)),
            ("ErrorId", r => r.ErrorId),
            ("ErrorMessage", r => r.ErrorMessage),
        };

        /// <summary>Prefix of the thumbnail's columns, present when the run wrote thumbnails (JSON Lines: a Thumbnail object).</summary>
        public const string ThumbnailPrefix = "Thumbnail.";

        /// <summary>What the manifest records of a thumbnail; the same fields as the master's Path, Format, Width, Height, FileBytes, Sha256.</summary>
        public static readonly IReadOnlyList<(string Name, Func<ExportedFile, string> Value)> ThumbnailFields = new (string, Func<ExportedFile, string>)[]
        {
            ("Path", f => f.Path),
            ("Format", f => f.Format),
            ("Width", f => Num(f.Width)),
            ("Height", f => Num(f.Height)),
            ("FileBytes", f => f.FileBytes.ToString(CultureInfo.InvariantCulture)),
            ("Sha256", f => f.Sha256),
        };

        /// <summary>The fixed columns and the JSON fields that hold numbers.</summary>
        public static bool IsNumeric(string column) =>
            column is "RowNumber" or "Index" or "Compression" or "InputTokens" or "OutputTokens" or "TotalTokens" or "CostUsd" or "EstimatedCostUsd"
                or "Width" or "Height" or "FileBytes";

        /// <summary>The column a source field is written under.</summary>
        public static string ForSource(string field) => SourcePrefix + field;

        public static string? Money(decimal? usd) => usd?.ToString("0.######", CultureInfo.InvariantCulture);

        private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
