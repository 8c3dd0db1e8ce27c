# Pester 5: what a pipeline record is and what it binds to (files, CSV rows, strings), and how bad cells are reported.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/TestEnvironment.ps1')
    $script:Emulator, $script:Connection = Enter-EmulatorSession

    $script:Images = Join-Path $TestDrive 'images'
    $script:Square = ('a plain square' | New-GptImage @script:Connection -Size 1024x1024 -OutputDirectory $script:Images -FileName 'square' -NoCache).Path
    $script:Wide = ('a plain landscape' | New-GptImage @script:Connection -Size 1536x1024 -OutputDirectory $script:Images -FileName 'wide' -NoCache).Path
}

AfterAll {
    Exit-EmulatorSession $script:Emulator
}

Describe 'A file piped in is an image, never a source of request parameters' {
    BeforeEach { Reset-EmulatorCounters $script:Emulator }

    It 'Get-Item | Edit-GptImage edits the file (its Size, User, Group, UnixMode are not -Size or -User)' {
        $result = Get-Item -LiteralPath $script:Square | Edit-GptImage -Prompt 'add a red balloon' @script:Connection -NoCache
        $result.Status | Should -Be 'Succeeded'
        $result.Size | Should -Not -Be (Get-Item -LiteralPath $script:Square).Length
        (Get-EmulatorCounters $script:Emulator).edits | Should -Be 1
    }

    It 'Get-ChildItem | Submit-GptImageBatchJob -WhatIf makes one edit per file with the typed options only' {
        $lines = Get-ChildItem -LiteralPath $script:Images -Filter '*.png' |
            Submit-GptImageBatchJob -Prompt 'make it a watercolour' @script:Connection -WhatIf -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
        $rows = @($lines | Where-Object { $_ -match '^Row \d+:' })
        $rows.Count | Should -Be 2
        $rows | ForEach-Object { $_ | Should -Match 'images=' ; $_ | Should -Not -Match 'size=' }
        (Get-EmulatorCounters $script:Emulator).total | Should -Be 0
    }

    It 'an error about a piped file names the row and the file' {
        $mask = Join-Path $TestDrive 'files.mask.png'
        $null = ConvertTo-GptImageMask -Path $script:Square -Rectangle '0,0,256,256' -DestinationPath $mask
        $null = Get-ChildItem -LiteralPath $script:Images -Filter '*.png' | Sort-Object Name |
            Edit-GptImage -Prompt 'add a hat' -MaskPath $mask @script:Connection -WhatIf -ErrorVariable fileErrors -ErrorAction SilentlyContinue
        $fileErrors.Count | Should -Be 1
        $fileErrors[0].FullyQualifiedErrorId | Should -BeLike 'GptImage.MaskMismatch*'
        $fileErrors[0].ToString() | Should -Match 'Row 2 \(wide\.png\)'
    }

    It 'a CSV row''s columns still set the request options' {
        $estimate = [pscustomobject]@{ Prompt = 'a teapot'; Size = '1536x1024'; Quality = 'high'; Count = '2' } | Measure-GptImageCost
        $estimate.Size | Should -Be '1536x1024'
        $estimate.Quality | Should -Be 'high'
        $estimate.Count | Should -Be 2
    }
}

