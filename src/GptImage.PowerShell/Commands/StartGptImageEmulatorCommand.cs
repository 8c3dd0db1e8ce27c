using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;

namespace GptImage.Commands
{
    /// <summary>Starts the local OpenAI image API emulator on a free loopback port and points this session at it.</summary>
    /// <remarks>
    /// <para>For testing runbooks with Pester and no key: the emulator answers image generations and edits the way
    /// OpenAI's API does (same JSON, errors and headers, real images of the requested size) on 127.0.0.1, and
    /// nothing is billed. The knobs rehearse what production does to a runbook: latency, a rate limit, random server
    /// errors, rate-limit answers, dropped connections, cut-off bodies, an empty wallet.</para>
    /// <para>Until Stop-GptImageEmulator, every GptImage cmdlet in this session uses the emulator (even after an
    /// earlier Connect-GptImage with a real key), and so do other runspaces, jobs and child processes through
    /// $env:OPENAI_BASE_URL and $env:OPENAI_API_KEY. Stop-GptImageEmulator restores all of it.</para>
    /// <para>The emulator is the .NET tool package GptImage.Emulator (it needs the .NET 10 runtime), installed with
    /// `dotnet tool install --global GptImage.Emulator --add-source FOLDER`. It is found through
    /// $env:GPTIMAGE_EMULATOR (its program or GptImage.Emulator.dll), then `gptimage-emulator` on PATH, then
    /// ~/.dotnet/tools. Every emulator still running when PowerShell exits is stopped then.</para>
    /// </remarks>
    /// <example>
    /// <code>$emulator = Start-GptImageEmulator
    /// New-GptImage -Prompt 'a lighthouse at dawn' -Quality low -OutputDirectory ./out
    /// Stop-GptImageEmulator $emulator</code>
    /// <para>Starts an emulator, makes one image with it and stops it. The session's own settings are back afterwards.</para>
    /// </example>
    /// <example>
    /// <code>$emulator = Start-GptImageEmulator -LatencyMs 200, 800 -RequestsPerMinute 30 -ErrorRate 0.1
    /// Import-Csv ./products.csv | New-GptImage -OutputDirectory ./out -ThrottleLimit 8
    /// Invoke-RestMethod "$($emulator.ControlUrl)counters" | Select-Object total, succeeded, byStatus
    /// Stop-GptImageEmulator</code>
    /// <para>Rehearses a batch under a rate limit of 30 requests a minute, slow answers and one server error in ten;
    /// the counters show how many calls were made and how they were answered.</para>
    /// </example>
    /// <example>
    /// <code>$null = Start-GptImageEmulator -InsufficientQuota
    /// New-GptImage -Prompt 'a kite' -NoCache -ErrorVariable failed -ErrorAction SilentlyContinue
    /// $failed[0].FullyQualifiedErrorId
    /// Stop-GptImageEmulator</code>
    /// <para>Rehearses an account with no credit left: the row fails with GptImage.QuotaExceeded, which a runbook can
    /// catch and report. In a Pester file the first line goes in BeforeAll and the last in AfterAll.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Start, "GptImageEmulator", HelpUri = HelpLinks.Readme + "start-gptimageemulator")]
    [OutputType(typeof(GptImageEmulator))]
    public sealed class StartGptImageEmulatorCommand : StoppableCmdlet
    {
        /// <summary>Delay of each image call in milliseconds: one number, or two for a random delay between them. Default none.</summary>
        [Parameter]
        [ValidateCount(1, 2)]
        [ValidateRange(0, 600000)]
        public int[]? LatencyMs { get; set; }

        /// <summary>Requests per minute before the emulator answers 429 rate_limit_exceeded with retry-after (a sliding one-minute window). Default no limit.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int RequestsPerMinute { get; set; }

        /// <summary>Images per minute (the sum of -Count over requests) before 429 rate_limit_exceeded. Default no limit.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int ImagesPerMinute { get; set; }

        /// <summary>Share of image calls, 0 to 1, answered 500 server_error or 503 server_is_overloaded. Default 0.</summary>
        [Parameter]
        [ValidateRange(0.0, 1.0)]
        public double ErrorRate { get; set; }

        /// <summary>Share of image calls, 0 to 1, answered 429 rate_limit_exceeded whatever the rate. Default 0.</summary>
        [Parameter]
        [ValidateRange(0.0, 1.0)]
        public double RateLimitRate { get; set; }

