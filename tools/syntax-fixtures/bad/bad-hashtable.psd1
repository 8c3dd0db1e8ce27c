# Broken on purpose (pscheck self-test): a manifest hashtable with a missing value and no closing brace.
@{
    RootModule = 'X.dll'
    ModuleVersion =
    CmdletsToExport = @('Get-X'
