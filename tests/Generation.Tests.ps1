# Pester 5: generation flows against the emulator (a child process on a free port). No real key, no network.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/TestEnvironment.ps1')
    $script:Emulator, $script:Connection = Enter-EmulatorSession
    $script:Products = Join-Path $PSScriptRoot '../examples/products.csv'
}

AfterAll {
    Disconnect-GptImage
    Exit-EmulatorSession $script:Emulator
}

Describe 'Import-Csv | New-GptImage | Export-GptImageBatch' {
    BeforeEach { Reset-EmulatorCounters $script:Emulator }

    It 'writes one file per CSV row, named from the row, and a manifest row per image' {
        $destination = Join-Path $TestDrive 'export'
        $manifest = Join-Path $destination 'manifest.csv'
        $rows = Import-Csv -LiteralPath $script:Products

        $written = $rows | New-GptImage @script:Connection -NoCache |
            Export-GptImageBatch -DestinationPath $destination -FileName '{Sku}-{Index}' -ManifestPath $manifest -PassThru

        $written.Count | Should -Be $rows.Count
        $written.Status | Sort-Object -Unique | Should -Be 'Succeeded'
        foreach ($row in $rows) {
            Test-Path -LiteralPath (Join-Path $destination "$($row.Sku)-0.png") | Should -BeTrue
        }
        $lines = Import-Csv -LiteralPath $manifest | Where-Object Status -EQ 'Succeeded'
        $lines.Count | Should -Be $rows.Count
        ($lines.'Source.Sku' | Sort-Object) | Should -Be ($rows.Sku | Sort-Object)
        (Get-EmulatorCounters $script:Emulator).generations | Should -Be $rows.Count
    }

    It 'takes Size and Quality per row from the CSV columns' {
        $results = Import-Csv -LiteralPath $script:Products | New-GptImage @script:Connection -NoCache
        $chair = $results | Where-Object { $_.SourceFields['Sku'] -eq 'CHAIR-7' }
        $chair.Size | Should -Be '1536x864'
        $chair.Quality | Should -Be 'medium'
    }

    It 'treats blank Count and Compression cells as not given (PowerShell would make them 0)' {
        $rows = @(
            [pscustomobject]@{ Sku = 'P'; Prompt = 'a png teapot'; OutputFormat = ''; Compression = ''; Count = '' }
            [pscustomobject]@{ Sku = 'J'; Prompt = 'a jpeg teapot'; OutputFormat = 'jpeg'; Compression = '70'; Count = '2' }
        )
        $results = $rows | New-GptImage @script:Connection -NoCache -ErrorVariable rowErrors -ErrorAction SilentlyContinue
        $rowErrors | Should -BeNullOrEmpty
        @($results | Where-Object { $_.SourceFields['Sku'] -eq 'P' }).Count | Should -Be 1
        @($results | Where-Object { $_.SourceFields['Sku'] -eq 'J' }).Count | Should -Be 2
    }

    It 'never overwrites an existing file without -Force' {
        $destination = Join-Path $TestDrive 'noclobber'
        # Two sizes, so the two images surely differ (the emulator's image depends on the size, not the prompt).
        $first = 'a red bicycle' | New-GptImage @script:Connection -Size 1024x1024 -NoCache
        $first | Export-GptImageBatch -DestinationPath $destination -FileName 'bike'
        $other = 'a blue bicycle' | New-GptImage @script:Connection -Size 1536x1024 -NoCache
        $other | Export-GptImageBatch -DestinationPath $destination -FileName 'bike' -ErrorVariable clobber -ErrorAction SilentlyContinue
        $clobber.Count | Should -Be 1
        $clobber[0].FullyQualifiedErrorId | Should -BeLike 'GptImage.FileExists*'
    }
}

Describe 'New-GptImage -Template' {
    BeforeEach { Reset-EmulatorCounters $script:Emulator }

    It 'fills the template from each row''s columns' {
        $results = Import-Csv -LiteralPath $script:Products |
            New-GptImage -Template 'Studio shot of {Product} on {Scene}' @script:Connection -NoCache
        $mug = $results | Where-Object { $_.SourceFields['Sku'] -eq 'MUG-001' }
        $mug.Prompt | Should -Be 'Studio shot of ceramic coffee mug on a sunlit kitchen counter'
    }

    It 'reports a missing column as a per-row error naming it, before any request' {
        $results = Import-Csv -LiteralPath $script:Products |
            New-GptImage -Template 'A {Colour} {Product}' @script:Connection -NoCache -ErrorVariable rowErrors -ErrorAction SilentlyContinue
        # Each row still has its result, Failed with the error's id, for a ledger downstream.
        $results.Status | Sort-Object -Unique | Should -Be 'Failed'
        $results.ErrorId | Sort-Object -Unique | Should -Be 'GptImage.TemplateColumnMissing'
        $rowErrors.Count | Should -Be 4
        $rowErrors[0].FullyQualifiedErrorId | Should -BeLike 'GptImage.TemplateColumnMissing*'
        $rowErrors[0].Exception.Message | Should -Match 'Colour'
        $rowErrors[0].TargetObject.Sku | Should -Be 'MUG-001'
        (Get-EmulatorCounters $script:Emulator).total | Should -Be 0
    }
}

