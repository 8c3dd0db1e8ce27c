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

        public static string TempDirectory()
        {
            string path = Path.Combine(Path.GetTempPath(), "gptimage-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(path);
            return path;
        }
    }
}
