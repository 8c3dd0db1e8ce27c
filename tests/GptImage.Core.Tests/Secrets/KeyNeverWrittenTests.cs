using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using GptImage.Emulator;
using GptImage.Orchestration;
using GptImage.Tests.Orchestration;
using Xunit;

namespace GptImage.Tests.Secrets
{
    /// <summary>
    /// The engine's files (images, cache entries and their metadata JSON, the manifest) and every message it hands
    /// a cmdlet (results, errors, verbose, warnings, progress) never hold the API key, also when the server echoes
    /// a wrong key back in its 401 message as OpenAI does.
    /// </summary>
    public class KeyNeverWrittenTests
    {
        private const string RightKey = "sk-proj-FAKE_RIGHTKEY0123456789abcdefSECRET";
        private const string WrongKey = "sk-proj-FAKE_WRONGKEY9876543210zyxwvuSECRET";

        [Fact]
        public async Task Files_and_messages_of_a_batch_hold_no_key_with_the_right_key_or_a_wrong_one()
        {
            await using EmulatorServer server = await EmulatorServer.StartAsync(new EmulatorOptions { RequiredApiKey = RightKey });
            string output = Jobs.TempDirectory();
            string manifest = Path.Combine(output, "manifest.jsonl");
            var texts = new List<string>();

            // Right key: two images, one moderation failure; then the same rows again, served from the cache.
            for (int run = 0; run < 2; run++)
                texts.AddRange(Run(server, RightKey, output, manifest, "a lighthouse", "a forbidden thing", "a harbour"));
            // Wrong key: the emulator's 401 message echoes it, as OpenAI's "Incorrect API key provided: sk-..." does.
            texts.AddRange(Run(server, WrongKey, output, manifest, "a new row the cache has not seen"));

            Assert.Contains(texts, t => t.Contains(ErrorIds.Unauthorized));
            Assert.Equal(1, server.Counters.CountByStatus(401));                        // the echoed 401 was not retried
            Assert.Contains("Incorrect API key", File.ReadAllText(manifest));           // the failed row's message is recorded...
            Assert.NotEmpty(Directory.GetFiles(output, "*.json", SearchOption.AllDirectories)); // cache metadata was written
            foreach (string file in Directory.GetFiles(output, "*", SearchOption.AllDirectories))
                texts.Add(file + "\n" + Encoding.UTF8.GetString(File.ReadAllBytes(file)));

            foreach (string text in texts)                                               // ...without the key
            {
                Assert.DoesNotContain("RIGHTKEY0123456789", text);
                Assert.DoesNotContain("WRONGKEY9876543210", text);
            }
        }

        /// <summary>One session; returns everything it said (results, errors with their exceptions, verbose, warnings, progress).</summary>
        private static List<string> Run(EmulatorServer server, string key, string output, string manifest, params string[] prompts)
        {
            var log = new List<string>();
            using var client = new GptImageClient(new GptImageClientOptions
            {
                Endpoint = server.BaseUrl, ApiKey = key, MaxRetries = 1, Timeout = TimeSpan.FromSeconds(60), MaxRetryDelay = TimeSpan.FromSeconds(1),
                Log = line => { lock (log) log.Add(line); },
            });
            var sink = new RecordingSink();
            var options = new BatchOptions { OutputDirectory = output, ManifestPath = manifest, Endpoint = server.BaseUrl.ToString(), Force = true };
            using (var session = new BatchSession(client, options, CancellationToken.None))
            {
                foreach (string prompt in prompts) session.Submit(Jobs.Generate(prompt), sink);
                session.Complete(sink);
            }
            Assert.Equal(prompts.Length, sink.Finished);
            var said = new List<string>(log);
            said.AddRange(sink.Results.Select(r => string.Join("|", r.Status, r.Path, r.ErrorId, r.ErrorMessage, r.RequestId, r.ToString())));
            said.AddRange(sink.Errors.Select(e => (e.Error as GptImageApiException)?.ErrorId + "|" + e.Error.ToString() + "|" + (e.Error as GptImageApiException)?.ApiMessage + "|" + (e.Error as GptImageApiException)?.Advice));
            said.AddRange(sink.Verbose);
            said.AddRange(sink.Warnings);
            said.AddRange(sink.Progress.Select(p => p.Status));
            return said;
        }
    }
}
