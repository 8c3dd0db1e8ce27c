using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using GptImage.Emulator;
using GptImage.Orchestration;
using GptImage.Tests.Orchestration;
using Xunit;

namespace GptImage.Tests.Client
{
    /// <summary>
    /// Issue 2: "The API key never appears in a ... file". A whole batch run writes images, the cache and a
    /// manifest, which records each failed row's message. The emulator requires one key and echoes any wrong
    /// key in full in its 401 message (as OpenAI does), so a leak would land in the manifest's error column.
    /// </summary>
    public sealed class KeyInFilesTests
    {
        private const string GoodKey = "sk-proj-GOODKEYabcdefghijklmnopqrstuvwxyz0123456789";
        private const string WrongKey = "sk-proj-WRONGKEYzyxwvutsrqponmlkjihgfedcba9876543210";

        [Fact]
        public async Task Images_cache_and_manifest_of_a_run_with_an_echoed_wrong_key_never_hold_a_key()
        {
            await using EmulatorServer server = await EmulatorServer.StartAsync(new EmulatorOptions { RequiredApiKey = GoodKey });
            string root = Jobs.TempDirectory();
            var log = new ConcurrentQueue<string>();
            try
            {
                var wrong = Run(server, WrongKey, root, log, "wrong");
                var error = Assert.IsType<GptImageApiException>(Assert.Single(wrong.Errors).Error);
                Assert.Equal(ErrorIds.Unauthorized, error.ErrorId);
                Assert.Equal(1, server.Counters.CountByStatus(401));   // one call, answered 401 with the echo (not retried)

                var good = Run(server, GoodKey, root, log, "good");
                Assert.Empty(good.Errors);
                Assert.Single(good.Results);

                string[] files = Directory.GetFiles(root, "*", SearchOption.AllDirectories);
                Assert.Contains(files, f => f.EndsWith(".png", StringComparison.Ordinal));
                Assert.Contains(files, f => f.EndsWith("manifest.jsonl", StringComparison.Ordinal));
                Assert.Contains(files, f => f.Contains(".gptimage-cache"));
                string manifest = File.ReadAllText(Path.Combine(root, "manifest.jsonl"));
                Assert.Contains("Incorrect API key", manifest);                  // the failed row's message is there...
                foreach (string file in files)
                {
                    string text = Encoding.Latin1.GetString(File.ReadAllBytes(file));
                    foreach (string secret in new[] { GoodKey, WrongKey, "GOODKEYabcdef", "WRONGKEYzyxwv" })
                        Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{file} holds key text {secret}");   // ...without the key
                }
                foreach (string text in log.Concat(wrong.Verbose).Concat(wrong.Warnings).Concat(good.Verbose).Concat(good.Warnings).Append(error.ToString()))
                {
                    Assert.DoesNotContain("GOODKEYabcdef", text);
                    Assert.DoesNotContain("WRONGKEYzyxwv", text);
                }
            }
            finally
            {
                Directory.Delete(root, recursive: true);
            }
        }

        private static RecordingSink Run(EmulatorServer server, string key, string root, ConcurrentQueue<string> log, string prompt)
        {
            using var client = new GptImageClient(new GptImageClientOptions
            {
                Endpoint = server.BaseUrl, ApiKey = key, MaxRetries = 1, Timeout = TimeSpan.FromSeconds(60), Log = log.Enqueue,
            });
            var sink = new RecordingSink();
            var options = new BatchOptions
            {
                OutputDirectory = root, ManifestPath = Path.Combine(root, "manifest.jsonl"), Endpoint = server.BaseUrl.ToString(), ThrottleLimit = 1,
            };
            using (var session = new BatchSession(client, options, CancellationToken.None))
            {
                session.Submit(Jobs.Generate(prompt, sku: prompt), sink);
                session.Complete(sink);
            }
            return sink;
        }
    }
}
