#Requires -Version 7.4
<#
.SYNOPSIS
    Soak test: a CSV of rows through Import-Csv | New-GptImage | Export-GptImageBatch against the emulator with
    server errors, dropped connections, cut-short bodies and a binding rate limit, the pwsh process killed at random
    moments and the run repeated until every row is done. Prints what was paid, what is on disk and how long it took.
.DESCRIPTION
    Needs only the built repository (dotnet build; tools/setup.sh restores pwsh). Every run is a child pwsh process,
    so a kill is a real kill (no finally blocks, no flush). Afterwards it checks, from the emulator's own record of
    every call: each row answered 200 exactly once (no row paid twice), calls = rows + failed attempts; on disk: one
    complete PNG per row (IHDR size as asked, IEND at the end, SHA-256 as the manifest says), no temporary files
    left, the last run's manifest naming exactly the files in the destination, and no row lost.
.EXAMPLE
    dotnet pwsh -NoProfile -File bench/soak/Invoke-Soak.ps1 -Rows 500 -RequestsPerMinute 120 -Kills 3 | Format-List
#>
[CmdletBinding()]
param(
    [int] $Rows = 500,
    [int] $RequestsPerMinute = 120,
    [int] $ThrottleLimit = 8,
    [int] $Kills = 3,
    [double] $ServerErrorRate = 0.20,
    [double] $DropConnectionRate = 0.05,
    [double] $TruncateBodyRate = 0.05,
    [int] $Seed = 20261206,
    [int] $MaxRuns = 12,
    [string] $WorkDirectory = (Join-Path ([IO.Path]::GetTempPath()) ("gptimage-soak-" + [guid]::NewGuid().ToString('N').Substring(0, 8)))
)

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot '../../tests/Support/TestEnvironment.ps1')
$module = Get-GptImageModulePath
$random = [Random]::new($Seed)
$null = New-Item -ItemType Directory -Force -Path $WorkDirectory
$csv = Join-Path $WorkDirectory 'rows.csv'
$output = Join-Path $WorkDirectory 'out'
$assets = Join-Path $WorkDirectory 'assets'
1..$Rows | ForEach-Object { [pscustomobject]@{ Sku = 'SKU-{0:D5}' -f $_; Prompt = "soak product $_ on a plain background" } } |
    Export-Csv -LiteralPath $csv -NoTypeInformation

# One run as the user types it, in its own process.
$runScript = Join-Path $WorkDirectory 'run.ps1'
@'
param($Module, $Endpoint, $Csv, $Output, $Assets, $Manifest, $ThrottleLimit)
Import-Module $Module
$key = ConvertTo-SecureString 'sk-soak-test' -AsPlainText -Force
Import-Csv -LiteralPath $Csv |
    New-GptImage -Endpoint $Endpoint -ApiKey $key -Size 1024x1024 -Quality low -OutputDirectory $Output -FileName '{Sku}' -ThrottleLimit $ThrottleLimit -MaxRetries 10 -ErrorAction Continue |
    Export-GptImageBatch -DestinationPath $Assets -FileName '{Sku}' -ManifestPath $Manifest -ErrorAction Continue
exit $(if ($Error.Count -gt 0) { 1 } else { 0 })
'@ | Set-Content -LiteralPath $runScript

