# Shared by the Pester tests and build.ps1: locate the built module, start and stop the emulator, read its counters.
# Dot-source it:  . (Join-Path $PSScriptRoot 'Support/TestEnvironment.ps1')

$script:RepositoryRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path

# Start-GptImageEmulator (in help examples and tests) finds the emulator built from this tree, unless told otherwise.
if (-not $env:GPTIMAGE_EMULATOR) {
    $builtEmulator = Join-Path $script:RepositoryRoot 'src/GptImage.Emulator/bin/Release/net10.0/GptImage.Emulator.dll'
    if (Test-Path -LiteralPath $builtEmulator) { $env:GPTIMAGE_EMULATOR = $builtEmulator }
}

function Get-GptImageModulePath {
    <# The manifest in the folder a plain `dotnet build` assembles; $env:GPTIMAGE_MODULE_PATH overrides it. #>
    if ($env:GPTIMAGE_MODULE_PATH) { return $env:GPTIMAGE_MODULE_PATH }
    $manifest = Join-Path $script:RepositoryRoot 'artifacts/module/GptImage.PowerShell/GptImage.PowerShell.psd1'
    if (-not (Test-Path -LiteralPath $manifest)) {
        throw "The module is not built: $manifest is missing. Run 'dotnet build' or './build.ps1 -Task Build' first."
    }
    return $manifest
}

function Start-TestEmulator {
    <#
        Starts the emulator on a free port (--port 0) and returns an object with Process, BaseUrl (…/v1/) and Root.
        Uses the built emulator when there is one, else `dotnet run`. Extra arguments go to the emulator (e.g. '--api-key', 'sk-x').
    #>
    param([string[]] $ArgumentList = @())

    $built = Get-ChildItem -Path (Join-Path $script:RepositoryRoot 'src/GptImage.Emulator/bin') -Filter 'GptImage.Emulator.dll' -Recurse -ErrorAction SilentlyContinue |
        Sort-Object LastWriteTime -Descending | Select-Object -First 1
    $startInfo = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    if ($built) {
        $arguments = @($built.FullName, '--port', '0') + $ArgumentList
    } else {
        $project = Join-Path $script:RepositoryRoot 'src/GptImage.Emulator'
        $arguments = @('run', '--project', $project, '--', '--port', '0') + $ArgumentList
    }
    $startInfo.Arguments = ($arguments | ForEach-Object { '"' + $_ + '"' }) -join ' '
    $startInfo.RedirectStandardOutput = $true
    $startInfo.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($startInfo)

    # The emulator prints "Listening on http://127.0.0.1:N/v1/" once it accepts connections; allow a slow, loaded machine.
    $deadline = [DateTime]::UtcNow.AddSeconds(120)
    while ([DateTime]::UtcNow -lt $deadline) {
        $line = $process.StandardOutput.ReadLine()
        if ($null -eq $line) { break }
        if ($line -match 'Listening on (http://\S+)') {
            $baseUrl = $Matches[1]
            # Keep reading in the background so a chatty emulator can never block on a full pipe.
            $null = $process.StandardOutput.ReadToEndAsync()
            return [pscustomobject]@{
                Process = $process
                BaseUrl = $baseUrl
                Root    = $baseUrl -replace '/v1/?$', '/'
            }
        }
    }
    if (-not $process.HasExited) { Stop-ProcessTree $process }
    throw 'The emulator did not report its address within 120 seconds.'
}

