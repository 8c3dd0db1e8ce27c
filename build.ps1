<#
.SYNOPSIS
    Front door of GptImage.PowerShell: Build, Test, Package, Demo. Needs only the .NET SDK and PowerShell.
.EXAMPLE
    ./build.ps1                      # Build (Release): artifacts/module/GptImage.PowerShell is importable
.EXAMPLE
    ./build.ps1 -Task Test           # dotnet test, then Pester 5 (tests/*.Tests.ps1) against the built module
.EXAMPLE
    ./build.ps1 -Task Package        # artifacts/package: the module folder, its zip, and the emulator as a .NET tool package
.EXAMPLE
    ./build.ps1 -Task Demo           # emulator + examples/products.csv -> ./out/demo, then prints the manifest
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package', 'Demo')]
    [string[]] $Task = @('Build'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Package what is already built (the tests do, right after the build they test).
    [switch] $NoBuild
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$root = $PSScriptRoot
$solution = Join-Path $root 'GptImage.PowerShell.sln'
$moduleFolder = Join-Path $root 'artifacts/module/GptImage.PowerShell'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'

function Invoke-Dotnet {
    param([Parameter(Mandatory)] [string[]] $Arguments)
    Write-Host "> dotnet $($Arguments -join ' ')" -ForegroundColor DarkGray
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments[0]) failed with exit code $LASTEXITCODE." }
}

function Invoke-Build {
    # The module project's AssembleModule target copies exactly the module's files into $moduleFolder.
    Invoke-Dotnet @('build', $solution, '-c', $Configuration, '--nologo')
    Write-Host "Module: $moduleFolder"
}

function Invoke-Test {
    Invoke-Build
    Invoke-Dotnet @('test', $solution, '-c', $Configuration, '--no-build', '--nologo')
    if ($PSVersionTable.PSVersion -lt [version]'7.4') {
        Write-Warning "Pester SKIPPED: the Pester tests need PowerShell 7.4+ (this is $($PSVersionTable.PSVersion))."
        return
    }
    & (Join-Path $root 'tools/run-pester.ps1')
    if ($LASTEXITCODE -ne 0) { throw 'Pester tests failed.' }
}

function Invoke-Package {
    if (-not $NoBuild) { Invoke-Build }
    $version = (Import-PowerShellDataFile -Path (Join-Path $moduleFolder 'GptImage.PowerShell.psd1')).ModuleVersion
    $packageFolder = Join-Path $root 'artifacts/package'
    if (Test-Path -LiteralPath $packageFolder) { Remove-Item -LiteralPath $packageFolder -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $packageFolder

    # The folder to copy into a $env:PSModulePath folder, and the same folder zipped (it unpacks straight there).
    Copy-Item -LiteralPath $moduleFolder -Destination $packageFolder -Recurse
    Compress-Archive -Path (Join-Path $packageFolder 'GptImage.PowerShell') -DestinationPath (Join-Path $packageFolder "GptImage.PowerShell.$version.zip")

    # The emulator as a .NET tool package, for Start-GptImageEmulator in users' own tests.
    Invoke-Dotnet @('pack', (Join-Path $root 'src/GptImage.Emulator/GptImage.Emulator.csproj'), '-c', $Configuration, '--no-build', '--nologo', '-o', $packageFolder)

    Get-ChildItem -LiteralPath $packageFolder -File |
        Select-Object Name, @{ n = 'KB'; e = { [math]::Round($_.Length / 1KB) } } | Format-Table -AutoSize | Out-Host
    Write-Host "Package: $packageFolder"
}

function Invoke-Demo {
    Invoke-Build
    . (Join-Path $root 'tests/Support/TestEnvironment.ps1')
    $demoFolder = Join-Path $root 'out/demo'
    $manifestPath = Join-Path $demoFolder 'manifest.csv'
    $emulator = $null
    try {
        $emulator = Start-TestEmulator
        Import-Module (Join-Path $moduleFolder 'GptImage.PowerShell.psd1') -Force
        Write-Host "Emulator: $($emulator.BaseUrl)"
        $key = ConvertTo-SecureString -String 'sk-demo-emulator-only' -AsPlainText -Force
        Import-Csv -LiteralPath (Join-Path $root 'examples/products.csv') |
            New-GptImage -Endpoint $emulator.BaseUrl -ApiKey $key -NoCache |
            Export-GptImageBatch -DestinationPath $demoFolder -FileName '{Sku}-{Index}' -ManifestPath $manifestPath -Force -PassThru |
            Format-Table -AutoSize
        Write-Host "Manifest: $manifestPath"
        Import-Csv -LiteralPath $manifestPath |
            Select-Object Status, RowNumber, 'Source.Sku', Model, Size, Quality, OutputTokens, CostUsd, Path |
            Format-Table -AutoSize
    }
    finally {
        Stop-TestEmulator $emulator
    }
}

foreach ($name in $Task) {
    Write-Host "== $name" -ForegroundColor Cyan
    switch ($name) {
        'Build' { Invoke-Build }
        'Test' { Invoke-Test }
        'Package' { Invoke-Package }
        'Demo' { Invoke-Demo }
    }
}
