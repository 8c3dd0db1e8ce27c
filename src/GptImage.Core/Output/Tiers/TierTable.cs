using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace GptImage.Orchestration
{
    /// <summary>
    /// Export-GptImageBatch -Tier: tier name -> settings, checked as a whole before anything is written. Names are
    /// matched ignoring case; "*" is the tier of every value that has none of its own. Every mistake names the key,
    /// the field, the value and what is allowed.
    /// </summary>
    public sealed class TierTable
    {
        private const string Parameter = "Tier";
        private readonly Dictionary<string, TierSettings> _tiers;

        private TierTable(Dictionary<string, TierSettings> tiers) => _tiers = tiers;

        /// <summary>The tiers, in the table's order.</summary>
        public IReadOnlyCollection<TierSettings> Tiers => _tiers.Values;

        /// <summary>The tier of <paramref name="value"/>, else the "*" tier, else null.</summary>
        public TierSettings? Find(string value) =>
            _tiers.TryGetValue(value, out TierSettings? tier) || _tiers.TryGetValue(TierLimits.Fallback, out tier) ? tier : null;

        /// <summary>The names of the tiers other than "*", for messages.</summary>
        public string Names => string.Join(", ", _tiers.Keys.Where(k => k != TierLimits.Fallback).Select(k => "'" + k + "'"));

        public bool HasFallback => _tiers.ContainsKey(TierLimits.Fallback);

        /// <summary>
        /// Reads a table such as @{ high = @{ Format = 'png' }; '*' = @{ Format = 'webp'; Quality = 80 } } whose values
        /// are dictionaries (PowerShell wrappers already removed). <paramref name="runThumbnailWidth"/> is -ThumbnailWidth,
        /// which a ThumbnailFormat without a ThumbnailWidth of its own relies on. Throws GptImageValidationException (GptImage.InvalidTier).
        /// </summary>
        public static TierTable Parse(IDictionary table, int? runThumbnailWidth)
        {
            if (table is null || table.Count == 0)
                throw new GptImageValidationException(ErrorIds.InvalidTier, Parameter, "@{}",
                    "a table with at least one tier, for example @{ high = @{ Format = 'png' }; '*' = @{ Format = 'webp'; Quality = 80 } }.");
            var tiers = new Dictionary<string, TierSettings>(StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in table)
            {
                string name = (Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty).Trim();
                if (name.Length == 0)
                    throw new GptImageValidationException(ErrorIds.InvalidTier, Parameter, entry.Key, "tier names that are not empty: a quality, a model, a value of the -TierBy column, or '*' for every other value.");
                if (tiers.ContainsKey(name))
                    throw GptImageValidationException.ForEntry(ErrorIds.InvalidTier, Parameter, name, null, name,
                        "one tier per name; names are compared ignoring case, so 'High' and 'high' are the same tier.");
                tiers.Add(name, ParseTier(name, entry.Value, runThumbnailWidth));
            }
            return new TierTable(tiers);
        }

        private static TierSettings ParseTier(string name, object? value, int? runThumbnailWidth)
        {
            if (!(value is IDictionary fields))
                throw GptImageValidationException.ForEntry(ErrorIds.InvalidTier, Parameter, name, null, value,
                    "a hashtable of settings, for example @{ Format = 'webp'; Quality = 80; ThumbnailWidth = 256 }.");
            var tier = new TierSettings { Name = name };
            foreach (DictionaryEntry field in fields)
            {
                string key = Convert.ToString(field.Key, CultureInfo.InvariantCulture) ?? string.Empty;
                string? known = TierLimits.Fields.FirstOrDefault(f => string.Equals(f, key.Trim(), StringComparison.OrdinalIgnoreCase));
                switch (known)
                {
                    case "Format": tier.Format = Format(name, known, field.Value); break;
                    case "ThumbnailFormat": tier.ThumbnailFormat = Format(name, known, field.Value); break;
                    case "Quality": tier.Quality = Number(name, known, field.Value, TierLimits.MinQuality, TierLimits.MaxQuality); break;
                    case "ThumbnailWidth": tier.ThumbnailWidth = Number(name, known, field.Value, TierLimits.MinThumbnailWidth, TierLimits.MaxThumbnailWidth); break;
                    default:
                        throw GptImageValidationException.ForEntry(ErrorIds.InvalidTier, Parameter, name, "field", key,
                            "one of " + string.Join(", ", TierLimits.Fields) + ".");
                }
            }
            CheckCombination(tier, runThumbnailWidth);
            return tier;
        }

        /// <summary>A setting that would have no effect is a mistake to name, not to ignore.</summary>
        private static void CheckCombination(TierSettings tier, int? runThumbnailWidth)
        {
            bool thumbnail = tier.ThumbnailWidth.HasValue || runThumbnailWidth.HasValue;
            if (tier.ThumbnailFormat != null && !thumbnail)
                throw GptImageValidationException.ForEntry(ErrorIds.InvalidTier, Parameter, tier.Name, "ThumbnailFormat", tier.ThumbnailFormat,
                    "a thumbnail format only with a thumbnail width: add ThumbnailWidth to the tier, or -ThumbnailWidth to the command.");
            bool lossy = TierLimits.IsLossy(tier.Format) || (thumbnail && TierLimits.IsLossy(tier.ThumbnailFormat ?? tier.Format));
            if (tier.Quality is int quality && !lossy)
                throw GptImageValidationException.ForEntry(ErrorIds.InvalidTier, Parameter, tier.Name, "Quality", quality,
                    "a quality only for a tier that writes JPEG or WebP: add Format = 'webp' or 'jpeg' (PNG is lossless and has no quality).");
        }

        private static string Format(string name, string field, object? value)
        {
            string text = (Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty).Trim().ToLowerInvariant();
            if (text == "jpg") text = "jpeg";
            if (Array.IndexOf(TierLimits.Formats, text) < 0)
                throw GptImageValidationException.ForEntry(ErrorIds.InvalidTier, Parameter, name, field, value, "png, jpeg or webp.");
            return text;
        }

        private static int Number(string name, string field, object? value, int min, int max)
        {
            bool whole = value switch
            {
                int or long or short or byte or uint or ulong or ushort or sbyte => true,
                double d => d == Math.Floor(d),
                float f => f == Math.Floor(f),
                decimal m => m == decimal.Floor(m),
                string s => long.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
                _ => false,
            };
            if (whole)
            {
                decimal number = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                if (number >= min && number <= max) return (int)number;
            }
            throw GptImageValidationException.ForEntry(ErrorIds.InvalidTier, Parameter, name, field, value, $"a whole number from {min} to {max}.");
        }
    }
}
