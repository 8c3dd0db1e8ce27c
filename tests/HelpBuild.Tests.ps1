# Pester 5: the help build (tools/help/Build-ModuleHelp.ps1, run by every `dotnet build`) refuses a cmdlet or a
# parameter without its doc comment, naming it, and writes nothing; with every doc comment present it writes the MAML.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/TestEnvironment.ps1')
    $script:Script = Join-Path $PSScriptRoot '../tools/help/Build-ModuleHelp.ps1'
    $script:About = Join-Path $PSScriptRoot '../docs/about'
    $script:Manifest = Get-GptImageModulePath
    # The documentation file the compiler wrote beside the module's assembly (the newest build of any configuration).
    $script:DocFile = Get-ChildItem -Path (Join-Path $PSScriptRoot '../src/GptImage.PowerShell/bin') -Filter 'GptImage.PowerShell.xml' -Recurse |
        Sort-Object LastWriteTime -Descending | Select-Object -First 1 -ExpandProperty FullName

    function Invoke-HelpBuild {
        <# Runs the help build in a new pwsh on a copy of the documentation file with $Remove taken out; output and exit code. #>
        param([string] $XPath)
        $docs = [xml](Get-Content -LiteralPath $script:DocFile -Raw)
        if ($XPath) {
            $node = $docs.SelectSingleNode($XPath)
            $node | Should -Not -BeNullOrEmpty -Because "the test removes $XPath, which must exist"
            $null = $node.ParentNode.RemoveChild($node)
        }
        $copy = Join-Path $TestDrive ([guid]::NewGuid().ToString('N') + '.xml')
        $docs.Save($copy)
        $out = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        $text = & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File $script:Script -ModuleManifest $script:Manifest `
            -DocumentationFile $copy -AboutFolder $script:About -OutputFolder $out 2>&1 | Out-String
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Text = $text; Folder = $out }
    }
}

Describe 'The help build' {
    It 'writes the MAML of every cmdlet and the about topics when every doc comment is there' {
        $run = Invoke-HelpBuild
        $run.ExitCode | Should -Be 0 -Because $run.Text
        $maml = [xml](Get-Content -LiteralPath (Join-Path $run.Folder 'GptImage.PowerShell.dll-Help.xml') -Raw)
        $maml.helpItems.command.Count | Should -Be (Import-PowerShellDataFile -LiteralPath $script:Manifest).CmdletsToExport.Count
        (Get-ChildItem -LiteralPath $run.Folder -Filter 'about_*.help.txt').Count | Should -Be 3
    }

    It 'fails, naming the cmdlet and the parameter, when a parameter has no summary doc comment' {
        $run = Invoke-HelpBuild "//member[@name='P:GptImage.Commands.ImageBatchCmdlet.ThrottleLimit']"
        $run.ExitCode | Should -Not -Be 0
        $run.Text | Should -Match 'error GPTHELP1 : New-GptImage -ThrottleLimit has no <summary>'
        Test-Path -LiteralPath $run.Folder | Should -BeFalse -Because 'nothing is written when a doc comment is missing'
    }

    It 'fails when a cmdlet has no example' {
        $run = Invoke-HelpBuild "//member[@name='T:GptImage.Commands.DisconnectGptImageCommand']/example"
        $run.ExitCode | Should -Not -Be 0
        $run.Text | Should -Match 'error GPTHELP1 : Disconnect-GptImage has no <example>'
    }
}
