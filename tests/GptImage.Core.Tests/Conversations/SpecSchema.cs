namespace GptImage.Tests.Conversations
{
    /// <summary>
    /// Reads the property names of one schema from the spec subset carried in the repo (spec/openai-openapi.subset.yaml),
    /// by its indentation: enough to check that a body holds nothing the spec does not name, without a YAML library.
    /// </summary>
    internal static class SpecSchema
    {
        public static HashSet<string> Properties(string schema)
        {
            string[] lines = File.ReadAllLines(SubsetPath());
            int start = Array.IndexOf(lines, "    " + schema + ":");
            Assert.True(start >= 0, $"schema {schema} is not in the spec subset");
            int end = start + 1;
            while (end < lines.Length && (lines[end].Trim().Length == 0 || Indent(lines[end]) > 4)) end++;
            // The schema's own properties (indent 6), or those of the objects of its allOf (indent 10); never a property's own.
            bool allOf = lines.Skip(start + 1).Take(end - start - 1).Any(l => l == "      allOf:");
            int propertiesIndent = allOf ? 10 : 6;
            var names = new HashSet<string>(StringComparer.Ordinal);
            for (int i = start + 1; i < end; i++)
            {
                if (lines[i].Trim() != "properties:" || Indent(lines[i]) != propertiesIndent) continue;
                for (int k = i + 1; k < end && (lines[k].Trim().Length == 0 || Indent(lines[k]) > propertiesIndent); k++)
                    if (Indent(lines[k]) == propertiesIndent + 2 && lines[k].TrimEnd().EndsWith(":", StringComparison.Ordinal))
                        names.Add(lines[k].Trim().TrimEnd(':').Trim('\''));
            }
            return names;
        }

        private static int Indent(string line) => line.Length - line.TrimStart().Length;

        private static string SubsetPath()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "spec", "openai-openapi.subset.yaml");
                if (File.Exists(candidate)) return candidate;
            }
            throw new InvalidOperationException("spec/openai-openapi.subset.yaml was not found above " + AppContext.BaseDirectory);
        }
    }
}
