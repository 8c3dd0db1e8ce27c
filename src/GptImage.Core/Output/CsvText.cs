using System.Collections.Generic;
using System.Text;

namespace GptImage.Orchestration
{
    /// <summary>RFC 4180 fields: quoted when they hold a comma, quote, line break or edge space; quotes doubled.</summary>
    internal static class CsvText
    {
        public static string Line(IEnumerable<string?> fields)
        {
            var line = new StringBuilder();
            bool first = true;
            foreach (string? field in fields)
            {
                if (!first) line.Append(',');
                first = false;
                line.Append(Quote(field));
            }
            return line.Append("\r\n").ToString();
        }

        public static string Quote(string? field)
        {
            if (string.IsNullOrEmpty(field)) return string.Empty;
            bool needs = field!.IndexOfAny(new[] { ',', '"', '\r', '\n' }) >= 0 || field[0] == ' ' || field[field.Length - 1] == ' ';
            return needs ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
        }

        /// <summary>Splits one CSV record (the header) into fields.</summary>
        public static List<string> Parse(string record)
        {
            var fields = new List<string>();
            var current = new StringBuilder();
            bool quoted = false;
            for (int i = 0; i < record.Length; i++)
            {
                char c = record[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < record.Length && record[i + 1] == '"') { current.Append('"'); i++; }
                    else if (c == '"') quoted = false;
                    else current.Append(c);
                }
                else if (c == '"') quoted = true;
                else if (c == ',') { fields.Add(current.ToString()); current.Clear(); }
                else if (c != '\r' && c != '\n') current.Append(c);
            }
            fields.Add(current.ToString());
            return fields;
        }
    }
}
