using System;
using System.Collections.Generic;
using System.IO;
using System.Diagnostics;
using GptImage.Imaging.Pixels;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

// Modes (one measurement per process, so the peak memory is that case's own):
//   generate <dir>                              photo-like test images (noise over gradients: real work for the encoders)
//   upscale <file> <scale> <png|jpeg> <n>       the module's path (PrintUpscaler: identify, decode, Lanczos-3, encode): median ms, peak RSS
//   stages <file> <scale> <n>                   decode / resize / PNG encode (three settings) / JPEG q90, separately
//   maskscan <file> <n> | maskdecode <file> <n>  the streaming alpha scan (MaskValidator) against an ImageSharp decode of the same mask
//   tier <file> <png|webp80|png+thumb256|webp80+thumb256> <count>  Export-GptImageBatch's tiered write (ExportWriter) of <count> results
string mode = args[0];
switch (mode)
{
    case "generate": Generate(args[1]); break;
    case "upscale": Upscale(args[1], double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), args[3], int.Parse(args[4])); break;
    case "stages": Stages(args[1], double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[3])); break;
    case "maskscan": Time("mask scan (streaming PNG decoder)", int.Parse(args[2]), () => GptImage.MaskValidator.Validate(args[1], args[1])); break;
    case "tier": Tier(args[1], args[2], int.Parse(args[3])); break;
    case "maskdecode": Time("mask decode (ImageSharp Image<Rgba32>)", int.Parse(args[2]), () => { using var i = Image.Load<Rgba32>(args[1]); }); break;
}

static void Generate(string dir)
{
    Directory.CreateDirectory(dir);
    foreach (var (w, h) in new[] { (1024, 1024), (1536, 1024) })
    {
        var random = new Random(42);
        using var image = new Image<Rgba32>(w, h);
        image.ProcessPixelRows(rows =>
        {
            for (int y = 0; y < h; y++)
            {
                var row = rows.GetRowSpan(y);
                for (int x = 0; x < w; x++)
                    row[x] = new Rgba32((byte)(x * 255 / w + random.Next(24)), (byte)(y * 255 / h + random.Next(24)), (byte)(128 + 100 * Math.Sin(x / 40.0) * Math.Cos(y / 55.0)), 255);
            }
        });
        image.SaveAsPng(Path.Combine(dir, $"photo-{w}x{h}.png"));
    }
    // A 4096x4096 edit mask: opaque with a transparent ellipse.
    using var mask = new Image<Rgba32>(4096, 4096, new Rgba32(0, 0, 0, 255));
    mask.ProcessPixelRows(rows =>
    {
        for (int y = 0; y < 4096; y++)
        {
            var row = rows.GetRowSpan(y);
            for (int x = 0; x < 4096; x++)
                if (Math.Pow((x - 2048) / 1500.0, 2) + Math.Pow((y - 2048) / 900.0, 2) < 1) row[x] = new Rgba32(0, 0, 0, 0);
        }
    });
    mask.SaveAsPng(Path.Combine(dir, "mask-4096x4096.png"));
}

static void Upscale(string file, double scale, string format, int n)
{
    var options = new UpscaleOptions { Scale = scale, OutputFormat = format, Quality = 90 };
    Time($"upscale {Path.GetFileName(file)} x{scale} -> {format}", n, () => PrintUpscaler.Upscale(file, options));
}

static void Stages(string file, double scale, int n)
{
    using var source = Image.Load<Rgba32>(file);
    int w = (int)(source.Width * scale), h = (int)(source.Height * scale);
    Time("decode", n, () => { using var i = Image.Load<Rgba32>(file); });
    using var resized = source.Clone(c => c.Resize(w, h, KnownResamplers.Lanczos3));
    Time($"resize Lanczos-3 to {w}x{h}", n, () => { using var r = source.Clone(c => c.Resize(w, h, KnownResamplers.Lanczos3)); });
    foreach (var (name, encoder) in new (string, SixLabors.ImageSharp.Formats.IImageEncoder)[]
    {
        ("encode PNG (level 6, adaptive filter: ImageSharp's default)", new PngEncoder { ColorType = PngColorType.Rgb }),
        ("encode PNG (level 6, Paeth filter)", new PngEncoder { ColorType = PngColorType.Rgb, FilterMethod = PngFilterMethod.Paeth }),
        ("encode PNG (level 3, Paeth filter)", new PngEncoder { ColorType = PngColorType.Rgb, FilterMethod = PngFilterMethod.Paeth, CompressionLevel = PngCompressionLevel.Level3 }),
        ("encode JPEG q90", new JpegEncoder { Quality = 90 }),
    })
    {
        long bytes = 0;
        Time(name, n, () => bytes = Encode(resized, encoder));
        Console.WriteLine($"  -> {bytes / 1024.0 / 1024:0.0} MiB");
    }
}

// The whole export path of Export-GptImageBatch -Tier: tier, name, (decode, encode, thumbnail), atomic writes with fsync.
static void Tier(string file, string mode, int count)
{
    byte[] bytes = File.ReadAllBytes(file);
    var settings = new System.Collections.Hashtable();
    settings["Format"] = mode.StartsWith("webp80", StringComparison.Ordinal) ? "webp" : "png";
    if (mode.StartsWith("webp80", StringComparison.Ordinal)) settings["Quality"] = 80;
    if (mode.EndsWith("+thumb256", StringComparison.Ordinal)) settings["ThumbnailWidth"] = 256;
    string dir = Path.Combine(Path.GetTempPath(), "tier-bench-" + Guid.NewGuid().ToString("N"));
    var writer = new GptImage.Orchestration.ExportWriter(new GptImage.Orchestration.ExportOptions
    {
        DestinationPath = dir, FileNameTemplate = "image-{Row}",
        Tiers = GptImage.Orchestration.TierRules.Create(null, new System.Collections.Hashtable { ["*"] = settings }, null),
    });
    string sha = GptImage.Orchestration.AtomicFile.Sha256Hex(bytes);
    var clock = Stopwatch.StartNew();
    long written = 0;
    for (int row = 1; row <= count; row++)
    {
        var result = writer.Write(new GptImage.Orchestration.GptImageResult { Model = "gpt-image-2", Quality = "high", Format = "png", Bytes = bytes, Sha256 = sha, RowNumber = row });
        written += new FileInfo(result.Path!).Length + (result.ThumbnailPath is null ? 0 : new FileInfo(result.ThumbnailPath).Length);
    }
    double seconds = clock.Elapsed.TotalSeconds;
    Directory.Delete(dir, recursive: true);
    Console.WriteLine($"tier {mode}, {count} x {Path.GetFileName(file)}: {seconds:0.0} s ({seconds * 1000 / count:0} ms an image), {written / 1024.0 / 1024:0.0} MiB written, peak RSS {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):0.0} MiB");
}

static long Encode(Image<Rgba32> image, SixLabors.ImageSharp.Formats.IImageEncoder encoder)
{
    using var output = new MemoryStream();
    image.Save(output, encoder);
    return output.Length;
}

static void Time(string label, int n, Action action)
{
    action();   // warm-up (JIT)
    var times = new List<double>();
    for (int i = 0; i < n; i++)
    {
        var clock = Stopwatch.StartNew();
        action();
        times.Add(clock.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    Console.WriteLine($"{label}: median {times[times.Count / 2]:0} ms (min {times[0]:0}, max {times[^1]:0}, n={n}), peak RSS {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):0.0} MiB");
}
