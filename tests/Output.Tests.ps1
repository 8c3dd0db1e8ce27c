# Pester 5: what a person reads (the default views at 80 and 120 columns, Format-List) and what a script consumes
# (Export-Csv and ConvertTo-Json) of every object the module writes, against the emulator.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/TestEnvironment.ps1')
    $script:Emulator, $script:Connection = Enter-EmulatorSession
    $script:Products = Join-Path $PSScriptRoot '../examples/products.csv'

    # One run of each kind, shared by the tests below.
    $script:Out = Join-Path $TestDrive 'out'
    $script:Results = Import-Csv -LiteralPath $script:Products |
        New-GptImage @script:Connection -Quality low -OutputDirectory $script:Out -NoCache | Sort-Object RowNumber
    $script:Estimates = Import-Csv -LiteralPath $script:Products | Measure-GptImageCost -Model gpt-image-1-mini -Size 1024x1024 -WarningAction SilentlyContinue
    $script:CostTotal = Import-Csv -LiteralPath $script:Products | Measure-GptImageCost -Model gpt-image-1-mini -Size 1024x1024 -Summary -WarningAction SilentlyContinue
    $script:Edit = Edit-GptImage @script:Connection -Path (Join-Path $script:Out '*.png') -Prompt 'add snow' -Quality low -OutputDirectory (Join-Path $TestDrive 'edited') -NoCache
    $script:Mask = ConvertTo-GptImageMask -Path $script:Results[0].Path -Rectangle '0,0,100,100' -DestinationPath (Join-Path $TestDrive 'm.mask.png')
    $script:MaskReport = Test-GptImageMask -MaskPath $script:Mask.FullName -ImagePath $script:Results[1].Path -Detailed
    $script:Job = Import-Csv -LiteralPath $script:Products | Submit-GptImageBatchJob @script:Connection -StatePath (Join-Path $TestDrive 'state')
    $script:Connected = Connect-GptImage -Endpoint $script:Emulator.BaseUrl -ApiKey (New-TestApiKey) -Organization 'org-123'
    Disconnect-GptImage

    function Show {
        <# What a console of the given width shows for these objects: the default view, as a person reads it. #>
        param([Parameter(Mandatory)] [int] $Width, [Parameter(ValueFromPipeline)] $InputObject, [switch] $List)
        begin { $all = [System.Collections.Generic.List[object]]::new() }
        process { $all.Add($InputObject) }
        end {
            if ($List) { $all | Format-List | Out-String -Width $Width } else { $all | Out-String -Width $Width }
        }
    }

    # The forms a cell takes when PowerShell wrote a type's name instead of its value.
    $script:TypeNameCell = '^System\.|GptImage\.(ImageUsage|MaskProblem|MaskRectangle|FieldSet|ReadableList)|`\d|\[\]$|^@\{'
}

AfterAll {
    Exit-EmulatorSession $script:Emulator
}

Describe 'Default views at 80 and 120 columns' {
    It 'a result table shows each written file name, size, quality and cost whole at <_> columns' -ForEach 80, 120 {
        $width = $_
        $text = $script:Results | Show -Width $width
        foreach ($result in $script:Results) {
            $text | Should -Match ([regex]::Escape((Split-Path -Leaf $result.Path)))
            $text | Should -Match ([regex]::Escape($result.Size))
            $text | Should -Match ('{0:0.0000}' -f $result.CostUsd)
        }
        $text | Should -Not -Match '…'
        ($text -split '\r?\n' | Where-Object { $_.Length -gt $width }) | Should -BeNullOrEmpty
    }

    It 'a failed row shows its error id whole at 80 columns' {
        $failed = [GptImage.Orchestration.GptImageResult]::new()
        $failed.Status = 'Failed'; $failed.RowNumber = 12345; $failed.ErrorId = 'GptImage.TemplateColumnMissing'
        $failed.ErrorMessage = "-Template names the column 'Colour', which row 12345 does not have."
        $text = $failed | Show -Width 80
        $text | Should -Match 'GptImage\.TemplateColumnMissing'
        $text | Should -Match '12345'
        $text | Should -Not -Match '…'
    }

    It 'a cost estimate table shows model and cost whole at <_> columns' -ForEach 80, 120 {
        $rows = $script:Estimates | Where-Object { $_ -is [GptImage.Commands.GptImageCostEstimate] }
        $text = $rows | Show -Width $_
        $text | Should -Match 'gpt-image-1-mini'
        foreach ($row in $rows) { $text | Should -Match ('{0:0.0000}' -f $row.EstimatedCostUsd) }
    }

    It 'a batch job table shows the whole id and every header at <_> columns' -ForEach 80, 120 {
        $text = $script:Job | Show -Width $_
        $text | Should -Match ([regex]::Escape($script:Job.Id))
        foreach ($header in 'Id', 'Status', 'Done', 'Failed', 'EstUsd') { $text | Should -Match "(^|\s)$header(\s|$)" }
        $text | Should -Match ('{0:0.0000}' -f $script:Job.EstimatedCostUsd)
        $text | Should -Not -Match '…'
    }

    It 'Format-List shows usage as token numbers and the row''s columns as text' {
        $text = $script:Results[0] | Show -Width 120 -List
        $usage = $script:Results[0].Usage
        $text | Should -Match ("Usage\s+: {0} input \+ {1} output = {2} tokens" -f $usage.InputTokens, $usage.OutputTokens, $usage.TotalTokens)
        $text | Should -Not -Match 'GptImage\.ImageUsage'
        $text | Should -Match 'SourceFields\s+: Sku=MUG-001; Product=ceramic coffee mug'
    }

    It 'an Edit-GptImage -Path result''s SourceFields are its input files, not an array''s properties' {
        $inputs = $script:Results.Path | Sort-Object
        ($script:Edit.SourceFields.Path -split '; ' | Sort-Object) | Should -Be $inputs
        $script:Edit.SourceFields.Keys | Should -Be @('Path')
        $text = $script:Edit | Show -Width 200 -List
        $text | Should -Match ([regex]::Escape((Split-Path -Leaf $inputs[0])))
        $text | Should -Not -Match 'LongLength|SyncRoot'
    }

    It 'the cost total says where prices come from without a repository path, and its review date once' {
        $total = $script:CostTotal
        $total.PriceSource | Should -Match 'https://openai\.com/api/pricing'
        $total.PriceSource | Should -Not -Match '\.md\b|shared/|reference/'
        [regex]::Matches($total.PriceSource, '\d{4}-\d{2}-\d{2}').Count | Should -Be 1
        $total.PriceSource | Should -Match 'reviewed \d{4}-\d{2}-\d{2}'
    }
}

