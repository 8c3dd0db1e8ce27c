# Broken on purpose (pscheck self-test): a string that never ends, then a stray parenthesis.
$greeting = "hello
Write-Output ($greeting))