        /// <summary>Share of image calls, 0 to 1, whose connection is closed before any answer. Default 0.</summary>
        [Parameter]
        [ValidateRange(0.0, 1.0)]
        public double DropRate { get; set; }

        /// <summary>Share of successful answers, 0 to 1, cut off halfway. Default 0.</summary>
        [Parameter]
        [ValidateRange(0.0, 1.0)]
        public double TruncateRate { get; set; }

        /// <summary>Every image call gets 429 insufficient_quota, as from an account with no credit left.</summary>
        [Parameter]
        public SwitchParameter InsufficientQuota { get; set; }

        /// <summary>Makes latency, fault choices and request ids repeat for the same order of requests. Default random.</summary>
        [Parameter]
        public int? Seed { get; set; }

        /// <summary>Further emulator flags, as `gptimage-emulator --help` lists them, for example '--moderation-word', 'forbidden'.</summary>
        [Parameter]
        [AllowEmptyCollection]
        public string[] ArgumentList { get; set; } = Array.Empty<string>();

        /// <summary>How long to wait for the emulator to listen, in seconds (1 to 600, default 60).</summary>
        [Parameter]
        [ValidateRange(1, 600)]
        public int TimeoutSec { get; set; } = 60;

        protected override void EndProcessing()
        {
            var program = EmulatorLocator.Find();
            if (program is null)
            {
                var notFound = new ErrorRecord(new System.IO.FileNotFoundException("The GptImage emulator is not installed: no $env:" +
                    EmulatorLocator.EnvironmentVariable + ", and no '" + EmulatorLocator.ToolCommand + "' on PATH or in ~/.dotnet/tools."),
                    "GptImage.EmulatorNotFound", ErrorCategory.ObjectNotFound, null);
                notFound.ErrorDetails = new ErrorDetails(notFound.Exception.Message) { RecommendedAction = EmulatorLocator.InstallAdvice };
                ThrowTerminatingError(notFound);
                return;
            }

            var arguments = new List<string>(program.Value.Prefix) { "--port", "0" };
            arguments.AddRange(Flags());
            arguments.AddRange(ArgumentList);
            WriteVerbose($"Starting {program.Value.FileName} {string.Join(" ", arguments)}");

            System.Diagnostics.Process process;
            string baseUrl;
            try
            {
                (process, baseUrl) = EmulatorProcess.Start(program.Value.FileName, arguments, TimeSpan.FromSeconds(TimeoutSec), StopToken);
            }
            catch (Exception e) when (e is InvalidOperationException || e is TimeoutException || e is System.ComponentModel.Win32Exception)
            {
                ThrowTerminatingError(new ErrorRecord(e, "GptImage.EmulatorFailed", ErrorCategory.ResourceUnavailable, program.Value.FileName));
                return;
            }

            var emulator = new GptImageEmulator(process, baseUrl, SessionPointer.PointAt(baseUrl, SessionPointer.EmulatorKey));
            RunningEmulators.Add(emulator);
            WriteVerbose($"The emulator listens on {baseUrl} (process {emulator.ProcessId}); this session's GptImage cmdlets now use it.");
            WriteObject(emulator);
        }

        /// <summary>The emulator's own flags for the knobs given (docs/emulator.md lists them all).</summary>
        private IEnumerable<string> Flags()
        {
            if (LatencyMs != null && LatencyMs.Length > 0)
            {
                yield return "--latency-ms";
                yield return LatencyMs.Length == 1 ? Text(LatencyMs[0]) : Text(Math.Min(LatencyMs[0], LatencyMs[1])) + "-" + Text(Math.Max(LatencyMs[0], LatencyMs[1]));
            }
            if (RequestsPerMinute > 0) { yield return "--rpm"; yield return Text(RequestsPerMinute); }
            if (ImagesPerMinute > 0) { yield return "--ipm"; yield return Text(ImagesPerMinute); }
            if (ErrorRate > 0) { yield return "--error-rate"; yield return Text(ErrorRate); }
            if (RateLimitRate > 0) { yield return "--rate-limit-rate"; yield return Text(RateLimitRate); }
            if (DropRate > 0) { yield return "--drop-rate"; yield return Text(DropRate); }
            if (TruncateRate > 0) { yield return "--truncate-rate"; yield return Text(TruncateRate); }
            if (InsufficientQuota) yield return "--insufficient-quota";
            if (Seed.HasValue) { yield return "--seed"; yield return Text(Seed.Value); }
        }

        private static string Text(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);
    }
}