Describe 'Export-Csv and ConvertTo-Json of every output type' {
    BeforeDiscovery {
        $script:Kinds = @(
            @{ Name = 'GptImageResult (New-GptImage)'; Get = { $script:Results } }
            @{ Name = 'GptImageResult (Edit-GptImage -Path)'; Get = { $script:Edit } }
            @{ Name = 'GptImageCostEstimate'; Get = { $script:Estimates | Where-Object { $_ -is [GptImage.Commands.GptImageCostEstimate] } } }
            @{ Name = 'GptImageCostTotal'; Get = { $script:CostTotal } }
            @{ Name = 'GptImageConnection'; Get = { $script:Connected } }
            @{ Name = 'MaskReport'; Get = { $script:MaskReport } }
            @{ Name = 'GptImageBatchJob'; Get = { $script:Job } }
        )
    }

    It '<Name>: every Export-Csv cell is a value, not a type name' -ForEach $script:Kinds {
        $objects = @(& $Get)
        $objects.Count | Should -BeGreaterThan 0
        $csv = Join-Path $TestDrive 'out.csv'
        $objects | Export-Csv -LiteralPath $csv
        $rows = Import-Csv -LiteralPath $csv
        foreach ($row in $rows) {
            foreach ($cell in $row.PSObject.Properties) {
                "$($cell.Name)=$($cell.Value)" | Should -Not -Match ('=(' + $script:TypeNameCell + ')')
            }
        }
    }

    It '<Name>: ConvertTo-Json is complete at its default depth and small' -ForEach $script:Kinds {
        $objects = @(& $Get)
        $json = $objects | ConvertTo-Json -WarningVariable warned -WarningAction SilentlyContinue
        $warned | Should -BeNullOrEmpty
        $json.Length | Should -BeLessThan (4000 * $objects.Count)
        $null = $json | ConvertFrom-Json
    }

    It 'a result''s CSV has token columns a script can sum, and the row''s columns in one readable cell' {
        $csv = Join-Path $TestDrive 'results.csv'
        $script:Results | Export-Csv -LiteralPath $csv
        $rows = Import-Csv -LiteralPath $csv
        ($rows | Measure-Object -Property OutputTokens -Sum).Sum | Should -Be ($script:Results.Usage.OutputTokens | Measure-Object -Sum).Sum
        $rows[0].InputTokens | Should -Be $script:Results[0].Usage.InputTokens
        $rows[0].Usage | Should -Match '^\d+ input \+ \d+ output = \d+ tokens$'
        $rows[0].SourceFields | Should -BeLike 'Sku=MUG-001; Product=ceramic coffee mug; *'
        $rows[0].PSObject.Properties.Name | Should -Not -Contain 'Source'
    }

    It 'a result from Get-ChildItem | Edit-GptImage converts to JSON without the whole FileInfo' {
        # -Size typed: on Linux and macOS a FileInfo's own Size property would bind to it by name.
        $edited = Get-Item -LiteralPath $script:Results[0].Path |
            Edit-GptImage @script:Connection -Prompt 'add rain' -Size 1024x1024 -Quality low -OutputDirectory (Join-Path $TestDrive 'rain') -NoCache
        $json = $edited | ConvertTo-Json -WarningVariable warned -WarningAction SilentlyContinue
        $warned | Should -BeNullOrEmpty
        $parsed = $json | ConvertFrom-Json
        $parsed.SourceFields.FullName | Should -Be $script:Results[0].Path
        $parsed.Usage.OutputTokens | Should -BeGreaterThan 0
    }

    It 'a mask report''s problems are one readable cell in CSV and objects in JSON' {
        $row = $script:MaskReport | ConvertTo-Csv | ConvertFrom-Csv
        $row.Problems | Should -Match '^GptImage\.Mask\.SizeMismatch: '
        ($script:MaskReport | ConvertTo-Json | ConvertFrom-Json).Problems[0].Id | Should -Be 'GptImage.Mask.SizeMismatch'
    }

    It 'a cost estimate of an edit lists its input images in one cell' {
        $estimate = Measure-GptImageCost -Path (Join-Path $script:Out '*.png') -Prompt 'add snow'
        $row = $estimate | Where-Object { $_ -is [GptImage.Commands.GptImageCostEstimate] } | ConvertTo-Csv | ConvertFrom-Csv
        ($row.InputImages -split '; ').Count | Should -Be $script:Results.Count
    }
}
