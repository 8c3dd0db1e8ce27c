using System.Diagnostics;

namespace GptImage.Tests.Imaging
{
    /// <summary>
    /// Runs tests/corpus/pngjs-decode.mjs (pngjs from tools/node, installed by tools/setup.sh) so a test can
    /// check our PNG output with a decoder we did not write. Fails loudly when node or pngjs is missing:
    /// a skipped oracle must not look like a pass.
    /// </summary>
    internal static class PngjsOracle
    {
        public sealed record Decoded(string File, int Width, int Height, string? RgbaSha256, string? AlphaSha256, string? Error);

        public static IReadOnlyList<Decoded> Decode(params string[] files)
        {
            string script = Path.Combine(ImagingTestPaths.RepoRoot, "tests", "corpus", "pngjs-decode.mjs");
            string pngjs = Path.Combine(ImagingTestPaths.RepoRoot, "tools", "node", "node_modules", "pngjs");
            if (!Directory.Exists(pngjs))
                throw new InvalidOperationException("pngjs is not installed: run `bash tools/setup.sh` (npm ci in tools/node).");

            var psi = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.ArgumentList.Add(script);
            foreach (string f in files) psi.ArgumentList.Add(f);
            using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start node");
            var stderrTask = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(120_000)) { process.Kill(); throw new TimeoutException("pngjs oracle did not finish in 120 s"); }
            if (process.ExitCode != 0) throw new InvalidOperationException("pngjs oracle failed: " + stderrTask.Result);

            var results = new List<Decoded>();
            foreach (string line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                using var doc = JsonDocument.Parse(line);
                var r = doc.RootElement;
                results.Add(new Decoded(
                    r.GetProperty("file").GetString()!,
                    r.TryGetProperty("width", out var w) ? w.GetInt32() : 0,
                    r.TryGetProperty("height", out var h) ? h.GetInt32() : 0,
                    r.TryGetProperty("rgbaSha256", out var s) ? s.GetString() : null,
                    r.TryGetProperty("alphaSha256", out var a) ? a.GetString() : null,
                    r.TryGetProperty("error", out var e) ? e.GetString() : null));
            }
            return results;
        }
    }
}