Describe 'Per-row errors' {
    BeforeEach { Reset-EmulatorCounters $script:Emulator }

    It 'a bad row does not stop the batch' {
        $rows = @(
            [pscustomobject]@{ Sku = 'A'; Prompt = 'a green teapot'; Size = '1024x1024' }
            [pscustomobject]@{ Sku = 'B'; Prompt = 'a yellow teapot'; Size = '999x7' }
            [pscustomobject]@{ Sku = 'C'; Prompt = 'a forbidden teapot'; Size = '1024x1024' }
            [pscustomobject]@{ Sku = 'D'; Prompt = 'a purple teapot'; Size = '1024x1024' }
        )
        $results = $rows | New-GptImage @script:Connection -NoCache -ErrorVariable rowErrors -ErrorAction SilentlyContinue

        ($results | Where-Object Status -EQ 'Succeeded').SourceFields.Sku | Sort-Object | Should -Be @('A', 'D')
        ($results | Where-Object Status -EQ 'Failed').SourceFields.Sku | Sort-Object | Should -Be @('B', 'C')
        $invalid = $rowErrors | Where-Object { $_.FullyQualifiedErrorId -like 'GptImage.InvalidSize*' }
        $invalid.TargetObject.Sku | Should -Be 'B'
        $invalid.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $invalid.Exception.Message | Should -Match 'Row 2: column Size'
        $blocked = $rowErrors | Where-Object { $_.FullyQualifiedErrorId -like 'GptImage.ModerationBlocked*' }
        $blocked.TargetObject.Sku | Should -Be 'C'
        $blocked.CategoryInfo.Category | Should -Be 'PermissionDenied'
        # The invalid size never reached the server; the three others did.
        (Get-EmulatorCounters $script:Emulator).generations | Should -Be 3
    }

    It 'an empty wallet is QuotaExceeded at once, not retried like a rate limit' {
        Set-EmulatorOptions $script:Emulator @{ insufficientQuota = $true }
        try {
            $null = 'a grey teapot' | New-GptImage @script:Connection -NoCache -MaxRetries 3 -ErrorVariable quotaErrors -ErrorAction SilentlyContinue
            $seen = (Get-EmulatorCounters $script:Emulator).generations
        }
        finally {
            Reset-Emulator $script:Emulator
        }
        $quotaErrors[0].FullyQualifiedErrorId | Should -BeLike 'GptImage.QuotaExceeded*'
        $quotaErrors[0].CategoryInfo.Category | Should -Be 'QuotaExceeded'
        $quotaErrors[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        $seen | Should -Be 1
    }

    It 'a row without a Prompt, Description or Text column is an error, never its own text as a prompt' {
        $null = [pscustomobject]@{ Sku = 'X'; Colour = 'red' } |
            New-GptImage @script:Connection -NoCache -ErrorVariable rowErrors -ErrorAction SilentlyContinue
        $rowErrors[0].FullyQualifiedErrorId | Should -BeLike 'GptImage.InvalidPrompt*'
        (Get-EmulatorCounters $script:Emulator).total | Should -Be 0
    }
}

Describe '-WhatIf and Measure-GptImageCost' {
    BeforeEach { Reset-EmulatorCounters $script:Emulator }

    It '-WhatIf sends nothing and writes nothing' {
        $output = Join-Path $TestDrive 'whatif'
        $results = Import-Csv -LiteralPath $script:Products | New-GptImage @script:Connection -OutputDirectory $output -WhatIf
        $results | Should -BeNullOrEmpty
        Test-Path -LiteralPath $output | Should -BeFalse
        (Get-EmulatorCounters $script:Emulator).total | Should -Be 0
    }

    It '-WhatIf needs no API key' {
        { 'a quiet harbour' | New-GptImage -Endpoint $script:Emulator.BaseUrl -WhatIf -ErrorAction Stop } | Should -Not -Throw
        (Get-EmulatorCounters $script:Emulator).total | Should -Be 0
    }

    It 'Measure-GptImageCost estimates every row, and with -Summary the total, without any request' {
        $rows = Import-Csv -LiteralPath $script:Products | Measure-GptImageCost
        $total = Import-Csv -LiteralPath $script:Products | Measure-GptImageCost -Summary
        $rows | ForEach-Object { $_ | Should -BeOfType ([GptImage.Commands.GptImageCostEstimate]) }
        $total | Should -BeOfType ([GptImage.Commands.GptImageCostTotal])
        $rows.Count | Should -Be 4
        $total.Rows | Should -Be 4
        $total.EstimatedCostUsd | Should -BeGreaterThan 0
        # Summed in decimal, as the cmdlet sums (Measure-Object would sum in double).
        $sum = [decimal]0
        foreach ($row in $rows) { $sum += $row.EstimatedCostUsd }
        $total.EstimatedCostUsd | Should -Be $sum
        $rows.EstimatedInputTokens | ForEach-Object { $_ | Should -BeGreaterThan 0 }
        $rows.Basis | ForEach-Object { $_ | Should -Not -Match 'input image' }   # generations upload no image
        (Get-EmulatorCounters $script:Emulator).total | Should -Be 0
    }
}

Describe 'Result cache' {
    BeforeEach { Reset-EmulatorCounters $script:Emulator }

    It 'a rerun of the same rows makes no request and yields cached results' {
        $output = Join-Path $TestDrive 'cached'
        $first = Import-Csv -LiteralPath $script:Products | New-GptImage @script:Connection -OutputDirectory $output -FileName '{Sku}'
        $first.Status | Sort-Object -Unique | Should -Be 'Succeeded'
        Reset-EmulatorCounters $script:Emulator

        $second = Import-Csv -LiteralPath $script:Products | New-GptImage @script:Connection -OutputDirectory $output -FileName '{Sku}'
        $second.Status | Sort-Object -Unique | Should -Be 'Cached'
        (Get-EmulatorCounters $script:Emulator).total | Should -Be 0
    }
}

Describe 'Connect-GptImage' {
    BeforeAll {
        $script:RightKey = 'sk-test-right-key-1234567890'
        $script:Locked = Start-TestEmulator -ArgumentList '--api-key', $script:RightKey
    }
    AfterAll {
        Disconnect-GptImage
        Stop-TestEmulator $script:Locked
    }

    It 'sets the endpoint and key for later cmdlets' {
        $connection = Connect-GptImage -Endpoint $script:Locked.BaseUrl -ApiKey (New-TestApiKey $script:RightKey)
        $connection.HasApiKey | Should -BeTrue
        ($connection | Format-List * | Out-String) | Should -Not -Match ([regex]::Escape($script:RightKey))
        $result = 'a paper boat' | New-GptImage -NoCache
        $result.Status | Should -Be 'Succeeded'
    }

    It 'a wrong key is an AuthenticationError that never shows the key' {
        $wrong = 'sk-test-wrong-key-0987654321'
        Connect-GptImage -Endpoint $script:Locked.BaseUrl -ApiKey (New-TestApiKey $wrong) | Out-Null
        $everything = 'a paper plane' | New-GptImage -NoCache -MaxRetries 0 -Verbose -ErrorVariable authErrors -ErrorAction SilentlyContinue 4>&1 | Out-String
        $authErrors[0].FullyQualifiedErrorId | Should -BeLike 'GptImage.Unauthorized*'
        $authErrors[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        $everything + ($authErrors | Out-String) | Should -Not -Match ([regex]::Escape($wrong))
    }

    It 'a plain-text -ApiKey is refused by a binding error that never shows the key' {
        $plain = 'sk-test-plain-text-key-5555555555'
        foreach ($command in { Connect-GptImage -ApiKey $plain }, { 'a paper cup' | New-GptImage -ApiKey $plain -WhatIf }) {
            $caught = $null
            try { & $command | Out-Null } catch { $caught = $_ }
            $caught | Should -Not -BeNullOrEmpty
            $caught.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentTransformationError*'
            ($caught | Out-String) + $caught.Exception.ToString() | Should -Not -Match ([regex]::Escape($plain))
        }
    }

    It 'with -AzureDeployment and -AzureApiVersion, later cmdlets use the Azure deployment route and its api-key header' {
        Reset-EmulatorCounters $script:Emulator
        Connect-GptImage -Endpoint $script:Emulator.Root -ApiKey (New-TestApiKey) -AzureDeployment 'images-prod' -AzureApiVersion '2025-04-01-preview' | Out-Null
        try { $result = 'a paper lantern' | New-GptImage -NoCache }
        finally { Disconnect-GptImage }
        $result.Status | Should -Be 'Succeeded'
        $sent = (Get-EmulatorCounters $script:Emulator).requests
        @($sent).Count | Should -Be 1
        $sent[0].path | Should -BeLike '*/openai/deployments/images-prod/images/generations*'
        $sent[0].auth | Should -Be 'ApiKeyHeader'
    }

    It 'an unusable endpoint is a terminating error naming -Endpoint, before any request' {
        Reset-EmulatorCounters $script:Locked
        { 'a paper kite' | New-GptImage -Endpoint 'ftp://127.0.0.1/v1' -ApiKey (New-TestApiKey $script:RightKey) -NoCache -ErrorAction Stop } |
            Should -Throw -ErrorId 'GptImage.InvalidEndpoint*'
        (Get-EmulatorCounters $script:Locked).total | Should -Be 0
    }

    It 'after Disconnect-GptImage and with no key anywhere, nothing can proceed: a terminating error' {
        Disconnect-GptImage
        { 'a paper crane' | New-GptImage -Endpoint $script:Locked.BaseUrl -NoCache -ErrorAction Stop } |
            Should -Throw -ErrorId 'GptImage.MissingApiKey*'
    }
}
