# Pester 5: what a person sees while a run goes on: -Verbose lines as they happen, naming their row, and progress bars
# that tell the truth (requests in flight, a rate-limit wait, batch jobs' request counts, the nested partial-image bar).
# Progress is read from a separate PowerShell instance's Streams.Progress; everything runs against the emulator.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/TestEnvironment.ps1')
    $script:Emulator, $script:Connection = Enter-EmulatorSession

    function Get-ProgressOf {
        <# Runs $Script (with -Endpoint and -ApiKey given as $Endpoint) in a fresh PowerShell instance; returns its ProgressRecords. #>
        param([Parameter(Mandatory)] [string] $Script, [hashtable] $Parameters = @{})
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript('param($ModulePath) Import-Module $ModulePath').AddArgument((Get-GptImageModulePath)).AddStatement()
            $null = $ps.AddScript($Script).AddParameter('Endpoint', $script:Emulator.BaseUrl).AddParameters($Parameters)
            $null = $ps.Invoke()
            foreach ($e in $ps.Streams.Error) { throw "The captured run failed: $e" }
            return $ps.Streams.Progress.ReadAll()
        } finally { $ps.Dispose() }
    }
}

AfterAll {
    Exit-EmulatorSession $script:Emulator
}

Describe 'New-GptImage -Verbose' {
    BeforeEach { Reset-Emulator $script:Emulator }

    It 'writes each request''s lines as they happen, naming the row, before the row''s result and the summary' {
        Set-EmulatorOptions $script:Emulator @{ minLatencyMs = 300; maxLatencyMs = 300 }
        $stream = 'a kite', 'a boat', 'a tree' | New-GptImage @script:Connection -NoCache -ThrottleLimit 1 -Verbose 4>&1
        $verbose = @($stream | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        $results = @($stream | Where-Object { $_ -is [GptImage.Orchestration.GptImageResult] })
        $results.Count | Should -Be 3

        $requestLines = @($verbose | Where-Object { $_ -match 'POST |request id' })
        $requestLines.Count | Should -Be 6
        foreach ($line in $requestLines) { $line | Should -Match '^Row [1-3]: ' }
        $verbose[-1] | Should -BeLike 'GptImage batch:*'

        foreach ($result in $results) {
            $at = [array]::IndexOf($stream, $result)
            $answered = [array]::FindIndex([object[]] $stream, [Predicate[object]] {
                    param($item) $item -is [System.Management.Automation.VerboseRecord] -and $item.Message -like "Row $($result.RowNumber): generations: 200*" })
            $answered | Should -BeGreaterOrEqual 0
            $answered | Should -BeLessThan $at
        }
    }
}

Describe 'New-GptImage progress' {
    BeforeEach { Reset-Emulator $script:Emulator }

    It 'never shows more requests in flight than -ThrottleLimit, and says the time left only once' {
        Set-EmulatorOptions $script:Emulator @{ minLatencyMs = 200; maxLatencyMs = 400 }
        $progress = Get-ProgressOf -Script @'
param($Endpoint)
1..12 | ForEach-Object { "a fox $_" } | New-GptImage -Endpoint $Endpoint -ApiKey (ConvertTo-SecureString sk-test -AsPlainText -Force) -NoCache -ThrottleLimit 2
'@
        $bar = @($progress | Where-Object Activity -EQ 'Generating images' | Where-Object RecordType -EQ 'Processing')
        $bar.Count | Should -BeGreaterThan 0
        $inFlight = $bar | ForEach-Object { [int]([regex]::Match($_.StatusDescription, '(\d+) in flight').Groups[1].Value) }
        ($inFlight | Measure-Object -Maximum).Maximum | Should -BeLessOrEqual 2
        ($inFlight | Measure-Object -Maximum).Maximum | Should -BeGreaterThan 0
        $bar.StatusDescription | Where-Object { $_ -like '*queued*' } | Should -Not -BeNullOrEmpty
        $bar.StatusDescription | Where-Object { $_ -match '\bleft\b' } | Should -BeNullOrEmpty
        $bar | Where-Object SecondsRemaining -GE 0 | Should -Not -BeNullOrEmpty
    }

    It 'says it is waiting for the rate limit, and until when' {
        $root = $script:Emulator.Root
        Invoke-RestMethod -Method Post -Uri ($root + '_emulator/faults') -ContentType 'application/json' -Body '[{"kind": "RateLimited", "retryAfterMs": 3000}]' | Out-Null
        $progress = Get-ProgressOf -Script @'
param($Endpoint)
'one', 'two', 'three' | New-GptImage -Endpoint $Endpoint -ApiKey (ConvertTo-SecureString sk-test -AsPlainText -Force) -NoCache -ThrottleLimit 1
'@
        $waiting = @($progress | Where-Object StatusDescription -Match 'waiting for the rate limit until \d\d:\d\d:\d\d')
        $waiting.Count | Should -BeGreaterThan 1   # refreshed while it waits, not one frozen line
    }

    It 'nests the partial-image bar under the run''s bar' {
        $progress = Get-ProgressOf -Script @'
param($Endpoint)
'a lighthouse' | New-GptImage -Endpoint $Endpoint -ApiKey (ConvertTo-SecureString sk-test -AsPlainText -Force) -NoCache -Size 1024x1024 -Quality low -PartialImages 2
'@
        $parent = @($progress | Where-Object Activity -EQ 'Generating images')[0].ActivityId
        $partial = @($progress | Where-Object Activity -EQ 'Partial images')
        $partial.Count | Should -BeGreaterThan 0
        $partial.ParentActivityId | Sort-Object -Unique | Should -Be $parent
    }
}

Describe 'Get-GptImageBatchJob -Wait progress' {
    BeforeEach { Reset-Emulator $script:Emulator }

    It 'counts the batch''s requests while the API still reports none' {
        Set-EmulatorOptions $script:Emulator @{ batchCompletionDelayMs = 2500 }
        $progress = Get-ProgressOf -Parameters @{ State = (Join-Path $TestDrive 'waitstate') } -Script @'
param($Endpoint, $State)
$key = ConvertTo-SecureString sk-test -AsPlainText -Force
$batch = 1..30 | ForEach-Object { "a kite $_" } | Submit-GptImageBatchJob -Endpoint $Endpoint -ApiKey $key -StatePath $State
$null = $batch | Get-GptImageBatchJob -Endpoint $Endpoint -ApiKey $key -StatePath $State -Wait -PollIntervalSec 1
'@
        $bar = @($progress | Where-Object Activity -Like 'Waiting for batch*' | Where-Object RecordType -EQ 'Processing')
        $bar.Count | Should -BeGreaterThan 0
        foreach ($record in $bar) {
            $record.StatusDescription | Should -Match '\b30\b'
            $record.StatusDescription | Should -Not -Match '\b0 of 0\b'
        }
    }
}
