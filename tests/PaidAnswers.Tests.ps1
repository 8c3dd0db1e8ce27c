# Pester 5: what is paid for is never lost and never paid twice, seen as a user meets it (against the emulator).
BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/TestEnvironment.ps1')
    # Answers a cache cannot store go to a fallback cache; these tests keep theirs in TestDrive, not the user's profile.
    $script:SavedFallback = $env:GPTIMAGE_FALLBACK_CACHE; $env:GPTIMAGE_FALLBACK_CACHE = Join-Path $TestDrive 'fallback-cache'

    $script:Emulator, $script:Connection = Enter-EmulatorSession
}

AfterAll {
    $env:GPTIMAGE_FALLBACK_CACHE = $script:SavedFallback
    Exit-EmulatorSession $script:Emulator
}

Describe 'Folders that cannot be written' {
    BeforeEach { Reset-EmulatorCounters $script:Emulator }

    It 'an -OutputDirectory that is a file stops the run with GptImage.WriteFailed before anything is paid' {
        $output = Join-Path $TestDrive 'out-is-a-file'
        Set-Content -LiteralPath $output -Value 'not a folder'
        { 'a red fox', 'a snow owl' | New-GptImage @script:Connection -OutputDirectory $output -ErrorAction Stop } |
            Should -Throw -ErrorId 'GptImage.WriteFailed*'
        (Get-EmulatorCounters $script:Emulator).generations | Should -Be 0
    }

    It 'an -OutputDirectory under a file stops the run with GptImage.WriteFailed naming the folder' {
        $file = Join-Path $TestDrive 'a-file'
        Set-Content -LiteralPath $file -Value 'x'
        $output = Join-Path $file 'out'
        $thrown = $null
        try { 'a red fox' | New-GptImage @script:Connection -OutputDirectory $output } catch { $thrown = $_ }
        $thrown.FullyQualifiedErrorId | Should -BeLike 'GptImage.WriteFailed*'
        $thrown.CategoryInfo.Category | Should -Be 'WriteError'
        $thrown.Exception.Message | Should -BeLike "*$output*"
        (Get-EmulatorCounters $script:Emulator).generations | Should -Be 0
    }

    It 'Export-GptImageBatch to a destination that is a file is GptImage.WriteFailed' {
        $destination = Join-Path $TestDrive 'export-is-a-file'
        Set-Content -LiteralPath $destination -Value 'x'
        $result = 'a blue teapot' | New-GptImage @script:Connection -NoCache
        { $result | Export-GptImageBatch -DestinationPath $destination -ErrorAction Stop } | Should -Throw -ErrorId 'GptImage.WriteFailed*'
    }

    It 'ConvertTo-GptImageMask to a folder under a file is GptImage.WriteFailed' {
        $image = ('a plain square' | New-GptImage @script:Connection -Size 1024x1024 -OutputDirectory (Join-Path $TestDrive 'mask-src') -NoCache).Path
        $file = Join-Path $TestDrive 'mask-file'
        Set-Content -LiteralPath $file -Value 'x'
        ConvertTo-GptImageMask -Path $image -Rectangle '0,0,512,512' -DestinationPath (Join-Path $file 'mask.png') -ErrorVariable maskErrors -ErrorAction SilentlyContinue
        $maskErrors[0].FullyQualifiedErrorId | Should -BeLike 'GptImage.WriteFailed*'
    }
}

Describe 'Rows of one run and their files' {
    It 'with -Force, rows that would write one file do not overwrite each other: the later ones are GptImage.DuplicateFileName' {
        $output = Join-Path $TestDrive 'dup'
        # Three sizes: three different images (the emulator draws the same picture for the same size).
        $rows = '1024x1024', '1536x1024', '1024x1536' | ForEach-Object { [pscustomobject]@{ Sku = 'DUP'; Prompt = "a shirt, $_"; Size = $_ } }
        # Every input row has a result; the two refused rows are Failed ones.
        $results = $rows | New-GptImage @script:Connection -OutputDirectory $output -FileName '{Sku}' -Force -ThrottleLimit 1 -ErrorVariable rowErrors -ErrorAction SilentlyContinue |
            Where-Object Status -EQ 'Succeeded'

        @($results).Count | Should -Be 1
        (Get-FileHash -LiteralPath $results.Path -Algorithm SHA256).Hash.ToLowerInvariant() | Should -Be $results.Sha256
        $rowErrors.Count | Should -Be 2
        $rowErrors | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'GptImage.DuplicateFileName*' }
        $rowErrors[0].Exception.Message | Should -Match '\{Row\}'
    }
}

