using System;
using System.Collections.Generic;
using GptImage.Orchestration;
using GptImage.Tests.Infrastructure;

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

        /// <summary>A fresh folder for one test, deleted with the rest of the run's temp folders when the run ends.</summary>
        public static string TempDirectory() => TestTemp.NewDirectory();
    }
}
