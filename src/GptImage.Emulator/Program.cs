using System;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using GptImage.Emulator;
using GptImage.Emulator.CommandLine;

// Standalone entry point: parse flags, start, print the address, run until Ctrl+C or SIGTERM.
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        EmulatorOptions options;
        int port;
        try
        {
            (options, port, bool help) = EmulatorCommandLine.Parse(args);
            if (help) { Console.WriteLine(EmulatorCommandLine.Usage); return 0; }
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        // SIGTERM (kill, docker stop, a test's cleanup) must end the process cleanly, not be swallowed.
        using PosixSignalRegistration? sigterm = TryRegister(PosixSignal.SIGTERM, stop);

        await using EmulatorServer server = await EmulatorServer.StartAsync(options, port);
        Console.WriteLine($"Listening on {server.BaseUrl}");
        Console.Out.Flush();
        try { await Task.Delay(Timeout.Infinite, stop.Token); }
        catch (OperationCanceledException) { }
        Console.WriteLine($"Stopped after {server.Counters.Total} requests.");
        return 0;
    }

    private static PosixSignalRegistration? TryRegister(PosixSignal signal, CancellationTokenSource stop)
    {
        try
        {
            return PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;   // we exit ourselves, after stopping the server
                stop.Cancel();
            });
        }
        catch (PlatformNotSupportedException)
        {
            return null;
        }
    }
}