Describe 'Every record gets its number; a bad cell is that row''s error' {
    BeforeEach { Reset-EmulatorCounters $script:Emulator }

    It 'a Quality of ultra is row 2''s error naming the column, the value and what is allowed; rows 1 and 3 keep their numbers' {
        $out = Join-Path $TestDrive 'numbered'
        $rows = @(
            [pscustomobject]@{ Sku = 'A'; Prompt = 'a green teapot'; Quality = 'low' }
            [pscustomobject]@{ Sku = 'B'; Prompt = 'a blue teapot'; Quality = 'ultra' }
            [pscustomobject]@{ Sku = 'C'; Prompt = 'a red teapot'; Quality = 'low' }
        )
        $results = $rows | New-GptImage @script:Connection -NoCache -OutputDirectory $out -FileName 'row{Row}' -ErrorVariable rowErrors -ErrorAction SilentlyContinue
        ($results | Where-Object Status -EQ 'Succeeded').RowNumber | Sort-Object | Should -Be @(1, 3)
        Test-Path -LiteralPath (Join-Path $out 'row3.png') | Should -BeTrue
        $rowErrors.Count | Should -Be 1
        $rowErrors[0].FullyQualifiedErrorId | Should -BeLike 'GptImage.InvalidQuality*'
        $rowErrors[0].TargetObject.Sku | Should -Be 'B'
        $message = $rowErrors[0].Exception.Message
        $message | Should -Match 'Row 2'
        $message | Should -Match 'Quality'
        $message | Should -Match 'ultra'
        $message | Should -Match 'low, medium, high, auto'
        (Get-EmulatorCounters $script:Emulator).generations | Should -Be 2
    }

    It 'Measure-GptImageCost numbers the rows after a bad one by their place in the input' {
        $rows = @(
            [pscustomobject]@{ Prompt = 'one'; Quality = 'ultra' }
            [pscustomobject]@{ Prompt = 'two'; Quality = 'low' }
        )
        $estimates = $rows | Measure-GptImageCost -ErrorAction SilentlyContinue
        $estimates.RowNumber | Should -Be 2
    }

    It 'tab completion still offers the fixed values' {
        $completions = TabExpansion2 -inputScript 'New-GptImage -Quality ' -cursorColumn 'New-GptImage -Quality '.Length
        $completions.CompletionMatches.CompletionText | Should -Contain 'high'
    }
}

Describe 'An error the API gives about a row names that row' {
    BeforeEach { Reset-EmulatorCounters $script:Emulator }

    It 'a refused prompt in row 2 is "Row 2: ..." in the foreground and in a job' {
        $rows = 'a green teapot', 'a forbidden teapot', 'a blue teapot'
        $null = $rows | New-GptImage @script:Connection -NoCache -ErrorVariable bad -ErrorAction SilentlyContinue
        $bad.Count | Should -Be 1
        $bad[0].FullyQualifiedErrorId | Should -BeLike 'GptImage.ModerationBlocked*'
        "$($bad[0])" | Should -Match '^Row 2: '
        $job = $rows | New-GptImage @script:Connection -NoCache -AsJob
        $null = $job | Wait-Job -Timeout 60 | Receive-Job -ErrorVariable jobErrors -ErrorAction SilentlyContinue
        "$($jobErrors[0])" | Should -Match '^Row 2: '
        Remove-Job $job
    }

    It 'an edit''s row names its file as well' {
        $image = Join-Path $TestDrive 'forbidden-shot.png'
        Copy-Item -LiteralPath $script:Square -Destination $image
        $null = Get-Item -LiteralPath $image | Edit-GptImage -Prompt 'a forbidden change' @script:Connection -NoCache -ErrorVariable bad -ErrorAction SilentlyContinue
        "$($bad[0])" | Should -Match '^Row 1 \(forbidden-shot\.png\): '
    }
}

Describe 'Count cells are whole numbers, checked before sending' {
    BeforeEach { Reset-EmulatorCounters $script:Emulator }

    It 'Count <Count> is that row''s InvalidCount error and nothing is sent' -ForEach @(
        @{ Count = 'abc' }, @{ Count = '99999999999' }, @{ Count = '1.5' }
    ) {
        $results = [pscustomobject]@{ Sku = 'A'; Prompt = 'a teapot'; Count = $Count } |
            New-GptImage @script:Connection -NoCache -ErrorVariable rowErrors -ErrorAction SilentlyContinue
        $results | Where-Object Status -EQ 'Succeeded' | Should -BeNullOrEmpty
        $rowErrors.Count | Should -Be 1
        $rowErrors[0].FullyQualifiedErrorId | Should -BeLike 'GptImage.InvalidCount*'
        $rowErrors[0].Exception.Message | Should -Match 'Row 1'
        $rowErrors[0].Exception.Message | Should -Match ([regex]::Escape($Count))
        (Get-EmulatorCounters $script:Emulator).total | Should -Be 0
    }

    It 'a row whose Prompt cell is <Name> is an error, never its own text as the prompt' -ForEach @(
        @{ Name = 'empty'; Value = '' }, @{ Name = 'null'; Value = $null }
    ) {
        $row = [pscustomobject]@{ Sku = 'A'; Prompt = $Value; Size = '' }
        $null = $row | New-GptImage @script:Connection -NoCache -ErrorVariable rowErrors -ErrorAction SilentlyContinue
        $rowErrors.Count | Should -Be 1
        $rowErrors[0].FullyQualifiedErrorId | Should -BeLike 'GptImage.InvalidPrompt*'
        $rowErrors[0].Exception.Message | Should -Match 'Row 1'
        (Get-EmulatorCounters $script:Emulator).total | Should -Be 0
    }
}

