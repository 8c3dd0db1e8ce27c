# Pester 5: every example a user is shown runs, as written, against the emulator: each cmdlet's help examples
# (Get-Help -Examples, from the doc comments) and every ```powershell block of README.md and of the about topics'
# sources (docs/about). Each runs in a fresh folder
# holding a copy of examples/, with Connect-GptImage pointed at the emulator, and fails on any error it writes.
# An example whose first line is a comment saying "not run by the tests" (and why) is reported as skipped.
# New cmdlets and new README blocks are picked up without changing this file.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Support/ExampleRunner.ps1')
    $markdown = @(Join-Path $PSScriptRoot '../README.md') + @(Get-ChildItem -Path (Join-Path $PSScriptRoot '../docs/about/about_*.md') | ForEach-Object FullName)
    $script:Examples = @(Get-HelpExample) + @($markdown | ForEach-Object { Get-MarkdownExample $_ })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/TestEnvironment.ps1')
    . (Join-Path $PSScriptRoot 'Support/ExampleRunner.ps1')
    Import-Module (Get-GptImageModulePath) -Force
    $script:Saved = Save-ExampleEnvironment -Clear
    $script:Emulator = Start-TestEmulator
    # A batch stays in progress for a few seconds, as a real one does for longer: Stop-GptImageBatchJob examples then
    # find it running, and -Wait examples wait for it.
    Set-EmulatorOptions $script:Emulator @{ batchCompletionDelayMs = 3000 }
    $script:ExamplesFolder = Join-Path $PSScriptRoot '../examples'
}

AfterAll {
    Stop-TestEmulator $script:Emulator
    Restore-ExampleEnvironment $script:Saved
    Disconnect-GptImage -ErrorAction SilentlyContinue
    Remove-Module GptImage.PowerShell -ErrorAction SilentlyContinue
}

Describe 'The examples are found' {
    It 'finds help examples of every exported cmdlet, README blocks and about topic blocks' {
        $byCmdlet = $Examples | Where-Object Source -eq 'help' | Group-Object Cmdlet
        $byCmdlet.Count | Should -Be (Get-Command -Module GptImage.PowerShell -CommandType Cmdlet).Count
        @($Examples | Where-Object Source -eq 'README.md').Count | Should -BeGreaterThan 20
        @($Examples | Where-Object Source -like 'about_*').Count | Should -BeGreaterOrEqual 3
    }

    It 'README.md shows its PowerShell examples as fenced blocks (the indented form is not run, so not allowed)' {
        $readme = Join-Path $PSScriptRoot '../README.md'
        Get-IndentedCommandLine $readme (Get-Command -Module GptImage.PowerShell -CommandType Cmdlet).Name | Should -BeNullOrEmpty
    }
}

Describe '<Name>' -ForEach $script:Examples {
    It 'runs against the emulator without an error' {
        if ($SkipReason) {
            Set-ItResult -Skipped -Because $SkipReason
            return
        }
        $folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        Copy-Item -LiteralPath $ExamplesFolder -Destination $folder -Recurse
        Connect-GptImage -Endpoint $Emulator.BaseUrl -ApiKey (New-TestApiKey) | Out-Null
        $env:GPTIMAGE_BATCH_STATE = Join-Path $folder '.batches'
        $problems = Invoke-Example -Code $Code -Folder $folder
        $problems | Should -BeNullOrEmpty -Because "the example`n$Code`nmust run without errors"
    }
}