$emulator = Start-TestEmulator
try {
    Set-EmulatorOptions $emulator @{
        requestsPerMinute = $RequestsPerMinute; serverErrorRate = $ServerErrorRate; dropConnectionRate = $DropConnectionRate
        truncateBodyRate = $TruncateBodyRate; minLatencyMs = 200; maxLatencyMs = 1200; seed = $Seed
    }
    $pwsh = Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')
    $runs = [System.Collections.Generic.List[object]]::new()
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    for ($run = 1; $run -le $MaxRuns; $run++) {
        $manifest = Join-Path $WorkDirectory "manifest-run$run.csv"
        $start = [System.Diagnostics.ProcessStartInfo]::new($pwsh)
        foreach ($a in @('-NoProfile', '-NonInteractive', '-File', $runScript, $module, $emulator.BaseUrl, $csv, $output, $assets, $manifest, $ThrottleLimit)) { $start.ArgumentList.Add([string]$a) }
        $start.RedirectStandardOutput = $true; $start.RedirectStandardError = $true; $start.UseShellExecute = $false
        $runClock = [System.Diagnostics.Stopwatch]::StartNew()
        $process = [System.Diagnostics.Process]::Start($start)
        $null = $process.StandardOutput.ReadToEndAsync(); $errors = $process.StandardError.ReadToEndAsync()
        $killed = $false
        if ($run -le $Kills) {
            # A random moment of this run's progress: once a random share (5-70 %) of the rows still missing have their
            # file, plus a random fraction of a second, so the kill lands mid-write, mid-request or between rows.
            $done = @(Get-ChildItem -LiteralPath $output -Filter '*.png' -File -ErrorAction SilentlyContinue).Count
            $target = $done + [math]::Max(1, [int](($Rows - $done) * (0.05 + 0.65 * $random.NextDouble())))
            while (-not $process.HasExited -and @(Get-ChildItem -LiteralPath $output -Filter '*.png' -File -ErrorAction SilentlyContinue).Count -lt $target) {
                Start-Sleep -Milliseconds 100
            }
            Start-Sleep -Milliseconds $random.Next(0, 1000)
            if (-not $process.HasExited) { $process.Kill($true); $killed = $true }
        }
        $process.WaitForExit()
        $runs.Add([pscustomobject]@{ Run = $run; Seconds = [math]::Round($runClock.Elapsed.TotalSeconds, 1); Killed = $killed; ExitCode = $process.ExitCode
                                     RowErrors = @(($errors.Result -split "`n") | Where-Object { $_ -match 'GptImage\.' }).Count })
        Write-Host ("run {0}: {1,6:0.0} s, {2}" -f $run, $runClock.Elapsed.TotalSeconds, ($killed ? 'killed' : "exit $($process.ExitCode)"))
        if (-not $killed -and $process.ExitCode -eq 0 -and $run -gt $Kills) { break }
    }
    $wall = $clock.Elapsed

    # What was paid: the emulator's record of every image call.
    $counters = Get-EmulatorCounters $emulator
    $calls = @($counters.requests | Where-Object path -Match 'images/generations')
    $answered = @($calls | Where-Object { $_.status -eq 200 -and $_.outcome -eq 'Answered' })
    $paidPerPrompt = $answered | Group-Object prompt
    $paidTwice = @($paidPerPrompt | Where-Object Count -GT 1)
    $failedAttempts = $calls.Count - $answered.Count

    # What is on disk.
    $iend = [byte[]](0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82)
    function Test-CompletePng([string] $Path) {
        $bytes = [IO.File]::ReadAllBytes($Path)
        if ($bytes.Length -lt 45) { return $false }
        $tail = $bytes[($bytes.Length - 12)..($bytes.Length - 1)]
        $info = [GptImage.ImageInspector]::Inspect($bytes)
        return (-not (Compare-Object $tail $iend -SyncWindow 0)) -and $info.Width -eq 1024 -and $info.Height -eq 1024
    }
    Import-Module $module
    $outFiles = @(Get-ChildItem -LiteralPath $output -Filter '*.png' -File)
    $assetFiles = @(Get-ChildItem -LiteralPath $assets -Filter '*.png' -File)
    $corrupt = @(($outFiles + $assetFiles) | Where-Object { -not (Test-CompletePng $_.FullName) })
    $temps = @(Get-ChildItem -LiteralPath $output, $assets -Recurse -Force -File -Filter '.gptimage-tmp-*')
    $lastManifest = Import-Csv -LiteralPath (Join-Path $WorkDirectory "manifest-run$($runs[-1].Run).csv") | Where-Object { $_.Status -in 'Succeeded', 'Cached' }
    $manifestPaths = @($lastManifest.Path | ForEach-Object { [IO.Path]::GetFullPath($_) } | Sort-Object)
    $diskPaths = @($assetFiles.FullName | Sort-Object)
    $manifestMatchesDisk = ($manifestPaths.Count -eq $diskPaths.Count) -and -not (Compare-Object $manifestPaths $diskPaths -SyncWindow 0)
    $shaMismatch = @($lastManifest | Where-Object { (Get-FileHash -LiteralPath $_.Path -Algorithm SHA256).Hash -ne $_.Sha256 })
    $skus = (Import-Csv -LiteralPath $csv).Sku
    $lost = @($skus | Where-Object { -not (Test-Path -LiteralPath (Join-Path $assets "$_.png")) })

    $summary = [ordered]@{
        Date = (Get-Date).ToUniversalTime().ToString('yyyy-MM-dd HH:mm') + ' UTC'
        Machine = "$([Environment]::ProcessorCount) cores, $((Get-Content /proc/cpuinfo -ErrorAction SilentlyContinue | Select-String 'model name' | Select-Object -First 1) -replace '.*:\s*', '')"
        LoadAverage = (Get-Content /proc/loadavg -ErrorAction SilentlyContinue)
        Rows = $Rows; RequestsPerMinute = $RequestsPerMinute; ThrottleLimit = $ThrottleLimit
        Faults = "server errors $ServerErrorRate, dropped connections $DropConnectionRate, cut-short bodies $TruncateBodyRate, latency 200-1200 ms"
        Runs = $runs.Count; Kills = @($runs | Where-Object Killed).Count
        Calls = $calls.Count; AnsweredComplete = $answered.Count; FailedAttempts = $failedAttempts
        RowsPaidTwice = $paidTwice.Count; CallsEqualRowsPlusFailedAttempts = ($calls.Count -eq $Rows + $failedAttempts)
        ByStatus = ($counters.byStatus.PSObject.Properties | ForEach-Object { "$($_.Name): $($_.Value)" }) -join ', '
        FilesInOutput = $outFiles.Count; FilesInDestination = $assetFiles.Count; CorruptOrPartialFiles = $corrupt.Count
        TemporaryFilesLeft = $temps.Count; ManifestRows = $lastManifest.Count; ManifestEqualsDisk = $manifestMatchesDisk
        ManifestShaMismatches = $shaMismatch.Count; RowsLost = $lost.Count
        WallSeconds = [math]::Round($wall.TotalSeconds, 1)
        # The emulator's window slides over one minute: the first RequestsPerMinute calls may all go at once, every
        # further one waits its turn. So the least time N calls can take is (N - limit) / limit minutes.
        FloorSecondsRows = [math]::Round([math]::Max(0, $Rows - $RequestsPerMinute) / $RequestsPerMinute * 60, 1)
        FloorSecondsCalls = [math]::Round([math]::Max(0, $calls.Count - $RequestsPerMinute) / $RequestsPerMinute * 60, 1)
        RunSeconds = ($runs | ForEach-Object { "$($_.Seconds)$(if ($_.Killed) { ' (killed)' })" }) -join ', '
    }
    [pscustomobject]$summary
} finally {
    Stop-TestEmulator $emulator
}