Describe 'Measure-GptImageCost writes one type per call' {
    It 'estimates only, or with -Summary the total only' {
        $rows = @([pscustomobject]@{ Prompt = 'one' }, [pscustomobject]@{ Prompt = 'two'; Quality = 'ultra' })
        $estimates = $rows | Measure-GptImageCost -ErrorAction SilentlyContinue
        @($estimates).Count | Should -Be 1
        $estimates | Should -BeOfType ([GptImage.Commands.GptImageCostEstimate])
        $total = $rows | Measure-GptImageCost -Summary -ErrorAction SilentlyContinue
        @($total).Count | Should -Be 1
        $total | Should -BeOfType ([GptImage.Commands.GptImageCostTotal])
        $total.Rows | Should -Be 2
        $total.InvalidRows | Should -Be 1
        $total.EstimatedCostUsd | Should -Be $estimates.EstimatedCostUsd
    }
}

Describe 'One rule decides whether a row is a generation or an edit' {
    BeforeEach { Reset-EmulatorCounters $script:Emulator }

    It 'Measure-GptImageCost estimates a row with Prompt and Path as an edit of that image' {
        $estimate = [pscustomobject]@{ Prompt = 'add a hat'; Path = $script:Square } | Measure-GptImageCost
        # InputImages is one '; '-separated cell (a flat column for Export-Csv).
        @($estimate.InputImages -split '; ').Count | Should -Be 1
        Split-Path -Leaf $estimate.InputImages | Should -Be (Split-Path -Leaf $script:Square)
        $estimate.Basis | Should -Match 'input image'
    }

    It 'Edit-GptImage edits the same row, and New-GptImage refuses it as an edit before sending' {
        $row = [pscustomobject]@{ Prompt = 'add a hat'; Path = $script:Square }
        $edited = $row | Edit-GptImage @script:Connection -NoCache
        $edited.Status | Should -Be 'Succeeded'
        $null = $row | New-GptImage @script:Connection -NoCache -ErrorVariable newErrors -ErrorAction SilentlyContinue
        $newErrors.Count | Should -Be 1
        $newErrors[0].Exception.Message | Should -Match 'Edit-GptImage'
        $counters = Get-EmulatorCounters $script:Emulator
        $counters.edits | Should -Be 1
        $counters.generations | Should -Be 0
    }

    It 'Submit-GptImageBatchJob -WhatIf takes the same row as an edit' {
        $lines = [pscustomobject]@{ Prompt = 'add a hat'; Path = $script:Square } |
            Submit-GptImageBatchJob @script:Connection -WhatIf -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
        ($lines | Where-Object { $_ -match '^Row 1:' }) | Should -Match 'images='
    }
}

