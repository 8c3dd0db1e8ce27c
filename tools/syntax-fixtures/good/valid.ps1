# Valid on purpose (pscheck self-test): constructs this repository uses must not be reported.
[CmdletBinding(SupportsShouldProcess)]
param(
    [ValidateSet('Build', 'Test')] [string] $Task = 'Build',
    [switch] $Force
)
$rows = Import-Csv -LiteralPath (Join-Path $PSScriptRoot 'x.csv')
$rows | ForEach-Object { $_.Sku } | Where-Object { $_ -like 'A*' }
$label = if ($Force) { 'forced' } else { 'normal' }
$hash = @{ Name = 'x'; Count = 2 }
try { throw [System.IO.IOException]::new('x') } catch [System.IO.IOException] { Write-Warning $_.Exception.Message } finally { }
Describe 'x' { It 'y' { 1 | Should -Be 1 } }
