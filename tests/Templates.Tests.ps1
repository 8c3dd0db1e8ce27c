# Pester 5: the prompt template library (Get-GptImageTemplate, -Template by name) against the emulator. No real key, no network.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/TestEnvironment.ps1')
    # The per-user template folder of the machine running the tests must not leak in: point it at an empty folder.
    $script:SavedTemplates = $env:GPTIMAGE_TEMPLATE_PATH
    $env:GPTIMAGE_TEMPLATE_PATH = (New-Item -ItemType Directory -Path (Join-Path $TestDrive 'user-templates')).FullName

    $script:Emulator, $script:Connection = Enter-EmulatorSession
    $script:Products = Join-Path $PSScriptRoot '../examples/products.csv'
    $script:Examples = Join-Path $PSScriptRoot '../examples/templates'
}

AfterAll {
    $env:GPTIMAGE_TEMPLATE_PATH = $script:SavedTemplates
    Exit-EmulatorSession $script:Emulator
}

Describe 'Get-GptImageTemplate' {
    It 'lists the built-in templates with description, placeholders and defaults' {
        $templates = Get-GptImageTemplate
        $templates.Name | Should -Be @('product-shot', 'lifestyle-scene', 'ui-mockup', 'game-character', 'game-environment', 'game-prop', 'poster', 'social-post', 'banner')
        $shot = $templates | Where-Object Name -EQ 'product-shot'
        $shot.Description | Should -Not -BeNullOrEmpty
        ($shot.Placeholders | Where-Object IsRequired).Name | Should -Be 'Product'
        ($shot.Placeholders | Where-Object Name -EQ 'Background').Default | Should -Be 'a seamless pure white background'
        $shot.Defaults.Quality | Should -Be 'high'
        $shot.Source | Should -Be 'built-in'
    }

    It 'its default table shows every name, the required placeholders and the description at <_> columns' -ForEach 80, 120 {
        $width = $_
        $text = Get-GptImageTemplate | Out-String -Width $width
        foreach ($header in 'Name', 'Required', 'Description') { $text | Should -Match "(^|\s)$header(\s|$)" }
        foreach ($template in Get-GptImageTemplate) {
            $text | Should -Match ('(?m)^' + [regex]::Escape($template.Name) + '\s')
            $required = ($template.Placeholders | Where-Object IsRequired | ForEach-Object Name) -join ', '
            $text | Should -Match ([regex]::Escape($required))
        }
        ($text -split '\r?\n' | Where-Object { $_.Length -gt $width }) | Should -BeNullOrEmpty
    }

    It 'takes names with wildcards, and an unknown name is an error listing the known ones' {
        (Get-GptImageTemplate -Name 'game-*').Name | Should -Be @('game-character', 'game-environment', 'game-prop')
        $null = Get-GptImageTemplate -Name 'no-such' -ErrorVariable notFound -ErrorAction SilentlyContinue
        $notFound[0].FullyQualifiedErrorId | Should -BeLike 'GptImage.TemplateNotFound*'
        $notFound[0].Exception.Message | Should -Match 'product-shot'
    }

    It 'completes template names, from a typed -TemplatePath too' {
        $line = "Get-GptImageTemplate -TemplatePath '$script:Examples' -Name ho"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be 'house-product'
        $line = "New-GptImage -Template game-"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('game-character', 'game-environment', 'game-prop')
    }

    It 'completes from a relative -TemplatePath in PowerShell''s current folder, which the process''s own does not follow' {
        Push-Location -LiteralPath (Split-Path -Parent $script:Examples)
        try {
            [Environment]::CurrentDirectory | Should -Not -Be (Get-Location).ProviderPath
            $line = "New-GptImage -TemplatePath ./templates -Template ho"
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be 'house-product'
        }
        finally { Pop-Location }
    }

    It 'reads .psd1 and .json files from -TemplatePath and the default folder, and names the file and field of a broken one' {
        $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'mine')
        Copy-Item (Join-Path $script:Examples 'house-product.psd1') $folder
        Set-Content -LiteralPath (Join-Path $folder 'typo.psd1') -Value "@{ Description = 'd'; Subject = 's'; Lightning = 'x' }"
        Set-Content -LiteralPath (Join-Path $env:GPTIMAGE_TEMPLATE_PATH 'team.json') -Value '{ "Description": "team", "Subject": "A {Thing}", "Placeholders": { "Thing": "what" } }'
        try {
            $listed = Get-GptImageTemplate -TemplatePath $folder -ErrorVariable broken -ErrorAction SilentlyContinue
        }
        finally {
            Remove-Item -LiteralPath (Join-Path $env:GPTIMAGE_TEMPLATE_PATH 'team.json')
        }
        $listed.Name | Should -Contain 'house-product'
        $listed.Name | Should -Contain 'team'
        $listed.Name | Should -Contain 'product-shot'
        $broken.Count | Should -Be 1
        $broken[0].FullyQualifiedErrorId | Should -BeLike 'GptImage.InvalidTemplateFile*'
        $broken[0].Exception.Message | Should -Match ([regex]::Escape((Join-Path $folder 'typo.psd1')))
        $broken[0].Exception.Message | Should -Match "field 'Lightning'"
    }

    It 'refuses a .psd1 that would run code' {
        $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'code')
        Set-Content -LiteralPath (Join-Path $folder 'evil.psd1') -Value "@{ Description = (Get-Date); Subject = 's' }"
        $null = Get-GptImageTemplate -TemplatePath $folder -ErrorVariable broken -ErrorAction SilentlyContinue
        $broken[0].Exception.Message | Should -Match 'constant'
    }
}

