# Pester 5: the Batch API flows (Submit-, Get-, Receive-, Stop-GptImageBatchJob) against the emulator (a child process on a
# free port, batches fast-forwarded). No real key, no network. Each test keeps its batch records under $TestDrive.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/TestEnvironment.ps1')

    $script:Emulator, $script:Connection = Enter-EmulatorSession
    $script:Products = Join-Path $PSScriptRoot '../examples/products.csv'
}

AfterAll {
    Exit-EmulatorSession $script:Emulator
}

Describe 'Submit-GptImageBatchJob | Get-GptImageBatchJob -Wait | Receive-GptImageBatchJob | Export-GptImageBatch' {
    BeforeEach {
        Reset-Emulator $script:Emulator
        $script:State = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
    }

    It 'receives every CSV row back with its columns, and Export-GptImageBatch writes them' {
        $rows = Import-Csv -LiteralPath $script:Products
        $batch = $rows | Submit-GptImageBatchJob @script:Connection -StatePath $script:State
        $batch.Id | Should -Match '^batch_'
        $batch.Rows | Should -Be $rows.Count
        Test-Path -LiteralPath $batch.RecordPath | Should -BeTrue

        $done = $batch | Get-GptImageBatchJob @script:Connection -StatePath $script:State -Wait -PollIntervalSec 1
        $done.Status | Should -Be 'completed'
        $done.Completed | Should -Be $rows.Count

        $destination = Join-Path $TestDrive 'export'
        $written = $batch | Receive-GptImageBatchJob @script:Connection -StatePath $script:State |
            Export-GptImageBatch -DestinationPath $destination -FileName '{Sku}-{Index}' -PassThru
        $written.Count | Should -Be $rows.Count
        foreach ($row in $rows) { Test-Path -LiteralPath (Join-Path $destination "$($row.Sku)-0.png") | Should -BeTrue }
        (Get-EmulatorCounters $script:Emulator).generations | Should -Be 0   # batch lines are not direct calls
    }

    It 'reports a row the service refused as an error and still returns the others' {
        $batch = 'a kite', 'a forbidden thing', 'a boat' | Submit-GptImageBatchJob @script:Connection -StatePath $script:State -Size 1024x1024 -Quality low
        $null = Get-GptImageBatchJob -Id $batch.Id @script:Connection -StatePath $script:State -Wait -PollIntervalSec 1
        $results = Receive-GptImageBatchJob -Id $batch.Id @script:Connection -StatePath $script:State -ErrorVariable refused -ErrorAction SilentlyContinue
        $results.Count | Should -Be 2
        $refused.Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'GptImage.ModerationBlocked*'
    }

    It 'receiving twice into a folder writes no second copy' {
        $out = Join-Path $TestDrive 'twice'
        $batch = 'one', 'two' | Submit-GptImageBatchJob @script:Connection -StatePath $script:State -Size 1024x1024 -Quality low
        $first = Receive-GptImageBatchJob -Id $batch.Id @script:Connection -StatePath $script:State -Wait -PollIntervalSec 1 -OutputDirectory $out
        $stamps = $first | ForEach-Object { (Get-Item -LiteralPath $_.Path).LastWriteTimeUtc }
        # A new session: only the id and the state folder are needed.
        Remove-Module GptImage.PowerShell; Import-Module (Get-GptImageModulePath) -Force
        $second = Receive-GptImageBatchJob -Id $batch.Id @script:Connection -StatePath $script:State -OutputDirectory $out
        (Get-ChildItem -LiteralPath $out -File).Count | Should -Be 2
        $second.Path | Should -Be $first.Path
        ($second | ForEach-Object { (Get-Item -LiteralPath $_.Path).LastWriteTimeUtc }) | Should -Be $stamps
    }

    It 'Stop-GptImageBatchJob cancels, and the rows come back as not run' {
        Set-EmulatorOptions $script:Emulator @{ batchCompletionDelayMs = 3600000 }
        $batch = 'one', 'two' | Submit-GptImageBatchJob @script:Connection -StatePath $script:State
        $stopped = $batch | Stop-GptImageBatchJob @script:Connection -StatePath $script:State -Confirm:$false
        $stopped.Status | Should -BeIn @('cancelling', 'cancelled')
        $null = Get-GptImageBatchJob -Id $batch.Id @script:Connection -StatePath $script:State -Wait -PollIntervalSec 1
        $results = Receive-GptImageBatchJob -Id $batch.Id @script:Connection -StatePath $script:State -ErrorVariable notRun -ErrorAction SilentlyContinue
        $results | Should -BeNullOrEmpty
        $notRun.Count | Should -Be 2
        $notRun[0].FullyQualifiedErrorId | Should -BeLike 'GptImage.BatchRowNotRun*'
    }

    It 'Receive-GptImageBatchJob of a batch still running says so' {
        Set-EmulatorOptions $script:Emulator @{ batchCompletionDelayMs = 3600000 }
        $batch = 'one' | Submit-GptImageBatchJob @script:Connection -StatePath $script:State
        Receive-GptImageBatchJob -Id $batch.Id @script:Connection -StatePath $script:State -ErrorVariable early -ErrorAction SilentlyContinue
        $early[0].FullyQualifiedErrorId | Should -BeLike 'GptImage.BatchNotFinished*'
        $batch | Stop-GptImageBatchJob @script:Connection -StatePath $script:State -Confirm:$false | Out-Null
    }

    It 'lists the batches recorded in the state folder' {
        $a = 'one' | Submit-GptImageBatchJob @script:Connection -StatePath $script:State
        $b = 'two' | Submit-GptImageBatchJob @script:Connection -StatePath $script:State
        $listed = Get-GptImageBatchJob @script:Connection -StatePath $script:State
        ($listed.Id | Sort-Object) | Should -Be (@($a.Id, $b.Id) | Sort-Object)
    }
}

