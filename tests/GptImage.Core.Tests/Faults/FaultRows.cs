using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using GptImage.Orchestration;

namespace GptImage.Tests.Faults
{
    /// <summary>The rows and the client the fault suite and its child-process runner share.</summary>
    internal static class FaultRows
    {
        public const string Key = "sk-proj-FAKE_FAULTSUITEKEY0123456789abcdefSECRET";

        public static ImageJob Row(int i)
        {
            var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase) { ["Sku"] = $"R{i:000}", ["Product"] = $"product {i}" };
            return new ImageJob(new ImageGenerationRequest { Prompt = $"fault row {i}: a studio photo of product {i}", Model = "gpt-image-2", Size = "1024x1024", Quality = "low" })
            {
                RowNumber = i,
                SourceFields = fields,
                Source = fields,
            };
        }

        /// <summary>
        /// A real GptImageClient on the emulator with the gate wired to OnAttempt. Retry waits are scaled down
        /// (a twentieth, at most 100 ms) so the suite stays short; their order and count are unchanged.
        /// </summary>
        public static GptImageClient Client(Uri baseUrl, IConcurrencyGate gate, int maxRetries = 4)
        {
            var client = new GptImageClient(new GptImageClientOptions
            {
                Endpoint = baseUrl,
                ApiKey = Key,
                Organization = "",
                Project = "",
                MaxRetries = maxRetries,
                Timeout = TimeSpan.FromSeconds(30),
                OnAttempt = gate.OnAttempt,
            });
            client.DelayAsync = (delay, token) => Task.Delay(TimeSpan.FromMilliseconds(Math.Min(100, delay.TotalMilliseconds / 20)), token);
            return client;
        }
    }
}