Describe '-MaxCost' {
    It 'a run never spends more than -MaxCost: the estimate it reserves is what the answer bills' {
        $rows = 1..20 | ForEach-Object { "a small lighthouse, variant $_" }
        $results = $rows | New-GptImage @script:Connection -Quality low -Size 1024x1024 -NoCache -MaxCost 0.05 -ErrorVariable notRun -ErrorAction SilentlyContinue
        $spent = ($results | Measure-Object -Property CostUsd -Sum).Sum
        $estimate = @($results | Where-Object Status -EQ 'Succeeded')[0].EstimatedCostUsd

        $spent | Should -BeLessOrEqual 0.05
        $spent | Should -BeGreaterThan (0.05 - 2 * $estimate)
        $notRun | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'GptImage.CostLimitReached*' }
    }
}

Describe 'A pipeline that stops early' {
    BeforeEach {
        Reset-EmulatorCounters $script:Emulator
        Set-EmulatorOptions $script:Emulator @{ minLatencyMs = 400; maxLatencyMs = 600 }
    }
    AfterEach { Reset-Emulator $script:Emulator }

    It 'Select-Object -First 1: answers already paid for reach the cache, and the rerun pays only for the rest' {
        $output = Join-Path $TestDrive 'first'
        $prompts = 1..8 | ForEach-Object { "a lighthouse, take $_" }
        $first = $prompts | New-GptImage @script:Connection -OutputDirectory $output -ThrottleLimit 4 | Select-Object -First 1
        @($first).Count | Should -Be 1
        $paid = (Get-EmulatorCounters $script:Emulator).generations

        $all = $prompts | New-GptImage @script:Connection -OutputDirectory $output -ThrottleLimit 4
        $counters = Get-EmulatorCounters $script:Emulator
        $all.Count | Should -Be 8
        # No prompt was sent twice: every answer of the stopped run was kept.
        $counters.generations | Should -Be 8
        ($counters.requests.prompt | Sort-Object -Unique).Count | Should -Be 8
        @($all | Where-Object Status -EQ 'Cached').Count | Should -Be $paid
    }

    It '-ErrorAction Stop on a bad row: the answer already on its way for an earlier row is cached' {
        $output = Join-Path $TestDrive 'stop'
        $rows = @(
            [pscustomobject]@{ Prompt = 'a green teapot'; Size = '1024x1024' }
            [pscustomobject]@{ Prompt = 'a broken teapot'; Size = '999x7' }
        )
        # The bad row arrives while the first row's request is on its way (the emulator answers after 400-600 ms).
        { & { $rows[0]; Start-Sleep -Milliseconds 250; $rows[1] } | New-GptImage @script:Connection -OutputDirectory $output -ErrorAction Stop } |
            Should -Throw -ErrorId 'GptImage.InvalidSize*'
        (Get-EmulatorCounters $script:Emulator).generations | Should -Be 1
        $again = $rows[0] | New-GptImage @script:Connection -OutputDirectory $output

        $again.Status | Should -Be 'Cached'
        (Get-EmulatorCounters $script:Emulator).generations | Should -Be 1
    }
}

Describe 'Server errors in a long run' {
    AfterEach { Reset-Emulator $script:Emulator }

    It 'rows that keep failing for a while are tried again until -RetryTimeoutSec is spent, and none is lost' {
        Reset-EmulatorCounters $script:Emulator
        Set-EmulatorOptions $script:Emulator @{ serverErrorRate = 0.3; seed = 11 }
        $prompts = 1..10 | ForEach-Object { "a weather vane, number $_" }
        $results = $prompts | New-GptImage @script:Connection -NoCache -MaxRetries 0 -RetryTimeoutSec 120 -ErrorVariable rowErrors -ErrorAction SilentlyContinue

        $rowErrors | Should -BeNullOrEmpty
        @($results | Where-Object Status -EQ 'Succeeded').Count | Should -Be 10
        (Get-EmulatorCounters $script:Emulator).byStatus.'500' + (Get-EmulatorCounters $script:Emulator).byStatus.'503' | Should -BeGreaterThan 0
    }

    It 'an empty wallet fails at once: it is not tried again for -RetryTimeoutSec' {
        Set-EmulatorOptions $script:Emulator @{ insufficientQuota = $true }
        Reset-EmulatorCounters $script:Emulator
        $null = 'a grey teapot' | New-GptImage @script:Connection -NoCache -MaxRetries 2 -ErrorVariable quota -ErrorAction SilentlyContinue
        $quota[0].FullyQualifiedErrorId | Should -BeLike 'GptImage.QuotaExceeded*'
        (Get-EmulatorCounters $script:Emulator).generations | Should -Be 1
    }
}
