# Broken on purpose (pscheck self-test): the function body is never closed.
function Get-Thing {
    param([string]$Name)
    if ($Name) {
        Write-Output $Name
