<#
.SYNOPSIS
    Syntax check of every PowerShell file in the repository with PowerShell's own parser.
.DESCRIPTION
    Parses *.ps1, *.psm1 and *.psd1 with [System.Management.Automation.Language.Parser]::ParseFile and reports each
    parse error as file:line:column. It first proves itself on tools/syntax-fixtures: every file under bad/ must fail
    and every file under good/ must pass, so a checker that stopped seeing errors fails the stage.
    The last line is always "syntax: <N> parsed, <M> failed" (tools/test.sh reads it).
#>
[CmdletBinding()]
param([string] $Root = (Resolve-Path (Join-Path $PSScriptRoot '..')).Path)

$fixtures = Join-Path $PSScriptRoot 'syntax-fixtures'
$skipped = @('node_modules', 'bin', 'obj', '.git', 'artifacts', 'TestResults', 'syntax-fixtures')

function Get-ParseErrors([string] $Path) {
    $tokens = $null; $errors = $null
    $null = [System.Management.Automation.Language.Parser]::ParseFile($Path, [ref] $tokens, [ref] $errors)
    return , $errors
}

$parsed = 0; $failed = 0
foreach ($case in Get-ChildItem -LiteralPath $fixtures -Recurse -File) {
    $expectBad = (Split-Path -Leaf $case.DirectoryName) -eq 'bad'
    $errors = Get-ParseErrors $case.FullName
    $parsed++
    if ($expectBad -ne ($errors.Count -gt 0)) {
        $failed++
        Write-Host "syntax self-test: $($case.FullName) should $(if ($expectBad) { 'fail' } else { 'pass' }) but did not"
    }
}

$files = Get-ChildItem -LiteralPath $Root -Recurse -File -Include '*.ps1', '*.psm1', '*.psd1' |
    Where-Object { $relative = [System.IO.Path]::GetRelativePath($Root, $_.FullName); -not ($relative.Split([System.IO.Path]::DirectorySeparatorChar) | Where-Object { $_ -in $skipped }) }
foreach ($file in $files) {
    $parsed++
    $errors = Get-ParseErrors $file.FullName
    if ($errors.Count -gt 0) {
        $failed++
        foreach ($problem in $errors) {
            Write-Host ("{0}:{1}:{2}: {3}" -f [System.IO.Path]::GetRelativePath($Root, $file.FullName), $problem.Extent.StartLineNumber, $problem.Extent.StartColumnNumber, $problem.Message)
        }
    }
}
Write-Host "syntax: $parsed parsed, $failed failed"
if ($failed -gt 0) { exit 1 }
