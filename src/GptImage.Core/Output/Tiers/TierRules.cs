using System;
using System.Collections;
using System.Linq;

namespace GptImage.Orchestration
{
    /// <summary>
    /// -TierBy, -Tier and -ThumbnailWidth of Export-GptImageBatch: which tier a result belongs to, and the tier's settings.
    /// -TierBy Quality (the default) and Model read the result; any other name is a column of the source row (an
    /// Import-Csv cell), ignoring case.
    /// </summary>
    public sealed class TierRules
    {
        private TierRules(string tierBy, TierTable? table, int? thumbnailWidth)
        {
            TierBy = tierBy;
            Table = table;
            ThumbnailWidth = thumbnailWidth;
        }

        /// <summary>Quality, Model or a column name.</summary>
        public string TierBy { get; }
        public TierTable? Table { get; }

        /// <summary>-ThumbnailWidth: a thumbnail for every image whose tier sets no width of its own.</summary>
        public int? ThumbnailWidth { get; }

        /// <summary>
        /// Checks the three parameters together, before any record; null when none asks for anything (a plain export).
        /// Throws GptImageValidationException (GptImage.InvalidTier) naming the parameter, the key and the field.
        /// </summary>
        public static TierRules? Create(string? tierBy, IDictionary? table, int? thumbnailWidth)
        {
            if (thumbnailWidth is int width && (width < TierLimits.MinThumbnailWidth || width > TierLimits.MaxThumbnailWidth))
                throw new GptImageValidationException(ErrorIds.InvalidTier, "ThumbnailWidth", width,
                    $"a width in pixels from {TierLimits.MinThumbnailWidth} to {TierLimits.MaxThumbnailWidth}.");
            string? by = string.IsNullOrWhiteSpace(tierBy) ? null : tierBy!.Trim();
            if (by != null && table is null)
                throw new GptImageValidationException(ErrorIds.InvalidTier, "TierBy", by,
                    "-TierBy only with -Tier, the table of tiers, for example -Tier @{ high = @{ Format = 'png' }; '*' = @{ Format = 'webp'; Quality = 80 } }.");
            if (table is null && thumbnailWidth is null) return null;
            TierTable? parsed = table is null ? null : TierTable.Parse(table, thumbnailWidth);
            return new TierRules(Canonical(by), parsed, thumbnailWidth);
        }

        /// <summary>
        /// The tier of one result, or null without a -Tier table. Throws GptImageValidationException (GptImage.TierNotFound)
        /// told as the result's row when the -TierBy column is missing, or the value has no tier and there is no "*".
        /// </summary>
        public TierSettings? TierFor(GptImageResult result)
        {
            if (result is null) throw new ArgumentNullException(nameof(result));
            if (Table is null) return null;
            string value = ValueOf(result, out string? column);
            // "-TierBy Quality 'ultra' is not allowed", or with a column "column Tier 'gold' is not allowed".
            return Table.Find(value) ?? throw new GptImageValidationException(ErrorIds.TierNotFound, "TierBy " + TierBy, value,
                $"a value that has a tier in -Tier ({Table.Names}); add a '*' tier to -Tier for every other value.")
                .InRow(result.RowNumber, column, null);
        }

        /// <summary>The value a result is tiered by; <paramref name="column"/> is the source column it came from, if any.</summary>
        public string ValueOf(GptImageResult result, out string? column)
        {
            column = null;
            if (TierBy == TierLimits.ByQuality) return string.IsNullOrWhiteSpace(result.Quality) ? "auto" : result.Quality!;
            if (TierBy == TierLimits.ByModel) return result.Model;
            if (FieldLookup.TryGet(result.SourceFields, TierBy, out string? cell))
            {
                column = TierBy;
                return (cell ?? string.Empty).Trim();
            }
            string columns = result.SourceFields.Count == 0 ? "it has no columns" : "its columns: " + string.Join(", ", result.SourceFields.Keys.Take(20));
            throw new GptImageValidationException(ErrorIds.TierNotFound, "TierBy", TierBy,
                $"Quality, Model or a column of the input row ({columns}).").InRow(result.RowNumber, null, null);
        }

        private static string Canonical(string? by) =>
            by is null || string.Equals(by, TierLimits.ByQuality, StringComparison.OrdinalIgnoreCase) ? TierLimits.ByQuality
            : string.Equals(by, TierLimits.ByModel, StringComparison.OrdinalIgnoreCase) ? TierLimits.ByModel
            : by;
    }
}