Describe 'Submit-GptImageBatchJob -WhatIf' {
    BeforeEach { Reset-Emulator $script:Emulator }

    It 'shows the estimate at the Batch API price beside the direct price and sends nothing' {
        $state = Join-Path $TestDrive 'whatif'
        $said = 'a lighthouse' | Submit-GptImageBatchJob @script:Connection -StatePath $state -Size 1024x1024 -Quality high -WhatIf -Verbose 4>&1 | Out-String
        $said | Should -Match 'Batch API price'
        $batchUsd = [decimal]([regex]::Match($said, 'estimated ([0-9.]+) USD at the Batch API price').Groups[1].Value)
        $directUsd = [decimal]([regex]::Match($said, '\(([0-9.]+) USD if sent directly\)').Groups[1].Value)
        $batchUsd | Should -BeGreaterThan 0
        # Both figures are printed to 4 decimals: half the direct one, within that rounding.
        [math]::Abs($batchUsd - $directUsd / 2) | Should -BeLessOrEqual 0.0001
        (Get-EmulatorCounters $script:Emulator).total | Should -Be 0
        Test-Path -LiteralPath $state | Should -BeFalse
    }

    It 'refuses a wrong row before anything is uploaded' {
        $state = Join-Path $TestDrive 'bad'
        $batch = 'a kite' | Submit-GptImageBatchJob @script:Connection -StatePath $state -Size 1000x1000 -ErrorVariable bad -ErrorAction SilentlyContinue
        $batch | Should -BeNullOrEmpty
        $bad[0].FullyQualifiedErrorId | Should -BeLike 'GptImage.InvalidSize*'
        (Get-EmulatorCounters $script:Emulator).total | Should -Be 0
    }
}

Describe 'Edits through the Batch API' {
    BeforeAll {
        Reset-Emulator $script:Emulator
        $script:Images = Join-Path $TestDrive 'inputs'
        $null = 'a plain square' | New-GptImage @script:Connection -Size 1024x1024 -OutputDirectory $script:Images -FileName 'square' -NoCache
    }

    It 'uploads each input image once and receives an edit per file' {
        $state = Join-Path $TestDrive 'edits'
        $batch = Get-ChildItem -LiteralPath $script:Images -Filter *.png |
            Submit-GptImageBatchJob @script:Connection -StatePath $state -Prompt 'add a hat' -Size 1024x1024 -Quality low
        $batch.Endpoint | Should -Be '/v1/images/edits'
        $results = Receive-GptImageBatchJob -Id $batch.Id @script:Connection -StatePath $state -Wait -PollIntervalSec 1
        $results.Count | Should -Be 1
        $results[0].Status | Should -Be 'Succeeded'
        $results[0].InputImages | Should -BeLike '*square*.png'
    }
}

Describe 'New-GptImage -PartialImages (streaming)' {
    BeforeEach { Reset-Emulator $script:Emulator }

    It 'saves the partial images and ends with the same image as a plain call' {
        $out = Join-Path $TestDrive 'stream'
        $plain = 'a lighthouse' | New-GptImage @script:Connection -Size 1024x1024 -Quality low -NoCache
        $streamed = 'a lighthouse' | New-GptImage @script:Connection -Size 1024x1024 -Quality low -NoCache -PartialImages 2 -SavePartial -OutputDirectory $out
        $partials = Get-ChildItem -LiteralPath (Join-Path $out 'partial') -Filter 'row-000001-partial-*.png'
        $partials.Count | Should -Be 2
        $streamed.Sha256 | Should -Be $plain.Sha256
        $streamed.Size | Should -Be $plain.Size
    }

    It 'refuses -PartialImages 4 before any call' {
        { 'a kite' | New-GptImage @script:Connection -PartialImages 4 } | Should -Throw
        (Get-EmulatorCounters $script:Emulator).total | Should -Be 0
    }
}
