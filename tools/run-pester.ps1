#Requires -Version 7.4
<#
.SYNOPSIS
    Runs the Pester 5 tests in tests/*.Tests.ps1 against the built module folder (artifacts/module/GptImage.PowerShell).
.DESCRIPTION
    Used by tools/test.sh when pwsh exists, and by ./build.ps1 -Task Test. Builds nothing: run `dotnet build` first.
    Prints "Pester: <N> passed, <M> failed" and exits non-zero when a test failed; says SKIPPED (exit 0) when Pester 5 is missing.
#>
[CmdletBinding()]
param(
    [string] $Path = (Join-Path $PSScriptRoot '../tests'),
    [string[]] $ExcludeTag = @('LiveApi')
)

$ErrorActionPreference = 'Stop'
# The pinned Pester that tools/setup.sh restores from NuGet; a missing one is a failure, never a skip.
$pesterManifest = Join-Path $PSScriptRoot '../artifacts/tools/packages/pester/5.7.1/tools/Pester.psd1'
if (-not (Test-Path -LiteralPath $pesterManifest)) {
    Write-Host "Pester: 0 passed, 1 failed (Pester 5.7.1 is not restored at $pesterManifest; run bash tools/setup.sh)"
    exit 1
}
Import-Module $pesterManifest -Force

$configuration = New-PesterConfiguration
$configuration.Run.Path = @(Get-ChildItem -Path $Path -Filter '*.Tests.ps1' | ForEach-Object FullName)
$configuration.Run.PassThru = $true
$configuration.Filter.ExcludeTag = $ExcludeTag
$configuration.Output.Verbosity = 'Detailed'

$result = Invoke-Pester -Configuration $configuration
Write-Host "Pester: $($result.PassedCount) passed, $($result.FailedCount) failed, $($result.SkippedCount) skipped"
if ($result.FailedCount -gt 0 -or $result.Result -ne 'Passed') { exit 1 }
exit 0
