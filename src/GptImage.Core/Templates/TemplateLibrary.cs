using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;

namespace GptImage.Templates
{
    /// <summary>
    /// The named templates -Template can use: those in the folders the caller names, then those in the per-user
    /// folder ($env:GPTIMAGE_TEMPLATE_PATH, else LocalApplicationData/GptImage.PowerShell/templates), then the
    /// built-in ones. The first of a name wins, so a team can replace a built-in with its house style. Files are
    /// *.json and *.psd1 (the PowerShell layer reads .psd1 through <c>readPowerShellData</c>); a broken file is
    /// a problem naming the file and field, and the other files still load.
    /// </summary>
    public sealed class TemplateLibrary
    {
        public const string EnvironmentVariable = "GPTIMAGE_TEMPLATE_PATH";
        public const string BuiltInSource = "built-in";
        private static readonly Lazy<IReadOnlyList<ImageTemplate>> BuiltInTemplates = new Lazy<IReadOnlyList<ImageTemplate>>(LoadBuiltIn);

        private TemplateLibrary(IReadOnlyList<ImageTemplate> templates, IReadOnlyList<GptImageTemplateException> problems)
        {
            Templates = templates;
            Problems = problems;
        }

        /// <summary>Every usable template, first of each name only: the named folders', the per-user folder's, then the built-in ones.</summary>
        public IReadOnlyList<ImageTemplate> Templates { get; }

        /// <summary>Files that could not be used, each naming the file and the field.</summary>
        public IReadOnlyList<GptImageTemplateException> Problems { get; }

        /// <summary>The templates shipped with the module.</summary>
        public static IReadOnlyList<ImageTemplate> BuiltIn => BuiltInTemplates.Value;

        /// <summary>The folders read when the caller names none: $env:GPTIMAGE_TEMPLATE_PATH (one or more, split like PATH), else the per-user folder.</summary>
        public static IReadOnlyList<string> DefaultFolders(Func<string, string?> environment)
        {
            string? configured = environment(EnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(configured))
                return configured!.Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim()).ToList();
            string root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            return new[] { Path.Combine(root, "GptImage.PowerShell", "templates") };
        }

        /// <summary>
        /// Loads the named folders (each must exist) and then the default folders (skipped when absent).
        /// <paramref name="readPowerShellData"/> reads a .psd1 file into nested dictionaries; without it .psd1 files are skipped.
        /// </summary>
        public static TemplateLibrary Load(IEnumerable<string>? folders, Func<string, IReadOnlyDictionary<string, object?>>? readPowerShellData,
            Func<string, string?>? environment = null)
        {
            var templates = new List<ImageTemplate>();
            var problems = new List<GptImageTemplateException>();
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (string folder in folders ?? Enumerable.Empty<string>())
            {
                if (!Directory.Exists(folder)) { problems.Add(new GptImageTemplateException(folder, string.Empty, "is not a folder that exists.")); continue; }
                LoadFolder(folder, readPowerShellData, templates, problems, names);
            }
            foreach (string folder in DefaultFolders(environment ?? Environment.GetEnvironmentVariable))
                if (Directory.Exists(folder)) LoadFolder(folder, readPowerShellData, templates, problems, names);
            foreach (ImageTemplate builtIn in BuiltIn)
                if (names.Add(builtIn.Name)) templates.Add(builtIn);
            return new TemplateLibrary(templates, problems);
        }

        /// <summary>The template of that name (case ignored), or null.</summary>
        public ImageTemplate? Find(string name) =>
            Templates.FirstOrDefault(t => string.Equals(t.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

        /// <summary>True for -Template text that names a template (no spaces, no braces) rather than spelling a prompt.</summary>
        public static bool LooksLikeName(string text) => TemplateDefinitionReader.IsNameShaped(text);

        /// <summary>Reads one definition (the nested dictionaries of a .psd1 or JSON file) and checks it.</summary>
        public static ImageTemplate Read(IReadOnlyDictionary<string, object?> definition, string source) => TemplateDefinitionReader.Read(definition, source);

        private static void LoadFolder(string folder, Func<string, IReadOnlyDictionary<string, object?>>? readPowerShellData,
            List<ImageTemplate> templates, List<GptImageTemplateException> problems, HashSet<string> names)
        {
            var inFolder = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (string file in Directory.EnumerateFiles(folder).OrderBy(f => f, StringComparer.OrdinalIgnoreCase))
            {
                string extension = Path.GetExtension(file).ToLowerInvariant();
                if (extension != ".json" && !(extension == ".psd1" && readPowerShellData != null)) continue;
                try
                {
                    IReadOnlyDictionary<string, object?> definition = extension == ".json" ? TemplateJson.ReadFile(file) : readPowerShellData!(file);
                    ImageTemplate template = TemplateDefinitionReader.Read(definition, file);
                    if (inFolder.TryGetValue(template.Name, out string? first))
                    {
                        problems.Add(new GptImageTemplateException(file, TemplateFields.Name, $"is '{template.Name}', already the name of '{first}'; each name once per folder."));
                        continue;
                    }
                    inFolder[template.Name] = file;
                    if (names.Add(template.Name)) templates.Add(template);
                }
                catch (GptImageTemplateException e) { problems.Add(e); }
                catch (IOException e) { problems.Add(new GptImageTemplateException(file, string.Empty, "cannot be read: " + e.Message)); }
                catch (UnauthorizedAccessException e) { problems.Add(new GptImageTemplateException(file, string.Empty, "cannot be read: " + e.Message)); }
            }
        }

        private static IReadOnlyList<ImageTemplate> LoadBuiltIn()
        {
            using Stream stream = typeof(TemplateLibrary).GetTypeInfo().Assembly.GetManifestResourceStream("GptImage.Data.templates.json")
                ?? throw new InvalidOperationException("The built-in templates resource is missing from GptImage.Core.");
            using JsonDocument document = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            var list = new List<ImageTemplate>();
            foreach (JsonElement item in document.RootElement.GetProperty("templates").EnumerateArray())
                list.Add(TemplateDefinitionReader.Read(TemplateJson.ToTable(item), BuiltInSource));
            return list;
        }
    }
}
