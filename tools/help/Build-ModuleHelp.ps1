<#
.SYNOPSIS
    Writes the module's help into <module folder>/en-US: the MAML of every cmdlet and the about_ topics.
.DESCRIPTION
    Run by the build (the BuildModuleHelp target of src/GptImage.PowerShell) after the module folder is assembled.
    The one source of cmdlet help is the doc comments of the cmdlet classes (the compiler's XML documentation file):
    class <summary> = synopsis, <remarks> <para> = description, <example> (<code> + <para>) = examples, each parameter
    property's <summary> = its description. Everything else (syntax, types, positions, pipeline input, wildcards,
    defaults, outputs, HelpUri) is read from the compiled cmdlets as PowerShell sees them. A missing doc comment is
    reported as a build error, in MSBuild's format, and nothing is written. The about_ topics are docs/about/*.md,
    converted to plain text.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $DocumentationFile,
    [Parameter(Mandatory)] [string] $AboutFolder,
    # Where to write; default the module folder's en-US (tests write elsewhere).
    [string] $OutputFolder
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
# Any failure reaches MSBuild as an error line it shows, not only as an exit code.
trap { Write-Host "GptImage.PowerShell help : error GPTHELP0 : $_ ($($_.ScriptStackTrace -replace '\s+', ' '))"; exit 1 }
. (Join-Path $PSScriptRoot 'DocComments.ps1')
. (Join-Path $PSScriptRoot 'CmdletHelp.ps1')
. (Join-Path $PSScriptRoot 'MamlWriter.ps1')
. (Join-Path $PSScriptRoot 'AboutTopics.ps1')

$module = Import-Module -Name (Resolve-Path -LiteralPath $ModuleManifest).Path -PassThru -Force
$docs = Read-DocComments (Resolve-Path -LiteralPath $DocumentationFile).Path
$problems = [System.Collections.Generic.List[string]]::new()
$commands = @(Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name)
$help = @($commands | ForEach-Object { Get-CmdletHelp $_ $docs $problems })
if ($problems.Count) {
    # MSBuild's canonical error format, so the build fails and lists each one.
    foreach ($problem in $problems) { Write-Host "GptImage.PowerShell help : error GPTHELP1 : $problem" }
    exit 1
}

# Written beside, then swapped in, so a failed run never leaves half a help folder and a dropped topic never lingers.
$target = if ($OutputFolder) { $OutputFolder } else { Join-Path $module.ModuleBase 'en-US' }
$staging = "$target.new"
if (Test-Path -LiteralPath $staging) { Remove-Item -LiteralPath $staging -Recurse -Force }
$null = New-Item -ItemType Directory -Path $staging
# Get-Help looks for the help of a binary cmdlet in <culture>/<file name of its assembly>-Help.xml.
$assemblyFile = Split-Path -Leaf $commands[0].ImplementingType.Assembly.Location
Write-MamlFile -Path (Join-Path $staging "$assemblyFile-Help.xml") -Commands $help
foreach ($topic in Get-ChildItem -Path (Join-Path $AboutFolder 'about_*.md')) {
    $text = ConvertTo-AboutText (Get-Content -LiteralPath $topic.FullName -Raw)
    [System.IO.File]::WriteAllText((Join-Path $staging ($topic.BaseName + '.help.txt')), $text, [System.Text.UTF8Encoding]::new($false))
}
if (Test-Path -LiteralPath $target) { Remove-Item -LiteralPath $target -Recurse -Force }
Move-Item -LiteralPath $staging -Destination $target
Write-Host "GptImage.PowerShell help -> $target ($($help.Count) cmdlets)"