function Enter-EmulatorSession {
    <#
        The start of a test file that drives the module against the emulator: the built module imported, the machine's
        OPENAI_API_KEY and OPENAI_BASE_URL set aside (a test must never pick up a real key or endpoint), an emulator
        started. Returns the emulator and the splatting parameters for it:  $script:Emulator, $script:Connection = Enter-EmulatorSession
    #>
    param([string[]] $ArgumentList = @())
    Import-Module (Get-GptImageModulePath) -Force
    $saved = @{ OPENAI_API_KEY = $env:OPENAI_API_KEY; OPENAI_BASE_URL = $env:OPENAI_BASE_URL }
    $env:OPENAI_API_KEY = $null; $env:OPENAI_BASE_URL = $null
    $emulator = Start-TestEmulator -ArgumentList $ArgumentList
    $emulator | Add-Member -NotePropertyName SavedEnvironment -NotePropertyValue $saved
    $emulator, @{ Endpoint = $emulator.BaseUrl; ApiKey = (New-TestApiKey) }
}

function Exit-EmulatorSession {
    <# The end of such a file: the emulator stopped, the environment as it was, the module removed. Safe after a failed start. #>
    param($Emulator)
    Stop-TestEmulator $Emulator
    if ($Emulator -and $Emulator.SavedEnvironment) {
        foreach ($name in $Emulator.SavedEnvironment.Keys) { [Environment]::SetEnvironmentVariable($name, $Emulator.SavedEnvironment[$name]) }
    }
    Remove-Module GptImage.PowerShell -ErrorAction SilentlyContinue
}

function Stop-TestEmulator {
    <# Safe to call with $null (a BeforeAll that failed before the emulator started). #>
    param($Emulator)
    if ($Emulator -and -not $Emulator.Process.HasExited) {
        Stop-ProcessTree $Emulator.Process
        $null = $Emulator.Process.WaitForExit(10000)
    }
}

function Stop-ProcessTree {
    <# The whole tree on PowerShell 7 (`dotnet run` has the emulator as a child); Windows PowerShell's .NET can only kill the one process. #>
    param([Parameter(Mandatory)] [System.Diagnostics.Process] $Process)
    if ($PSVersionTable.PSEdition -eq 'Core') { $Process.Kill($true) } else { $Process.Kill() }
}

function Get-EmulatorCounters {
    <# What the emulator received: total, generations, edits, succeeded, byStatus. #>
    param([Parameter(Mandatory)] $Emulator)
    Invoke-RestMethod -Uri ($Emulator.Root + '_emulator/counters') -Method Get
}

function Reset-EmulatorCounters {
    param([Parameter(Mandatory)] $Emulator)
    $null = Invoke-RestMethod -Uri ($Emulator.Root + '_emulator/counters/reset') -Method Post
}

function Set-EmulatorOptions {
    <# Changes the emulator's knobs while it runs (docs/emulator.md), e.g. @{ insufficientQuota = $true }. #>
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [hashtable] $Options)
    $null = Invoke-RestMethod -Uri ($Emulator.Root + '_emulator/options') -Method Post -ContentType 'application/json' -Body ($Options | ConvertTo-Json -Compress)
}

function Reset-Emulator {
    <# Back to the knobs the emulator started with, counters emptied. #>
    param([Parameter(Mandatory)] $Emulator)
    $null = Invoke-RestMethod -Uri ($Emulator.Root + '_emulator/reset') -Method Post
}

function New-TestApiKey {
    <# A throwaway key as a SecureString (the emulator accepts any key unless started with --api-key). #>
    param([string] $Text = 'sk-test-pester-0000000000000000')
    ConvertTo-SecureString -String $Text -AsPlainText -Force
}

function Get-PwshCommand {
    <#
        How to start another PowerShell like this one: Path, and Arguments to put before your own (pwsh.dll when this
        one runs as the repository's local .NET tool under dotnet). Call it as:
        $pwsh = Get-PwshCommand; $first = $pwsh.Arguments; & $pwsh.Path @first -NoProfile -File ...
    #>
    $self = (Get-Process -Id $PID).Path
    [string[]] $first = @()
    if ([System.IO.Path]::GetFileNameWithoutExtension($self) -eq 'dotnet') { $first = @(Join-Path $PSHOME 'pwsh.dll') }
    [pscustomobject]@{ Path = $self; Arguments = $first }
}
