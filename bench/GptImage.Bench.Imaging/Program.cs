using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using GptImage;
using GptImage.Imaging;

// Benchmark of the mask check (MaskValidator.Validate = header inspection + streaming alpha decode + statistics).
//   generate DIR             writes the test PNGs (1536x1024 and 4096x4096 RGBA masks)
//   time DIR ITERATIONS      median wall time of Validate per file, allocations per call
//   memory FILE              one Validate in a fresh process: peak working set before/after, bytes allocated
// bench/run-imaging.sh runs these and the pngjs timing on the same files, in one go.
internal static class Program
{
    private static int Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "generate": Generate(args[1]); return 0;
            case "time": Time(args[1], int.Parse(args[2], CultureInfo.InvariantCulture)); return 0;
            case "memory": Memory(args[1]); return 0;
            case "split": Split(args[1], int.Parse(args[2], CultureInfo.InvariantCulture)); return 0;
            default:
                Console.Error.WriteLine("usage: generate DIR | time DIR ITERATIONS | memory FILE");
                return 2;
        }
    }

    private static readonly (int Width, int Height)[] Sizes = { (1536, 1024), (4096, 4096) };

    private static string FileFor(string dir, int w, int h) => Path.Combine(dir, $"mask-{w}x{h}.png");

    /// <summary>
    /// A hard case for the mask check: an RGB picture (gradients plus a noisy blue channel, so inflate has real
    /// work: 2.3 MB and 23 MB files) whose alpha is 0 inside an ellipse and 255 outside.
    /// </summary>
    private static void Generate(string dir)
    {
        Directory.CreateDirectory(dir);
        var random = new Random(42);
        foreach (var (w, h) in Sizes)
        {
            var rgba = new byte[(long)w * h * 4];
            double cx = w * 0.55, cy = h * 0.45, rx = w * 0.2, ry = h * 0.25;
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++)
                {
                    long i = ((long)y * w + x) * 4;
                    rgba[i] = (byte)(x * 255 / w);
                    rgba[i + 1] = (byte)(y * 255 / h);
                    rgba[i + 2] = (byte)random.Next(256);
                    double dx = (x - cx) / rx, dy = (y - cy) / ry;
                    rgba[i + 3] = dx * dx + dy * dy <= 1 ? (byte)0 : (byte)255;
                }
            byte[] png = PngEncoder.EncodeRgba(w, h, rgba, CompressionLevel.Optimal);
            File.WriteAllBytes(FileFor(dir, w, h), png);
            Console.WriteLine($"wrote {FileFor(dir, w, h)} ({png.Length:N0} bytes)");
        }
    }

    private static void Time(string dir, int iterations)
    {
        foreach (var (w, h) in Sizes)
        {
            string file = FileFor(dir, w, h);
            MaskReport warm = MaskValidator.Validate(file, file);
            // The noisy 4096 file is over the 4 MiB mask limit (a TooLarge problem); what is timed is the full check.
            if (warm.TransparentPercent is null) throw new InvalidOperationException("pixels not read: " + string.Join("; ", warm.Problems));
            var times = new List<double>();
            long allocated = 0;
            for (int i = 0; i < iterations; i++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                var sw = Stopwatch.StartNew();
                MaskReport r = MaskValidator.Validate(file, file);
                sw.Stop();
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                times.Add(sw.Elapsed.TotalMilliseconds);
                GC.KeepAlive(r);
            }
            times.Sort();
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "csharp {0}x{1}: median {2:0.0} ms, min {3:0.0} ms, max {4:0.0} ms over {5} runs; {6:N0} bytes allocated per check; {7:0.00}% transparent, bounds {8}",
                w, h, times[times.Count / 2], times[0], times[^1], iterations, allocated, warm.TransparentPercent, warm.EditBounds));
        }
    }

    /// <summary>
    /// Where the time goes: inflating the IDAT data alone (.NET's zlib, no PNG work) against the whole check,
    /// on the 4096 file. The difference is CRC, Adler-32, unfiltering and the alpha statistics.
    /// </summary>
    private static void Split(string dir, int iterations)
    {
        string file = FileFor(dir, 4096, 4096);
        byte[] zlibData = IdatBytes(File.ReadAllBytes(file));
        var inflateTimes = new List<double>();
        var buffer = new byte[1 << 16];
        for (int i = 0; i <= iterations; i++)
        {
            var sw = Stopwatch.StartNew();
            using (var inflate = new DeflateStream(new MemoryStream(zlibData, 2, zlibData.Length - 6), CompressionMode.Decompress))
                while (inflate.Read(buffer, 0, buffer.Length) > 0) { }
            if (i > 0) inflateTimes.Add(sw.Elapsed.TotalMilliseconds);
        }
        inflateTimes.Sort();
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "csharp 4096x4096: inflate alone (DeflateStream over the IDAT bytes) median {0:0.0} ms", inflateTimes[inflateTimes.Count / 2]));
    }

    private static byte[] IdatBytes(byte[] png)
    {
        using var idat = new MemoryStream();
        for (int at = 8; at < png.Length;)
        {
            int length = (png[at] << 24) | (png[at + 1] << 16) | (png[at + 2] << 8) | png[at + 3];
            if (png[at + 4] == 'I' && png[at + 5] == 'D' && png[at + 6] == 'A' && png[at + 7] == 'T') idat.Write(png, at + 8, length);
            at += 12 + length;
        }
        return idat.ToArray();
    }

    /// <summary>One check in a fresh process: the peak working set before any imaging code ran and after the check.</summary>
    private static void Memory(string file)
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        long peakAtStart = process.PeakWorkingSet64;
        long totalBefore = GC.GetTotalAllocatedBytes(true);
        MaskReport r = MaskValidator.Validate(file, file);
        long totalAfter = GC.GetTotalAllocatedBytes(true);
        process.Refresh();
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "csharp memory {0}x{1} ({2:N0} byte file): process peak working set {3:0.0} MiB after one check, {4:0.0} MiB at start; managed bytes allocated by the check (incl. first-call JIT/type loading): {5:N0}",
            r.Width, r.Height, r.MaskBytes, process.PeakWorkingSet64 / 1048576.0, peakAtStart / 1048576.0, totalAfter - totalBefore));
    }
}
