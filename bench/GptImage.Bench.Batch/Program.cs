using System;
using System.Globalization;
using System.Threading.Tasks;

namespace GptImage.Bench
{
    /// <summary>
    /// bench: throughput at the rate limit vs one request at a time, then peak working set for 100 and 1000 rows.
    /// "memory &lt;baseUrl&gt; &lt;rows&gt; &lt;dir&gt;" is the child mode the memory part starts, so each figure is one process's own.
    /// </summary>
    public static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            if (args.Length == 4 && args[0] == "memory")
                return await MemoryBench.RunChildAsync(new Uri(args[1]), int.Parse(args[2], CultureInfo.InvariantCulture), args[3]);
            Console.WriteLine($"# GptImage batch benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} CPUs, {Environment.OSVersion}, .NET {Environment.Version}");
            if (args.Length > 0 && args[0] == "memory-only")
            {
                await MemoryBench.RunAsync(new[] { 100, 1000, 3000 });
                return 0;
            }
            int rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
            await ThroughputBench.RunAsync(rows);
            await MemoryBench.RunAsync(new[] { 100, 1000 });
            return 0;
        }
    }
}
