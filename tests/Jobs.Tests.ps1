# Pester 5: New-GptImage -AsJob and Edit-GptImage -AsJob as PowerShell jobs (Get-Job, Receive-Job, Wait-Job, Stop-Job), against the emulator.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/TestEnvironment.ps1')
    $script:Emulator, $script:Connection = Enter-EmulatorSession
    $script:Products = Join-Path $PSScriptRoot '../examples/products.csv'
}

AfterAll {
    Get-Job | Where-Object PSJobTypeName -EQ 'GptImageJob' | Remove-Job -Force
    Exit-EmulatorSession $script:Emulator
}

Describe 'New-GptImage -AsJob' {
    BeforeEach { Reset-Emulator $script:Emulator }

    It 'returns at once with a job the shell knows by its own id; Wait-Job waits and Receive-Job (-Keep) returns the results' {
        Set-EmulatorOptions $script:Emulator @{ minLatencyMs = 1500; maxLatencyMs = 1500 }
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $job = Import-Csv -LiteralPath $script:Products | New-GptImage @script:Connection -NoCache -AsJob
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 1.5
        $job | Should -BeOfType ([System.Management.Automation.Job])
        (Get-Job -Id $job.Id).InstanceId | Should -Be $job.InstanceId
        $job.PSJobTypeName | Should -Be 'GptImageJob'
        $job.State | Should -Be 'Running'

        $null = $job | Wait-Job -Timeout 60
        $job.State | Should -Be 'Completed'
        $job.StatusMessage | Should -Match '4'
        $job.Progress.Count | Should -BeGreaterThan 0
        $kept = Receive-Job $job -Keep
        $kept.Count | Should -Be 4
        $kept.Status | Sort-Object -Unique | Should -Be 'Succeeded'
        (Receive-Job $job).Count | Should -Be 4              # -Keep left them there
        @(Receive-Job $job).Count | Should -Be 0
        Remove-Job $job
    }

    It 'hands over results as they finish, before the job ends' {
        Set-EmulatorOptions $script:Emulator @{ minLatencyMs = 300; maxLatencyMs = 300 }
        $rows = 1..6 | ForEach-Object { "a numbered balloon $_" }
        $job = $rows | New-GptImage @script:Connection -NoCache -ThrottleLimit 1 -AsJob
        $deadline = [DateTime]::UtcNow.AddSeconds(30)
        while ($job.Output.Count -lt 1 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
        $early = @(Receive-Job $job)
        $early.Count | Should -BeGreaterThan 0
        $job.State | Should -Be 'Running'
        $null = $job | Wait-Job -Timeout 60
        ($early + @(Receive-Job $job)).Count | Should -Be 6
        Remove-Job $job
    }

    It 'makes row errors the job''s errors, bad input and refused requests alike' {
        $rows = @(
            [pscustomobject]@{ Sku = 'A'; Prompt = 'a green teapot' }
            [pscustomobject]@{ Sku = 'B'; Prompt = 'a yellow teapot'; Size = '999x7' }
            [pscustomobject]@{ Sku = 'C'; Prompt = 'a forbidden teapot' }
        )
        $job = $rows | New-GptImage @script:Connection -NoCache -AsJob -ErrorVariable foreground
        $foreground | Should -BeNullOrEmpty
        $null = $job | Wait-Job -Timeout 60
        $results = Receive-Job $job -ErrorVariable jobErrors -ErrorAction SilentlyContinue
        ($results | Where-Object Status -EQ 'Succeeded').SourceFields.Sku | Should -Be 'A'
        # every input row has a result, as in the foreground: the failed rows' say why
        ($results | Where-Object Status -EQ 'Failed' | Sort-Object RowNumber).ErrorId | Should -Be @('GptImage.InvalidSize', 'GptImage.ModerationBlocked')
        ($jobErrors | Where-Object { $_.FullyQualifiedErrorId -like 'GptImage.InvalidSize*' }).TargetObject.Sku | Should -Be 'B'
        ($jobErrors | Where-Object { $_.FullyQualifiedErrorId -like 'GptImage.ModerationBlocked*' }).TargetObject.Sku | Should -Be 'C'
        $job.State | Should -Be 'Completed'
        $job.FailedRows | Should -Be 2
        Remove-Job $job
    }

    It 'Stop-Job cancels at once and leaves the cache consistent for the next run' {
        $cache = Join-Path $TestDrive 'stop-cache'
        Set-EmulatorOptions $script:Emulator @{ minLatencyMs = 4000; maxLatencyMs = 4000 }
        $rows = 1..6 | ForEach-Object { "a slow kite $_" }
        $job = $rows | New-GptImage @script:Connection -CacheDirectory $cache -ThrottleLimit 2 -AsJob
        Start-Sleep -Milliseconds 500
        $clock = [Diagnostics.Stopwatch]::StartNew()
        Stop-Job $job
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 3
        $job.State | Should -Be 'Stopped'
        @(Receive-Job $job -ErrorAction SilentlyContinue | Where-Object Status -EQ 'Succeeded').Count | Should -Be 0

        Reset-Emulator $script:Emulator
        $again = $rows | New-GptImage @script:Connection -CacheDirectory $cache -ErrorVariable rerunErrors
        $rerunErrors | Should -BeNullOrEmpty
        $again.Status | Sort-Object -Unique | Should -Be 'Succeeded'
        (Get-EmulatorCounters $script:Emulator).generations | Should -Be 6
        # and now every row is in the cache
        $third = $rows | New-GptImage @script:Connection -CacheDirectory $cache -AsJob | Wait-Job | Receive-Job
        $third.FromCache | Sort-Object -Unique | Should -BeTrue
        Remove-Job $job
    }

    It 'keeps -MaxCost and the cache as in the foreground' {
        $cache = Join-Path $TestDrive 'cost-cache'
        $rows = 1..4 | ForEach-Object { "a costly vase $_" }
        $foreground = $rows | New-GptImage @script:Connection -CacheDirectory $cache -Quality high -MaxCost 0.5 -ThrottleLimit 1 -ErrorVariable fgErrors -ErrorAction SilentlyContinue
        @($foreground).Count | Should -BeGreaterThan 0
        Remove-Item -Recurse -LiteralPath $cache
        $job = $rows | New-GptImage @script:Connection -CacheDirectory $cache -Quality high -MaxCost 0.5 -ThrottleLimit 1 -AsJob
        $background = $job | Wait-Job -Timeout 60 | Receive-Job -ErrorVariable bgErrors -ErrorAction SilentlyContinue
        @($background).Count | Should -Be @($foreground).Count
        @($bgErrors | Where-Object { $_.FullyQualifiedErrorId -like 'GptImage.CostLimitReached*' }).Count |
            Should -Be @($fgErrors | Where-Object { $_.FullyQualifiedErrorId -like 'GptImage.CostLimitReached*' }).Count
        @($bgErrors).Count | Should -BeGreaterThan 0
        $cached = $rows | New-GptImage @script:Connection -CacheDirectory $cache -Quality high -AsJob | Wait-Job | Receive-Job
        @($cached | Where-Object FromCache).Count | Should -Be @($background | Where-Object Status -EQ 'Succeeded').Count
        Remove-Job $job
    }

    It 'with -WhatIf makes no job and sends nothing' {
        $out = 'a quiet pond' | New-GptImage @script:Connection -AsJob -WhatIf
        $out | Should -BeNullOrEmpty
        (Get-EmulatorCounters $script:Emulator).total | Should -Be 0
    }
}

Describe 'Edit-GptImage -AsJob' {
    It 'edits in the background and returns the results through Receive-Job' {
        $null = 'a square' | New-GptImage @script:Connection -NoCache -Size 1024x1024 -OutputDirectory $TestDrive -FileName 'base'
        $job = Edit-GptImage -Path (Join-Path $TestDrive 'base.png') -Prompt 'add a hat' @script:Connection -NoCache -AsJob
        $job.PSJobTypeName | Should -Be 'GptImageJob'
        $result = $job | Wait-Job -Timeout 60 | Receive-Job
        $result.Status | Should -Be 'Succeeded'
        $result.InputImages | Should -Not -BeNullOrEmpty
        Remove-Job $job
    }
}
