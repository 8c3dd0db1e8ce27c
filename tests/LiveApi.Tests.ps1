# Pester 5: a smoke test against the REAL OpenAI API. It spends money (one low-quality image, about 0.01 USD),
# so it is tagged LiveApi, which tools/run-pester.ps1 and ./build.ps1 -Task Test exclude by default.
# Run it on purpose:
#   $env:OPENAI_API_KEY = '<your key>'; $env:GPTIMAGE_LIVE = '1'
#   ./tools/run-pester.ps1 -ExcludeTag @()
BeforeDiscovery {
    $script:LiveEnabled = ($env:GPTIMAGE_LIVE -eq '1') -and -not [string]::IsNullOrWhiteSpace($env:OPENAI_API_KEY)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/TestEnvironment.ps1')
    Import-Module (Get-GptImageModulePath) -Force
}

AfterAll {
    Remove-Module GptImage.PowerShell -ErrorAction SilentlyContinue
}

Describe 'The real OpenAI image API' -Tag 'LiveApi' -Skip:(-not $script:LiveEnabled) {
    It 'generates one low-quality image and reports its actual cost' {
        $out = Join-Path $TestDrive 'live'
        $result = New-GptImage -Prompt 'A small red cube on a white table, flat lighting' -Quality low -Size 1024x1024 `
            -OutputDirectory $out -NoCache

        $result.Status | Should -Be 'Succeeded'
        $result.Format | Should -Be 'png'
        Test-Path -LiteralPath $result.Path | Should -BeTrue
        $result.Usage.OutputTokens | Should -BeGreaterThan 0
        $result.CostUsd | Should -BeGreaterThan 0
        $result.RequestId | Should -Not -BeNullOrEmpty
    }

    It 'refuses a size gpt-image-2 does not take before spending anything' {
        $errors = @()
        $result = New-GptImage -Prompt 'x' -Size 1000x1000 -OutputDirectory (Join-Path $TestDrive 'none') -ErrorVariable errors -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'GptImage.InvalidSize*'
    }
}
