# Finds and runs the examples users are shown (help examples and README blocks); used by tests/Examples.Tests.ps1.
# Dot-source it:  . (Join-Path $PSScriptRoot 'Support/ExampleRunner.ps1')

$script:NotRunMarker = 'not run by the tests'

function Get-SkipReason {
    <# The reason an example gives for not running offline: its first line is a comment containing the marker. #>
    param([string] $Code)
    $first = @($Code -split "`n" | Where-Object { $_.Trim() })[0]
    if ($first -and $first.TrimStart().StartsWith('#') -and $first -match [regex]::Escape($script:NotRunMarker)) {
        return $first.TrimStart('#', ' ').Trim()
    }
    return $null
}

function Get-HelpExample {
    <# Every example of every cmdlet the built module exports, as Get-Help -Examples shows it. #>
    . (Join-Path $PSScriptRoot 'TestEnvironment.ps1')
    Import-Module (Get-GptImageModulePath) -Force
    try {
        foreach ($command in Get-Command -Module GptImage.PowerShell -CommandType Cmdlet | Sort-Object Name) {
            $number = 0
            foreach ($example in @((Get-Help $command.Name -Examples).examples.example)) {
                $number++
                $code = ([string]$example.code).Trim()
                @{ Name = "$($command.Name) help example $number"; Source = 'help'; Cmdlet = $command.Name; Code = $code; SkipReason = Get-SkipReason $code }
            }
        }
    } finally {
        Remove-Module GptImage.PowerShell -ErrorAction SilentlyContinue
    }
}

function Get-MarkdownExample {
    <# Every ```powershell block of a markdown file, named by the file and the line it starts on. #>
    param([Parameter(Mandatory)] [string] $Path)
    $file = Split-Path -Leaf $Path
    $lines = Get-Content -LiteralPath $Path
    for ($i = 0; $i -lt $lines.Count; $i++) {
        if ($lines[$i].Trim() -ne '```powershell') { continue }
        $start = $i + 1
        $body = [System.Collections.Generic.List[string]]::new()
        for ($i++; $i -lt $lines.Count -and $lines[$i].Trim() -ne '```'; $i++) { $body.Add($lines[$i]) }
        $code = ($body -join "`n").Trim()
        @{ Name = "$file line $start"; Source = $file; Cmdlet = $null; Code = $code; SkipReason = Get-SkipReason $code }
    }
}

function Get-IndentedCommandLine {
    <# Lines of a markdown file outside fenced blocks that are indented code starting with one of the cmdlets. #>
    param([Parameter(Mandatory)] [string] $Path, [Parameter(Mandatory)] [string[]] $Cmdlet)
    $fenced = $false
    $pattern = '^ {4,}(\$\w+\s*=\s*)?(' + (($Cmdlet | ForEach-Object { [regex]::Escape($_) }) -join '|') + '|Import-Csv|Get-ChildItem)\b'
    foreach ($line in Get-Content -LiteralPath $Path) {
        if ($line.TrimStart().StartsWith('```')) { $fenced = -not $fenced; continue }
        if (-not $fenced -and $line -match $pattern) { $line }
    }
}

function Save-ExampleEnvironment {
    <#
        The environment variables an example may change, to restore after it. -Clear empties them too, so nothing set on
        the machine (a real key, another endpoint) can reach the examples.
    #>
    param([switch] $Clear)
    $saved = @{}
    foreach ($name in 'OPENAI_API_KEY', 'OPENAI_BASE_URL', 'OPENAI_ORG_ID', 'OPENAI_PROJECT_ID', 'GPTIMAGE_BATCH_STATE') {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        if ($Clear) { [Environment]::SetEnvironmentVariable($name, $null) }
    }
    return $saved
}

function Restore-ExampleEnvironment {
    param([hashtable] $Saved)
    foreach ($name in $Saved.Keys) { [Environment]::SetEnvironmentVariable($name, $Saved[$name]) }
}

function Invoke-Example {
    <#
        Runs one example as written, in its own scope, from $Folder. Returns the errors it wrote or threw, as text (none:
        it passed). Its output is formatted as a user would see it, so a broken view fails it too. Confirmation prompts
        are answered yes ($ConfirmPreference None): an example may show a cmdlet that asks.
    #>
    param([Parameter(Mandatory)] [string] $Code, [Parameter(Mandatory)] [string] $Folder)
    $ErrorActionPreference = 'Continue'
    $ProgressPreference = 'SilentlyContinue'
    $ConfirmPreference = 'None'
    $environment = Save-ExampleEnvironment
    Push-Location -LiteralPath $Folder
    try {
        $block = [scriptblock]::Create($Code)
        $output = & $block 2>&1 3>$null 4>$null 5>$null 6>$null
        $errors = @($output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $null = @($output | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] }) | Out-String
        return @($errors | ForEach-Object { "$($_.FullyQualifiedErrorId): $_" })
    } catch {
        return @("terminating error $($_.FullyQualifiedErrorId): $_")
    } finally {
        Pop-Location
        Restore-ExampleEnvironment $environment
    }
}
