# Pester 5: the built module folder imports on this PowerShell and exports exactly its cmdlets.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/TestEnvironment.ps1')
    $script:ManifestPath = Get-GptImageModulePath
    Import-Module $script:ManifestPath -Force
}

AfterAll {
    Remove-Module GptImage.PowerShell -ErrorAction SilentlyContinue
}

Describe 'GptImage.PowerShell module' {
    It 'has a valid manifest' {
        $manifest = Test-ModuleManifest -Path $script:ManifestPath
        $manifest.Name | Should -Be 'GptImage.PowerShell'
        $manifest.CompatiblePSEditions | Should -Contain 'Desktop'
        $manifest.CompatiblePSEditions | Should -Contain 'Core'
    }

    It 'exports exactly its cmdlets and nothing else' {
        $commands = Get-Command -Module GptImage.PowerShell
        $commands.CommandType | Sort-Object -Unique | Should -Be 'Cmdlet'
        ($commands.Name | Sort-Object) | Should -Be @(
            'Connect-GptImage', 'ConvertTo-GptImageMask', 'Disconnect-GptImage', 'Edit-GptImage', 'Expand-GptImage',
            'Export-GptImageBatch', 'Get-GptImageBatchJob', 'Get-GptImageTemplate', 'Measure-GptImageCost', 'New-GptImage',
            'New-GptImageConversation', 'Receive-GptImageBatchJob', 'Resize-GptImage', 'Send-GptImageConversation',
            'Start-GptImageEmulator', 'Stop-GptImageBatchJob', 'Stop-GptImageEmulator', 'Submit-GptImageBatchJob', 'Test-GptImageMask')
    }

    It 'gives each kind of thing one noun: images, their export, masks, costs, the connection and OpenAI batch jobs' {
        # Export-GptImageBatch writes generated images to files; the Batch API cmdlets handle an OpenAI batch job.
        (Get-Command -Module GptImage.PowerShell -Noun GptImageBatch).Name | Should -Be 'Export-GptImageBatch'
        (Get-Command -Module GptImage.PowerShell -Noun GptImageBatchJob).Name | Sort-Object |
            Should -Be @('Get-GptImageBatchJob', 'Receive-GptImageBatchJob', 'Stop-GptImageBatchJob', 'Submit-GptImageBatchJob')
        (Get-Command Submit-GptImageBatchJob).OutputType.Name | Should -Be 'GptImage.BatchApi.GptImageBatchJob'
    }

    It 'takes the prompt from a piped string and from a Prompt, Description or Text column' {
        $prompt = (Get-Command New-GptImage).Parameters['Prompt']
        $prompt.Aliases | Should -Contain 'Description'
        $prompt.Aliases | Should -Contain 'Text'
        ('a piped fox' | Measure-GptImageCost).Prompt | Should -Be 'a piped fox'
        ([pscustomobject]@{ Description = 'a described fox' } | Measure-GptImageCost).Prompt | Should -Be 'a described fox'
        ([pscustomobject]@{ Text = 'a text fox' } | Measure-GptImageCost).Prompt | Should -Be 'a text fox'
    }

    It 'offers the fixed values of -Quality by tab completion' {
        $completion = TabExpansion2 -inputScript 'New-GptImage -Quality hi' -cursorColumn 'New-GptImage -Quality hi'.Length
        $completion.CompletionMatches.CompletionText | Should -Contain 'high'
    }

    It 'declares SupportsShouldProcess on every cmdlet that spends money or writes files' {
        foreach ($name in 'New-GptImage', 'Edit-GptImage', 'Export-GptImageBatch', 'ConvertTo-GptImageMask', 'Submit-GptImageBatchJob', 'Receive-GptImageBatchJob', 'Stop-GptImageBatchJob') {
            (Get-Command $name).Parameters.Keys | Should -Contain 'WhatIf'
        }
    }
}
