using System;
using System.Collections.Generic;

namespace GptImage.Orchestration
{
    /// <summary>
    /// One image (or one row that produced none): what New-GptImage and Edit-GptImage emit and
    /// Export-GptImageBatch consumes. Index is the 0-based position of the image in its response.
    /// </summary>
    public sealed class GptImageResult
    {
        public const string StatusSucceeded = "Succeeded";
        public const string StatusCached = "Cached";
        public const string StatusFailed = "Failed";
        public const string StatusNotRun = "NotRun";

        private IReadOnlyDictionary<string, string?> _sourceFields = FieldSet.Empty;

        /// <summary>Succeeded, Cached (no API call was made for it in this run), Failed or NotRun.</summary>
        public string Status { get; set; } = StatusSucceeded;
        public string Prompt { get; set; } = string.Empty;
        public string Model { get; set; } = string.Empty;
        public string? Size { get; set; }
        public string? Quality { get; set; }

        /// <summary>png, jpeg or webp, decided from the bytes.</summary>
        public string Format { get; set; } = "png";
        public string? Background { get; set; }
        public int? Compression { get; set; }
        public string? Moderation { get; set; }
        public string? InputFidelity { get; set; }
        public int Index { get; set; }

        /// <summary>The image; null once it has been written to <see cref="Path"/> (memory stays bounded).</summary>
        public byte[]? Bytes { get; set; }

        /// <summary>Full path of the written file, when an output directory was given.</summary>
        public string? Path { get; set; }

        /// <summary>The tier Export-GptImageBatch -Tier wrote the image by (its name in -Tier, "*" for the fallback tier).</summary>
        public string? Tier { get; set; }

        /// <summary>The pixel width of the file at <see cref="Path"/>, once Export-GptImageBatch has written it.</summary>
        public int? Width { get; set; }

        /// <summary>The pixel height of the file at <see cref="Path"/>, once Export-GptImageBatch has written it.</summary>
        public int? Height { get; set; }

        /// <summary>Full path of the thumbnail Export-GptImageBatch wrote beside the image (-ThumbnailWidth or a tier's ThumbnailWidth).</summary>
        public string? ThumbnailPath { get; set; }

        /// <summary>The master file as written by Export-GptImageBatch, for the manifest (not shown to PowerShell).</summary>
        internal ExportedFile? Master { get; set; }

        /// <summary>The thumbnail as written by Export-GptImageBatch, for the manifest.</summary>
        internal ExportedFile? Thumbnail { get; set; }

        /// <summary>Lower-case hex SHA-256 of the image bytes (after Export-GptImageBatch, of the file it wrote).</summary>
        public string? Sha256 { get; set; }

        /// <summary>The first 12 hex digits of <see cref="Sha256"/>: the {Hash} of file-name templates.</summary>
        public string? Hash => Sha256 is null ? null : Sha256.Substring(0, Math.Min(12, Sha256.Length));

        public string? RevisedPrompt { get; set; }

        /// <summary>Usage of the whole response (shared by every image of a Count &gt; 1 request).</summary>
        public ImageUsage? Usage { get; set; }

        /// <summary><see cref="Usage"/>'s input tokens, as a column of its own for Export-Csv; null when the answer had no usage.</summary>
        public long? InputTokens => Usage?.InputTokens;

        /// <summary><see cref="Usage"/>'s output tokens; null when the answer had no usage.</summary>
        public long? OutputTokens => Usage?.OutputTokens;

        /// <summary><see cref="Usage"/>'s total tokens; null when the answer had no usage.</summary>
        public long? TotalTokens => Usage?.TotalTokens;

        /// <summary>
        /// What this row cost in this run, from the response's usage, split evenly between the images of one
        /// response. 0 for Cached rows (nothing was spent again); null when the model's price is unknown.
        /// </summary>
        public decimal? CostUsd { get; set; }

        /// <summary>The estimate made before the request was sent.</summary>
        public decimal? EstimatedCostUsd { get; set; }
        public string? RequestId { get; set; }
        public bool FromCache { get; set; }

        /// <summary>SHA-256 of the canonical request (the cache key), when caching was on.</summary>
        public string? RequestKey { get; set; }
        public int Attempts { get; set; }

        /// <summary>
        /// The pipeline object the row came from: the TargetObject of the cmdlets' error records. Not public, so
        /// Export-Csv and ConvertTo-Json of a result never dump a whole input object (a FileInfo is dozens of
        /// nested properties); <see cref="SourceFields"/> carries its columns.
        /// </summary>
        internal object? Source { get; set; }

