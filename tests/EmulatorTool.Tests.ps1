# Pester 5: the emulator for users' own runbook tests, as a user gets it. The emulator's .NET tool package is
# installed offline into a temporary tool path, the module into a fresh module path, and README.md's Pester file
# runs as written in a new pwsh that has no source tree. Afterwards no emulator process may be left.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/TestEnvironment.ps1')
    $script:Root = (Resolve-Path (Join-Path $PSScriptRoot '..')).Path
    $script:ModuleFolder = Split-Path -Parent (Get-GptImageModulePath)
    $script:Pester = Join-Path $script:Root 'artifacts/tools/packages/pester/5.7.1/tools/Pester.psd1'

    # The tool package, packed from the build under test, installed from a feed that is only that folder (offline).
    $feed = Join-Path $TestDrive 'feed'
    $null = & dotnet pack (Join-Path $script:Root 'src/GptImage.Emulator/GptImage.Emulator.csproj') -c Release --no-build --nologo -o $feed 2>&1
    if ($LASTEXITCODE -ne 0) { throw "dotnet pack of the emulator failed ($LASTEXITCODE): build first." }
    $config = Join-Path $TestDrive 'nuget.config'
    Set-Content -LiteralPath $config -Value @"
<?xml version="1.0" encoding="utf-8"?>
<configuration><packageSources><clear /><add key="local" value="$feed" /></packageSources></configuration>
"@
    $script:ToolPath = Join-Path $TestDrive 'tools'
    $installed = & dotnet tool install GptImage.Emulator --tool-path $script:ToolPath --configfile $config 2>&1
    if ($LASTEXITCODE -ne 0) { throw "dotnet tool install failed: $installed" }

    $script:Modules = Join-Path $TestDrive 'modules'
    $null = New-Item -ItemType Directory -Path $script:Modules
    Copy-Item -LiteralPath $script:ModuleFolder -Destination $script:Modules -Recurse

    function Get-ToolProcess {
        <# Processes running the installed tool (its launcher is the emulator's process itself). #>
        Get-Process | Where-Object { $_.Path -and $_.Path.StartsWith($script:ToolPath) }
    }

    function Invoke-AsUser {
        <#
            Runs a script in a new pwsh that sees only the installed module and tool: a folder without the source
            tree, no OpenAI variables, the tool path first on PATH. Returns the output; throws on a non-zero exit.
        #>
        param([Parameter(Mandatory)] [string] $Script, [string] $Folder = (New-Item -ItemType Directory -Path (Join-Path $TestDrive ([guid]::NewGuid().ToString('N')))).FullName)
        $file = Join-Path $Folder 'run.ps1'
        Set-Content -LiteralPath $file -Value $Script
        $saved = @{ PSModulePath = $env:PSModulePath; PATH = $env:PATH; OPENAI_API_KEY = $env:OPENAI_API_KEY; OPENAI_BASE_URL = $env:OPENAI_BASE_URL; GPTIMAGE_EMULATOR = $env:GPTIMAGE_EMULATOR }
        try {
            $env:PSModulePath = $script:Modules
            $env:PATH = $script:ToolPath + [System.IO.Path]::PathSeparator + $env:PATH
            $env:OPENAI_API_KEY = $null; $env:OPENAI_BASE_URL = $null; $env:GPTIMAGE_EMULATOR = $null
            $pwsh = Get-PwshCommand; $first = $pwsh.Arguments
            Push-Location -LiteralPath $Folder
            try { $output = & $pwsh.Path @first -NoProfile -NonInteractive -File $file 2>&1 | ForEach-Object { "$_" } }
            finally { Pop-Location }
            if ($LASTEXITCODE -ne 0) { throw "child pwsh exited with $LASTEXITCODE`n$($output -join "`n")" }
            return $output
        }
        finally {
            foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
        }
    }
}

AfterAll {
    # Whatever a failed test left behind; the tests themselves assert that nothing was.
    Get-ToolProcess | Stop-Process -Force -ErrorAction SilentlyContinue
}

Describe 'The README''s Pester file for a runbook, from the installed module and tool' {
    BeforeAll {
        $readme = Get-Content -Raw -LiteralPath (Join-Path $script:Root 'README.md')
        $match = [regex]::Match($readme, '(?s)```powershell\r?\n(# runbook\.Tests\.ps1.*?)```')
        $script:Snippet = $match.Groups[1].Value
        $script:Work = (New-Item -ItemType Directory -Path (Join-Path $TestDrive 'runbook')).FullName
        Set-Content -LiteralPath (Join-Path $script:Work 'runbook.Tests.ps1') -Value $script:Snippet
        $script:BeforeRun = @(Get-ToolProcess).Count
        $script:Run = Invoke-AsUser -Folder $script:Work -Script @"
Import-Module '$script:Pester'
`$result = Invoke-Pester -Path ./runbook.Tests.ps1 -PassThru -Output Detailed
"passed=`$(`$result.PassedCount) failed=`$(`$result.FailedCount) result=`$(`$result.Result)"
"@
    }

    It 'is in the README' {
        $script:Snippet | Should -Match 'Start-GptImageEmulator'
        $script:Snippet | Should -Match 'Stop-GptImageEmulator'
    }

    It 'passes discovery and every test, as written' {
        $script:Run -join "`n" | Should -Match 'passed=2 failed=0 result=Passed'
    }

    It 'leaves no emulator process behind' {
        $script:BeforeRun | Should -Be 0
        @(Get-ToolProcess).Count | Should -Be 0
    }
}

Describe 'Start-GptImageEmulator and Stop-GptImageEmulator' {
    It 'applies the knobs given, points the session at the emulator and restores the session afterwards' {
        $out = Invoke-AsUser -Script @'
$ErrorActionPreference = 'Stop'
$env:OPENAI_BASE_URL = 'https://before.invalid/v1'
$emulator = Start-GptImageEmulator -RequestsPerMinute 45 -LatencyMs 20, 40 -Seed 7
$options = Invoke-RestMethod "$($emulator.ControlUrl)options"
"rpm=$($options.requestsPerMinute) min=$($options.minLatencyMs) max=$($options.maxLatencyMs) seed=$($options.seed)"
"env=$env:OPENAI_BASE_URL"
$null = New-GptImage -Prompt 'a kite' -Quality low -NoCache
"calls=$((Invoke-RestMethod "$($emulator.ControlUrl)counters").generations)"
Stop-GptImageEmulator $emulator
"running=$($emulator.IsRunning) env=$env:OPENAI_BASE_URL"
'@
        $out | Should -Contain 'rpm=45 min=20 max=40 seed=7'
        ($out | Where-Object { $_ -like 'env=http://127.0.0.1:*' }) | Should -Not -BeNullOrEmpty
        $out | Should -Contain 'calls=1'
        $out | Should -Contain 'running=False env=https://before.invalid/v1'
        @(Get-ToolProcess).Count | Should -Be 0
    }

    It 'a fault knob reaches the runbook: -InsufficientQuota fails the row with GptImage.QuotaExceeded' {
        $out = Invoke-AsUser -Script @'
$null = Start-GptImageEmulator -InsufficientQuota
New-GptImage -Prompt 'a kite' -NoCache -ErrorVariable failed -ErrorAction SilentlyContinue
"error=$($failed[0].FullyQualifiedErrorId)"
Stop-GptImageEmulator
'@
        ($out | Where-Object { $_ -like 'error=*' }) | Should -BeLike 'error=GptImage.QuotaExceeded*'
    }

    It 'an emulator nobody stopped ends with the PowerShell that started it' {
        $out = Invoke-AsUser -Script @'
$emulator = Start-GptImageEmulator
"pid=$($emulator.ProcessId)"
'@
        $id = [int](($out | Where-Object { $_ -like 'pid=*' }) -replace 'pid=')
        $id | Should -BeGreaterThan 0
        Get-Process -Id $id -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'runs a GptImage.Emulator.dll named by $env:GPTIMAGE_EMULATOR as one dotnet process, and stops it' {
        $env:GPTIMAGE_EMULATOR | Should -BeLike '*GptImage.Emulator.dll'   # set by TestEnvironment.ps1 to the build under test
        Import-Module (Get-GptImageModulePath) -Force
        try {
            $emulator = Start-GptImageEmulator
            (Get-Process -Id $emulator.ProcessId).Path | Should -Match 'dotnet'
            (New-GptImage -Prompt 'a kite' -Quality low -NoCache).Status | Should -Be 'Succeeded'
            Stop-GptImageEmulator $emulator
            Get-Process -Id $emulator.ProcessId -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        }
        finally {
            Stop-GptImageEmulator
            Remove-Module GptImage.PowerShell -ErrorAction SilentlyContinue
        }
    }

    It 'says how to install the emulator when it cannot be found' {
        $out = Invoke-AsUser -Script @'
$env:PATH = ($env:PATH -split [IO.Path]::PathSeparator | Where-Object { -not (Test-Path (Join-Path $_ 'gptimage-emulator')) }) -join [IO.Path]::PathSeparator
$env:HOME = $env:USERPROFILE = (Get-Location).Path
try { Start-GptImageEmulator -ErrorAction Stop } catch { "id=$($_.FullyQualifiedErrorId)"; "advice=$($_.ErrorDetails.RecommendedAction)" }
'@
        $out | Should -Contain 'id=GptImage.EmulatorNotFound,GptImage.Commands.StartGptImageEmulatorCommand'
        ($out | Where-Object { $_ -like 'advice=*' }) | Should -Match 'dotnet tool install --global GptImage.Emulator'
    }

    It 'the installed tool''s --help names the command a user types' {
        $help = & (Join-Path $script:ToolPath 'gptimage-emulator') --help 2>&1 | ForEach-Object { "$_" }
        ($help -join "`n") | Should -Match 'Usage: gptimage-emulator \[options\]'
    }
}