Describe 'New-GptImage -Template <name>' {
    BeforeEach { Reset-EmulatorCounters $script:Emulator }

    It 'fills a built-in template from each row, sends its negative part inside the prompt and never a negative_prompt field' {
        $rows = @([pscustomobject]@{ Sku = 'MUG'; Product = 'a blue enamel mug' })
        $result = $rows | New-GptImage -Template product-shot @script:Connection -NoCache
        $result.Status | Should -Be 'Succeeded'
        $sent = (Get-EmulatorCounters $script:Emulator).requests[0]
        $sent.prompt | Should -BeLike 'A professional e-commerce photograph of a blue enamel mug,*'
        $sent.prompt | Should -Match 'Avoid: added text'
        $sent.fields | Should -Not -Contain 'negative_prompt'
        $sent.jsonBody | Should -Not -Match 'negative'
        # The template's defaults where the row gave none.
        $body = $sent.jsonBody | ConvertFrom-Json
        $body.quality | Should -Be 'high'
        $body.size | Should -Be '1024x1024'
        $body.background | Should -Be 'opaque'
    }

    It 'lets row columns and typed parameters override the template defaults' {
        $null = Import-Csv -LiteralPath $script:Products | Select-Object -First 1 | New-GptImage -Template product-shot @script:Connection -NoCache
        $null = [pscustomobject]@{ Product = 'a lamp' } | New-GptImage -Template product-shot -Quality low @script:Connection -NoCache
        $sent = (Get-EmulatorCounters $script:Emulator).requests
        ($sent[0].jsonBody | ConvertFrom-Json).quality | Should -Be 'low'        # products.csv has Quality=low
        ($sent[0].jsonBody | ConvertFrom-Json).size | Should -Be '1024x1024'
        ($sent[1].jsonBody | ConvertFrom-Json).quality | Should -Be 'low'        # typed -Quality
    }

    It 'makes a row without a required placeholder that row''s error before anything is sent' {
        $rows = @(
            [pscustomobject]@{ Sku = 'A'; Product = 'tea'; Headline = 'Tea time'; Tagline = 'Now open' }
            [pscustomobject]@{ Sku = 'B'; Product = 'coffee'; Tagline = 'Now open' }
        )
        $results = $rows | New-GptImage -Template poster @script:Connection -NoCache -ErrorVariable rowErrors -ErrorAction SilentlyContinue
        ($results | Where-Object Status -EQ 'Succeeded').SourceFields.Sku | Should -Be 'A'
        ($results | Where-Object Status -EQ 'Failed').ErrorId | Should -Be 'GptImage.TemplateColumnMissing'
        $rowErrors.Count | Should -Be 1
        $rowErrors[0].FullyQualifiedErrorId | Should -BeLike 'GptImage.TemplateColumnMissing*'
        $rowErrors[0].TargetObject.Sku | Should -Be 'B'
        $rowErrors[0].Exception.Message | Should -Match '\{Headline\}'
        (Get-EmulatorCounters $script:Emulator).generations | Should -Be 1
        (Get-EmulatorCounters $script:Emulator).requests[0].prompt | Should -Match '"Tea time"'
    }

    It '-WhatIf shows the whole filled prompt and sends nothing' {
        # What-if text goes to the host, not to a stream: a transcript records it.
        $transcript = Join-Path $TestDrive 'whatif.txt'
        $null = Start-Transcript -LiteralPath $transcript
        try { [pscustomobject]@{ Product = 'a walnut chess set' } | New-GptImage -Template product-shot @script:Connection -WhatIf }
        finally { $null = Stop-Transcript }
        $text = (Get-Content -LiteralPath $transcript -Raw) -replace '\s+', ' '
        $text | Should -Match 'A professional e-commerce photograph of a walnut chess set'
        $text | Should -Match 'Avoid: added text, logos that are not on the product, watermarks, props, hands, people, distorted proportions\.'
        $text | Should -Match 'quality=high'
        (Get-EmulatorCounters $script:Emulator).total | Should -Be 0
    }

    It 'takes a user template by name from -TemplatePath (.psd1)' {
        $null = [pscustomobject]@{ Product = 'a linen napkin' } | New-GptImage -Template house-product -TemplatePath $script:Examples @script:Connection -NoCache
        $sent = (Get-EmulatorCounters $script:Emulator).requests[0]
        $sent.prompt | Should -BeLike 'A catalog photograph of a linen napkin*off-white wall*Avoid: text, logos, watermarks, people, clutter.'
    }

    It 'stops before the first row for an unknown name, and still takes literal templates' {
        { [pscustomobject]@{ Product = 'x' } | New-GptImage -Template prodcut-shot @script:Connection -NoCache -ErrorAction Stop } |
            Should -Throw -ErrorId 'GptImage.TemplateNotFound*'
        $null = [pscustomobject]@{ Product = 'a kite' } | New-GptImage -Template 'A {Product} in the sky' @script:Connection -NoCache
        $sent = (Get-EmulatorCounters $script:Emulator).requests
        $sent.Count | Should -Be 1
        $sent[0].prompt | Should -Be 'A a kite in the sky'
    }

    It 'works the same in Measure-GptImageCost and Submit-GptImageBatchJob -WhatIf' {
        $estimate = [pscustomobject]@{ Product = 'a mug' } | Measure-GptImageCost -Template product-shot
        ($estimate | Where-Object { $_ -is [GptImage.Commands.GptImageCostEstimate] }).Quality | Should -Be 'high'
        $null = [pscustomobject]@{ Sku = 'B' } | Measure-GptImageCost -Template poster -ErrorVariable rowErrors -ErrorAction SilentlyContinue
        $rowErrors[0].FullyQualifiedErrorId | Should -BeLike 'GptImage.TemplateColumnMissing*'
        { [pscustomobject]@{ Product = 'a mug' } | Submit-GptImageBatchJob -Template product-shot @script:Connection -WhatIf } | Should -Not -Throw
        (Get-EmulatorCounters $script:Emulator).total | Should -Be 0
    }
}
