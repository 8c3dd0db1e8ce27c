using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GptImage.BatchApi;
using GptImage.Emulator;
using GptImage.Orchestration;

namespace GptImage.Tests.BatchApi
{
    /// <summary>An emulator, a client for it, a private state folder and a work folder; everything removed on dispose.</summary>
    internal sealed class BatchHarness : IAsyncDisposable
    {
        public const string Key = "sk-proj-FAKE_BATCHKEY0123456789abcdefSECRET";

        private BatchHarness(EmulatorServer server, string root)
        {
            Server = server;
            Root = root;
            Client = new GptImageClient(new GptImageClientOptions { Endpoint = server.BaseUrl, ApiKey = Key, Organization = "", Project = "" });
            Store = new BatchRecordStore(Path.Combine(root, "state"));
            Api = new BatchApiClient(Client);
        }

        public EmulatorServer Server { get; }
        public string Root { get; }
        public GptImageClient Client { get; }
        public BatchRecordStore Store { get; }
        public BatchApiClient Api { get; }
        public string Work => Path.Combine(Root, "work");
        public string Output => Path.Combine(Root, "out");

        public static async Task<BatchHarness> StartAsync(Action<EmulatorOptions>? configure = null)
        {
            var options = new EmulatorOptions { RequiredApiKey = Key };
            configure?.Invoke(options);
            EmulatorServer server = await EmulatorServer.StartAsync(options);
            string root = Path.Combine(Path.GetTempPath(), "gptimage-batch-tests-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(root);
            return new BatchHarness(server, root);
        }

        public BatchSubmitter Submitter() => new BatchSubmitter(Client, Store);
        public BatchReceiver Receiver() => new BatchReceiver(Client, Store);

        public BatchSubmitOptions SubmitOptions(BatchLimits? limits = null) =>
            new BatchSubmitOptions { WorkFolder = Work, Limits = limits ?? BatchLimits.Default };

        /// <summary>Polls until the batch is finished, with a generous deadline for a loaded machine.</summary>
        public async Task<BatchInfo> WaitAsync(string batchId)
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            while (true)
            {
                BatchInfo info = await Api.GetBatchAsync(batchId, deadline.Token);
                if (info.IsFinished) return info;
                await Task.Delay(25, deadline.Token);
            }
        }

        public static ImageJob Generation(int row, string prompt, IDictionary<string, string?>? fields = null) =>
            new ImageJob(new ImageGenerationRequest { Prompt = prompt, Model = "gpt-image-2", Size = "1024x1024", Quality = "low" })
            {
                RowNumber = row,
                SourceFields = new Dictionary<string, string?>(fields ?? new Dictionary<string, string?> { ["Sku"] = "SKU-" + row }, StringComparer.OrdinalIgnoreCase),
            };

        public string WriteImage(string name, int width, int height, bool transparent = false)
        {
            Directory.CreateDirectory(Root);
            string path = Path.Combine(Root, name);
            File.WriteAllBytes(path, Infrastructure.TestImages.PngBytes(width, height, transparent));
            return path;
        }

        public int CountRequests(string method, string pathEnd) =>
            Server.Counters.Requests.Count(r => r.Method == method && r.Path.EndsWith(pathEnd, StringComparison.Ordinal));

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await Server.DisposeAsync();
            try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
