using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace GptImage.Orchestration
{
    /// <summary>
    /// Turns a -FileName template into a safe file name. Result fields {Index} {Row} (both take .NET number
    /// formats: {Row:D4}) {Model} {Quality} {Size} {Format} {Hash} {Date} win over source columns of the same
    /// name; any other {Column} comes from the source row. The extension follows the image format.
    /// </summary>
    public static class FileNamer
    {
        public const string DefaultTemplate = "image-{Row}-{Index}-{Hash}";

        /// <summary>Longest name part kept (before the extension); well under every file system's 255.</summary>
        private const int MaxStemLength = 150;

        /// <summary>
        /// Longest name part kept in UTF-8 bytes: Linux and macOS file systems limit a name to 255 bytes, not characters,
        /// so 150 CJK characters (450 bytes) would fail there with "File name too long".
        /// </summary>
        private const int MaxStemUtf8Bytes = 200;

        /// <summary>Checks a template's braces once, before a batch starts.</summary>
        public static void ValidateTemplate(string? template) => TemplateText.Placeholders(template ?? DefaultTemplate, "FileName");

        /// <summary>
        /// Checks, before a row's request is sent, that the template can name the row's images: every placeholder is a
        /// result field or one of <paramref name="fields"/>. Throws GptImageValidationException (GptImage.TemplateColumnMissing,
        /// GptImage.InvalidTemplate) as <see cref="Name"/> would after the image was paid for.
        /// </summary>
        public static void CheckFields(string? template, IReadOnlyDictionary<string, string?> fields) =>
            Name(template, new GptImageResult { SourceFields = fields ?? throw new ArgumentNullException(nameof(fields)), RowNumber = 1, Sha256 = "0" });

        /// <summary>The file name (with extension) for one image.</summary>
        public static string Name(string? template, GptImageResult result)
        {
            if (result is null) throw new ArgumentNullException(nameof(result));
            string chosen = string.IsNullOrWhiteSpace(template) ? DefaultTemplate : template!;
            string stem = TemplateText.Expand(chosen, "FileName",
                (string placeholder, out string? value) => TryResolve(placeholder, result, out value),
                name => throw new GptImageValidationException(ErrorIds.TemplateColumnMissing, "FileName", chosen,
                    $"'{name}' is neither a result field (Index, Row, Model, Quality, Size, Format, Hash, Date) nor a column of the input row"));
            string extension = Extension(result.Format);
            if (stem.EndsWith(extension, StringComparison.OrdinalIgnoreCase)) stem = stem.Substring(0, stem.Length - extension.Length);
            stem = Sanitize(stem);
            return Shorten(stem) + extension;
        }

        /// <summary>Cuts a stem to the character and UTF-8 byte limits, never between the halves of a surrogate pair.</summary>
        private static string Shorten(string stem)
        {
            int bytes = 0, end = 0;
            while (end < stem.Length)
            {
                bool pair = char.IsHighSurrogate(stem[end]) && end + 1 < stem.Length && char.IsLowSurrogate(stem[end + 1]);
                int units = pair ? 2 : 1;
                int size = pair ? 4 : stem[end] < 0x80 ? 1 : stem[end] < 0x800 ? 2 : 3;
                if (end + units > MaxStemLength || bytes + size > MaxStemUtf8Bytes) break;
                bytes += size;
                end += units;
            }
            if (end == stem.Length) return stem;
            string cut = stem.Substring(0, end).TrimEnd('.', ' ');
            return cut.Length == 0 ? "_" : cut;
        }

        /// <summary>".png", ".jpg" or ".webp".</summary>
        public static string Extension(string? format) => (format ?? "png").ToLowerInvariant() switch
        {
            "jpeg" or "jpg" => ".jpg",
            "webp" => ".webp",
            _ => ".png",
        };

        /// <summary>The sub-folder a layout puts an image in ("" for Flat).</summary>
        public static string Folder(FileLayout layout, GptImageResult result) => layout switch
        {
            FileLayout.ByQuality => Sanitize(string.IsNullOrWhiteSpace(result.Quality) ? "auto" : result.Quality!),
            FileLayout.ByModel => Sanitize(result.Model),
            FileLayout.ByDate => (result.Created == default ? DateTimeOffset.UtcNow : result.Created).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => string.Empty,
        };

        /// <summary>
        /// A name valid on Windows, Linux and macOS: no path separators, no characters Windows forbids, no
        /// control characters, no trailing dot or space, not a reserved device name (CON, NUL, COM1...), and never
        /// starting like this module's temporary files (.gptimage-tmp-).
        /// </summary>
        public static string Sanitize(string name)
        {
            var text = new StringBuilder(name.Length);
            foreach (char c in name)
            {
                bool bad = c < 32 || c == 127 || c == '<' || c == '>' || c == ':' || c == '"' || c == '/' || c == '\\' || c == '|' || c == '?' || c == '*';
                text.Append(bad ? '_' : c);
            }
            string result = text.ToString().Trim().TrimEnd('.', ' ');
            if (result.Length == 0 || result == "." || result == "..") return "_";
            if (IsWindowsDeviceName(result)) result = "_" + result;
            // The leftover-file sweep owns names of that form: a user's value must never look like one.
            if (TempFileName.LooksLikeOne(result)) result = "_" + result;
            return result;
        }

        /// <summary>
        /// Windows maps these to devices whatever the extension, and it drops spaces before the first dot when it
        /// checks ("NUL .png" is NUL). COM and LPT take a digit or a superscript 1-3 (COM¹); CONIN$/CONOUT$ are consoles.
        /// </summary>
        private static bool IsWindowsDeviceName(string name)
        {
            string device = name.Split('.')[0].TrimEnd(' ').ToUpperInvariant();
            if (device is "CON" or "PRN" or "AUX" or "NUL" or "CONIN$" or "CONOUT$") return true;
            return device.Length == 4
                && (device.StartsWith("COM", StringComparison.Ordinal) || device.StartsWith("LPT", StringComparison.Ordinal))
                && (char.IsDigit(device[3]) || device[3] == '\u00B9' || device[3] == '\u00B2' || device[3] == '\u00B3');
        }

        private static bool TryResolve(string placeholder, GptImageResult result, out string? value)
        {
            string name = placeholder, format = string.Empty;
            int colon = placeholder.IndexOf(':');
            if (colon > 0) { name = placeholder.Substring(0, colon).Trim(); format = placeholder.Substring(colon + 1); }
            switch (name.ToLowerInvariant())
            {
                case "index": value = Number(result.Index, format); return true;
                case "row": value = Number(result.RowNumber, format); return true;
                case "model": value = result.Model; return true;
                case "quality": value = result.Quality ?? "auto"; return true;
                case "size": value = result.Size ?? "auto"; return true;
                case "format": value = result.Format; return true;
                case "hash": value = result.Hash ?? "nohash"; return true;
                case "date": value = (result.Created == default ? DateTimeOffset.UtcNow : result.Created).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture); return true;
            }
            if (FieldLookup.TryGet(result.SourceFields, placeholder, out value)) return true;
            return FieldLookup.TryGet(result.SourceFields, name, out value);
        }

        private static string Number(int value, string format)
        {
            if (format.Length == 0) return value.ToString(CultureInfo.InvariantCulture);
            try { return value.ToString(format, CultureInfo.InvariantCulture); }
            catch (FormatException) { throw new GptImageValidationException(ErrorIds.InvalidTemplate, "FileName", format, "a .NET number format such as D4"); }
        }
    }
}