Describe '-FileName is checked against each row before its request is sent' {
    BeforeEach { Reset-EmulatorCounters $script:Emulator }

    It 'a placeholder the row cannot fill is that row''s error, and nothing is paid for it' {
        $out = Join-Path $TestDrive 'named'
        $rows = @(
            [pscustomobject]@{ Sku = 'A'; Prompt = 'a green teapot' }
            [pscustomobject]@{ Sku = 'B'; Prompt = 'a blue teapot'; Nope = 'has-it' }
        )
        $results = $rows | New-GptImage @script:Connection -NoCache -OutputDirectory $out -FileName '{Nope}' -ErrorVariable nameErrors -ErrorAction SilentlyContinue
        ($results | Where-Object Status -EQ 'Succeeded').Path | Split-Path -Leaf | Should -Be 'has-it.png'
        $nameErrors.Count | Should -Be 1
        $nameErrors[0].FullyQualifiedErrorId | Should -BeLike 'GptImage.TemplateColumnMissing*'
        $nameErrors[0].Exception.Message | Should -Match 'Row 1'
        $nameErrors[0].Exception.Message | Should -Match 'Nope'
        (Get-EmulatorCounters $script:Emulator).generations | Should -Be 1
    }

    It 'a template with broken braces stops the run before the first request' {
        { [pscustomobject]@{ Prompt = 'a teapot' } | New-GptImage @script:Connection -NoCache -OutputDirectory (Join-Path $TestDrive 'braces') -FileName '{Sku' -ErrorAction Stop } |
            Should -Throw -ErrorId 'GptImage.InvalidTemplate*'
        (Get-EmulatorCounters $script:Emulator).total | Should -Be 0
    }
}

Describe 'The manifest is a ledger a script can trust' {
    BeforeEach { Reset-EmulatorCounters $script:Emulator }

    It 'has one row per input row and image with its final status, Source.<Column> for every column, no totals row, and a rerun replaces it' {
        $destination = Join-Path $TestDrive 'ledger'
        $manifest = Join-Path $destination 'manifest.csv'
        $rows = @(
            [pscustomobject]@{ Sku = 'A'; Prompt = 'a green teapot'; Quality = 'low' }
            [pscustomobject]@{ Sku = 'B'; Prompt = 'a blue teapot'; Quality = 'ultra' }
            [pscustomobject]@{ Sku = 'C'; Prompt = 'a forbidden teapot'; Quality = 'low' }
            [pscustomobject]@{ Sku = 'D'; Prompt = 'two red teapots'; Quality = 'low'; Count = '2' }
        )
        foreach ($run in 1, 2) {
            $exported = $rows | New-GptImage @script:Connection -NoCache -ErrorAction SilentlyContinue |
                Export-GptImageBatch -DestinationPath $destination -FileName '{Sku}-{Index}' -ManifestPath $manifest -Force -PassThru
        }

        $ledger = Import-Csv -LiteralPath $manifest
        $ledger.Count | Should -Be 5
        ($ledger | ForEach-Object { "$($_.RowNumber)/$($_.Index)/$($_.Status)" }) | Should -Be @('1/0/Succeeded', '2/0/Failed', '3/0/Failed', '4/0/Succeeded', '4/1/Succeeded')
        ($ledger | Where-Object RowNumber -EQ 2).ErrorId | Should -Be 'GptImage.InvalidQuality'
        ($ledger | Where-Object RowNumber -EQ 3).ErrorId | Should -Be 'GptImage.ModerationBlocked'
        $ledger.'Source.Sku' | Should -Be @('A', 'B', 'C', 'D', 'D')
        $ledger.'Source.Prompt'[0] | Should -Be 'a green teapot'
        $ledger.Status | Should -Not -Contain 'Total'

        $paid = [decimal]0
        foreach ($result in $exported) { if ($result.CostUsd) { $paid += $result.CostUsd } }
        $paid | Should -BeGreaterThan 0
        [decimal](Import-Csv -LiteralPath $manifest | Measure-Object CostUsd -Sum).Sum | Should -Be $paid

        $summary = Get-Content -Raw -LiteralPath (Join-Path $destination 'manifest.summary.json') | ConvertFrom-Json
        $summary.Rows | Should -Be 4
        $summary.Images | Should -Be 3
        $summary.Failed | Should -Be 2
        [decimal]$summary.CostUsd | Should -Be $paid
    }
}
