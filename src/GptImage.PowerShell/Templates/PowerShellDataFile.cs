using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation.Language;
using GptImage.Templates;

namespace GptImage.Commands
{
    /// <summary>
    /// Reads a .psd1 template file the way Import-PowerShellDataFile does: parsed, never run, so a template file can
    /// hold data only. The hashtable becomes the nested dictionaries the core's template checks read.
    /// </summary>
    internal static class PowerShellDataFile
    {
        public static IReadOnlyDictionary<string, object?> Read(string path)
        {
            ScriptBlockAst ast = Parser.ParseFile(path, out _, out ParseError[] errors);
            if (errors.Length > 0)
                throw new GptImageTemplateException(path, string.Empty,
                    $"is not valid PowerShell data: line {errors[0].Extent.StartLineNumber}: {errors[0].Message}");
            if (!(ast.Find(a => a is HashtableAst, false) is HashtableAst table))
                throw new GptImageTemplateException(path, string.Empty, "must hold one hashtable @{ Name = ...; Description = ...; Subject = ... }.");
            object value;
            try
            {
                value = table.SafeGetValue();
            }
            catch (InvalidOperationException e)
            {
                throw new GptImageTemplateException(path, string.Empty, "may hold only constant values (no variables, commands or expressions): " + e.Message);
            }
            return ToTable((IDictionary)value);
        }

        private static IReadOnlyDictionary<string, object?> ToTable(IDictionary table)
        {
            var result = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in table) result[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty] = ToTree(entry.Value);
            return result;
        }

        private static object? ToTree(object? value) => value switch
        {
            null => null,
            string text => text,
            IDictionary table => ToTable(table),
            bool flag => flag ? "true" : "false",
            IEnumerable list => ToList(list),
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };

        private static List<object?> ToList(IEnumerable list)
        {
            var items = new List<object?>();
            foreach (object? item in list) items.Add(ToTree(item));
            return items;
        }
    }
}
