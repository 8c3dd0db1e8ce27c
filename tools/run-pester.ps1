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
$pester = Get-Module -ListAvailable -Name Pester | Where-Object { $_.Version.Major -ge 5 } | Sort-Object Version -Descending | Select-Object -First 1
if (-not $pester) {
    # Said plainly, not counted as passed: tools/test.sh prints this line in its Pester section.
    Write-Host 'Pester SKIPPED: Pester 5 is not installed (Install-Module Pester -MinimumVersion 5.5 -Scope CurrentUser).'
    exit 0
}
Import-Module $pester -Force

$configuration = New-PesterConfiguration
$configuration.Run.Path = @(Get-ChildItem -Path $Path -Filter '*.Tests.ps1' | ForEach-Object FullName)
$configuration.Run.PassThru = $true
$configuration.Filter.ExcludeTag = $ExcludeTag
$configuration.Output.Verbosity = 'Detailed'

$result = Invoke-Pester -Configuration $configuration
Write-Host "Pester: $($result.PassedCount) passed, $($result.FailedCount) failed, $($result.SkippedCount) skipped"
if ($result.FailedCount -gt 0 -or $result.Result -ne 'Passed') { exit 1 }
exit 0