        /// <summary>The source row's properties, as text (CSV columns); one "Sku=MUG-001; ..." cell in Export-Csv.</summary>
        public IReadOnlyDictionary<string, string?> SourceFields
        {
            get => _sourceFields;
            set => _sourceFields = FieldSet.From(value);
        }

        /// <summary>A conversation turn's response id: what the next turn continues from (previous_response_id). Null for the images endpoints.</summary>
        public string? ResponseId { get; set; }

        /// <summary>A conversation turn's number in its conversation (1 for the first). Null for the images endpoints.</summary>
        public int? TurnNumber { get; set; }

        /// <summary>A conversation turn's mainline model (the one that called the image tool). Null for the images endpoints.</summary>
        public string? MainlineModel { get; set; }

        /// <summary>1-based position of the row in the pipeline.</summary>
        public int RowNumber { get; set; }
        public string? ErrorId { get; set; }
        public string? ErrorMessage { get; set; }
        public DateTimeOffset Created { get; set; }

        /// <summary>Input image paths of an edit, separated by '; '.</summary>
        public string? InputImages { get; set; }
        public string? MaskPath { get; set; }

        /// <summary>A row that produced no image: Failed or NotRun, with the reason.</summary>
        /// <summary>
        /// The result of a row that failed before it became a request (a bad cell, a missing image): its number, its
        /// source and the error, so a ledger downstream (Export-GptImageBatch -ManifestPath) still has every input row.
        /// </summary>
        public static GptImageResult ForInvalidRow(int rowNumber, object? source, IReadOnlyDictionary<string, string?> sourceFields,
            string errorId, string message) => new GptImageResult
        {
            Status = StatusFailed,
            Model = string.Empty,
            RowNumber = rowNumber,
            Source = source,
            SourceFields = sourceFields,
            ErrorId = errorId,
            ErrorMessage = message,
            Created = DateTimeOffset.UtcNow,
        };

        public static GptImageResult ForFailure(ImageJob job, string status, string errorId, string message)
        {
            if (job is null) throw new ArgumentNullException(nameof(job));
            var result = FromRequest(job);
            result.Status = status;
            result.ErrorId = errorId;
            result.ErrorMessage = message;
            result.Created = DateTimeOffset.UtcNow;
            return result;
        }

        /// <summary>The request's own parameters and the row; image fields are filled by the caller.</summary>
        internal static GptImageResult FromRequest(ImageJob job)
        {
            var r = job.Request;
            var result = new GptImageResult
            {
                Prompt = r.Prompt,
                Model = r.Model,
                Size = r.Size,
                Quality = r.Quality,
                Format = r.OutputFormat ?? "png",
                Background = r.Background,
                Compression = r.Compression,
                Moderation = r.Moderation,
                Source = job.Source,
                SourceFields = job.SourceFields,
                RowNumber = job.RowNumber,
            };
            if (r is ImageEditRequest edit)
            {
                result.InputFidelity = edit.InputFidelity;
                var names = new List<string>();
                foreach (var image in edit.Images) names.Add(image.ToString());
                result.InputImages = names.Count == 0 ? null : string.Join("; ", names);   // a later conversation turn uploads none
                result.MaskPath = edit.MaskPath ?? edit.Mask?.ToString();
            }
            if (r is ConversationTurnRequest turn) result.MainlineModel = turn.ResponsesModel;
            return result;
        }

        /// <summary>
        /// One image of a response for a row: the request's fields, then what the response says (size, quality and
        /// background as made, usage, request id). Status, cost and attempts are left to the caller (direct run or batch).
        /// </summary>
        internal static GptImageResult ForImage(ImageJob job, ImageResult response, GeneratedImage image)
        {
            GptImageResult result = FromRequest(job);
            result.Index = image.Index;
            result.Format = image.Format;
            result.Bytes = image.Bytes;
            result.Sha256 = AtomicFile.Sha256Hex(image.Bytes);
            result.RevisedPrompt = image.RevisedPrompt;
            result.Size = response.Size ?? result.Size;
            result.Quality = response.Quality ?? result.Quality;
            result.Background = response.Background ?? result.Background;
            result.Usage = response.Usage;
            result.RequestId = response.RequestId;
            result.ResponseId = response.ResponseId;
            result.MainlineModel = response.MainlineModel;
            result.Created = response.Created == default ? DateTimeOffset.UtcNow : response.Created;
            return result;
        }

        /// <summary>A shallow copy (the bytes array and source dictionary are shared).</summary>
        public GptImageResult Copy() => (GptImageResult)MemberwiseClone();

        public override string ToString() => Path ?? $"{Status} row {RowNumber} image {Index}";
    }
}
