using System;
using System.Collections.Generic;
using System.IO;
using GptImage.Orchestration;

namespace GptImage.Tests.Orchestration
{
    internal static class Jobs
    {
        public static ImageJob Generate(string prompt, string? sku = null, string model = "gpt-image-2", string quality = "low", int? count = null)
        {
            var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase) { ["Prompt"] = prompt };
            if (sku != null) fields["Sku"] = sku;
            return new ImageJob(new ImageGenerationRequest { Prompt = prompt, Model = model, Quality = quality, Size = "1024x1024", Count = count })
            {
                SourceFields = fields,
                Source = fields,
            };
        }

        /// <summary>
        /// A fresh folder for one test. All of them sit under one folder owned by this test process, which is
        /// deleted when the process exits, so runs leave nothing behind in the temp folder.
        /// </summary>
        public static string TempDirectory()
        {
            string path = Path.Combine(RunRoot.Value, Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(path);
            return path;
        }

        private static readonly Lazy<string> RunRoot = new Lazy<string>(() =>
        {
            string root = Path.Combine(Path.GetTempPath(), "gptimage-tests", "run-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(root);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteRunRoot(root);
            return root;
        });

        private static void DeleteRunRoot(string root)
        {
            try
            {
                Directory.Delete(root, recursive: true);
                string parent = Path.GetDirectoryName(root)!;
                if (Directory.Exists(parent) && Directory.GetFileSystemEntries(parent).Length == 0) Directory.Delete(parent);
            }
            catch (IOException) { }                 // another run removed or filled the parent meanwhile
            catch (UnauthorizedAccessException) { }
        }
    }
}
