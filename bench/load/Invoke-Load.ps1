#Requires -Version 7.4
<#
.SYNOPSIS
    Load at real sizes: Import-Csv | New-GptImage of a few thousand rows against the emulator answering 2 MB PNGs
    (base64 in JSON), once with a small and once with a large CSV, to show that peak memory does not grow with the
    row count and that throughput stays at the rate limit.
.DESCRIPTION
    Each run is a child pwsh process that reports its own peak working set (VmHWM) at the end. The emulator runs with
    --realistic-images semantics (knob realisticImages) and a requests-per-minute limit; -NoCache keeps the disk use
    to one copy of each image (the cache would write the same bytes again through the same atomic writer).
    Afterwards every row must have its file and the emulator must have answered each row exactly once.
.EXAMPLE
    dotnet pwsh -NoProfile -Command "./bench/load/Invoke-Load.ps1 -Rows 500, 5000 -ThrottleLimit 16 -RequestsPerMinute 1200 | Format-List"
#>
[CmdletBinding()]
param(
    [int[]] $Rows = @(500, 5000),
    [int] $ThrottleLimit = 16,
    [int] $RequestsPerMinute = 1200,
    [string] $WorkDirectory = (Join-Path ([IO.Path]::GetTempPath()) ("gptimage-load-" + [guid]::NewGuid().ToString('N').Substring(0, 8))),
    [switch] $KeepFiles
)

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot '../../tests/Support/TestEnvironment.ps1')
$module = Get-GptImageModulePath
$null = New-Item -ItemType Directory -Force -Path $WorkDirectory
$runScript = Join-Path $WorkDirectory 'run.ps1'
@'
param($Module, $Endpoint, $Csv, $Output, $ThrottleLimit)
Import-Module $Module
$key = ConvertTo-SecureString 'sk-load-test' -AsPlainText -Force
$clock = [System.Diagnostics.Stopwatch]::StartNew()
$notDone = 0
Import-Csv -LiteralPath $Csv |
    New-GptImage -Endpoint $Endpoint -ApiKey $key -Size 1024x1024 -Quality low -OutputDirectory $Output -FileName '{Sku}' -ThrottleLimit $ThrottleLimit -MaxRetries 10 -NoCache |
    ForEach-Object { if ($_.Status -ne 'Succeeded') { $notDone++ } }
"RESULT seconds=$($clock.Elapsed.TotalSeconds) notDone=$notDone peak=$([System.Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64)"
'@ | Set-Content -LiteralPath $runScript

$emulator = Start-TestEmulator
try {
    $pwsh = Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')
    foreach ($count in $Rows) {
        Reset-Emulator $emulator
        Set-EmulatorOptions $emulator @{ realisticImages = $true; requestsPerMinute = $RequestsPerMinute; minLatencyMs = 300; maxLatencyMs = 800 }
        $csv = Join-Path $WorkDirectory "rows-$count.csv"
        $output = Join-Path $WorkDirectory "out-$count"
        1..$count | ForEach-Object { [pscustomobject]@{ Sku = 'SKU-{0:D5}' -f $_; Prompt = "load product $_ on a plain background" } } |
            Export-Csv -LiteralPath $csv -NoTypeInformation
        $load = Get-Content /proc/loadavg -ErrorAction SilentlyContinue
        $text = & $pwsh -NoProfile -NonInteractive -File $runScript $module $emulator.BaseUrl $csv $output $ThrottleLimit 2>&1
        $line = @($text | Where-Object { "$_" -match '^RESULT ' })[-1]
        if (-not $line) { throw "The run of $count rows printed no result: $($text -join "`n")" }
        $seconds = [double]([regex]::Match($line, 'seconds=([\d.]+)').Groups[1].Value)
        $counters = Get-EmulatorCounters $emulator
        $files = @(Get-ChildItem -LiteralPath $output -Filter '*.png' -File)
        $calls = $counters.total
        [pscustomobject]@{
            Date = (Get-Date).ToUniversalTime().ToString('yyyy-MM-dd HH:mm') + ' UTC'
            LoadBefore = $load
            Rows = $count
            ThrottleLimit = $ThrottleLimit
            RequestsPerMinute = $RequestsPerMinute
            Seconds = [math]::Round($seconds, 1)
            FloorSeconds = [math]::Round([math]::Max(0, $calls - $RequestsPerMinute) / $RequestsPerMinute * 60, 1)
            RowsPerMinute = [math]::Round($count / $seconds * 60, 0)
            Calls = $calls
            Answered200 = $counters.byStatus.'200'
            Status429 = $counters.byStatus.'429'
            NotDone = [int]([regex]::Match($line, 'notDone=(\d+)').Groups[1].Value)
            Files = $files.Count
            MeanFileMB = [math]::Round(($files | Measure-Object Length -Average).Average / 1MB, 2)
            PeakWorkingSetMB = [math]::Round([double]([regex]::Match($line, 'peak=(\d+)').Groups[1].Value) / 1MB, 1)
        }
        if (-not $KeepFiles) { Remove-Item -LiteralPath $output -Recurse -Force }
    }
} finally {
    Stop-TestEmulator $emulator
}
