# Pester 5: the Batch API cmdlets as a person at the prompt meets them: error advice that fits the cmdlet and the
# status, -WhatIf on Receive-GptImageBatchJob, and the -Wait progress bar. Against the emulator; no key, no network.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/TestEnvironment.ps1')
    $script:Emulator, $script:Connection = Enter-EmulatorSession

    function Get-CallsTo([string] $Like) {
        @((Get-EmulatorCounters $script:Emulator).requests | Where-Object { $_.path -like $Like }).Count
    }
}

AfterAll {
    Exit-EmulatorSession $script:Emulator
}

Describe 'Batch job errors' {
    BeforeEach {
        Reset-Emulator $script:Emulator
        $script:State = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
    }

    It 'Stop-GptImageBatchJob on a finished batch asks once and says there is nothing to cancel' {
        $batch = 'one' | Submit-GptImageBatchJob @script:Connection -StatePath $script:State
        $null = $batch | Get-GptImageBatchJob @script:Connection -StatePath $script:State -Wait -PollIntervalSec 1
        Reset-EmulatorCounters $script:Emulator

        $batch | Stop-GptImageBatchJob @script:Connection -StatePath $script:State -Confirm:$false -ErrorVariable stopErrors -ErrorAction SilentlyContinue
        Get-CallsTo '*/cancel' | Should -Be 1
        $stopErrors.Count | Should -Be 1
        $stopErrors[0].FullyQualifiedErrorId | Should -Not -BeLike 'GptImage.ServerError*'
        $stopErrors[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
        $stopErrors[0].ErrorDetails.RecommendedAction | Should -BeLike '*already finished*'
        $stopErrors[0].ErrorDetails.RecommendedAction | Should -Not -BeLike '*retried*'
    }

    It 'an unknown batch id is the id''s problem, not the model''s' {
        Get-GptImageBatchJob -Id batch_doesnotexist @script:Connection -StatePath $script:State -ErrorVariable lookErrors -ErrorAction SilentlyContinue
        $lookErrors.Count | Should -Be 1
        $lookErrors[0].FullyQualifiedErrorId | Should -BeLike 'GptImage.NotFound*'
        $lookErrors[0].ErrorDetails.RecommendedAction | Should -Not -BeLike '*-Model*'
        $lookErrors[0].ErrorDetails.RecommendedAction | Should -BeLike '*-Id*'
        $lookErrors[0].TargetObject | Should -Be 'batch_doesnotexist'
    }

    It 'Stop-GptImageBatchJob of an unknown id gives the same advice' {
        Stop-GptImageBatchJob -Id batch_doesnotexist @script:Connection -StatePath $script:State -Confirm:$false -ErrorVariable stopErrors -ErrorAction SilentlyContinue
        $stopErrors[0].FullyQualifiedErrorId | Should -BeLike 'GptImage.NotFound*'
        $stopErrors[0].ErrorDetails.RecommendedAction | Should -Not -BeLike '*-Model*'
        Get-CallsTo '*/cancel' | Should -Be 1
    }
}

Describe 'Receive-GptImageBatchJob -WhatIf' {
    BeforeEach {
        Reset-Emulator $script:Emulator
        $script:State = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
    }

    It 'says which batch it would download and where the images would go, and downloads and writes nothing' {
        $out = Join-Path $TestDrive 'whatif-out'
        $batch = 'one', 'two' | Submit-GptImageBatchJob @script:Connection -StatePath $script:State
        $null = $batch | Get-GptImageBatchJob @script:Connection -StatePath $script:State -Wait -PollIntervalSec 1
        Reset-EmulatorCounters $script:Emulator

        # "What if:" lines go to the host, not to a stream: a transcript records them.
        $transcript = Join-Path $TestDrive 'whatif.txt'
        $null = Start-Transcript -LiteralPath $transcript
        try { $results = Receive-GptImageBatchJob -Id $batch.Id @script:Connection -StatePath $script:State -OutputDirectory $out -WhatIf }
        finally { $null = Stop-Transcript }
        $said = Get-Content -LiteralPath $transcript -Raw
        $results | Should -BeNullOrEmpty
        $said | Should -BeLike "*$($batch.Id)*"
        $said | Should -BeLike '*2 rows*'
        $said | Should -BeLike "*$out*"
        (Get-EmulatorCounters $script:Emulator).total | Should -Be 0
        Test-Path -LiteralPath $out | Should -BeFalse
    }
}
