# Pester 5: the key goes only to the endpoint's own origin, whatever a server answers with a redirect.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/TestEnvironment.ps1')
    $script:Emulator, $null = Enter-EmulatorSession
    # A second server on another port: whatever reaches it was carried away from the endpoint's origin.
    $script:Capture = Start-TestEmulator
}

AfterAll {
    Stop-TestEmulator $script:Capture
    Disconnect-GptImage
    Exit-EmulatorSession $script:Emulator
}

Describe 'Redirects never carry the key away' {
    BeforeEach {
        Reset-Emulator $script:Emulator
        Reset-Emulator $script:Capture
        Connect-GptImage -Endpoint $script:Emulator.Root -AzureDeployment 'gpt-image-2' -AzureApiVersion '2025-04-01-preview' -ApiKey (New-TestApiKey 'azure-key-pester-0123456789abcdef') | Out-Null
    }
    AfterEach { Disconnect-GptImage }

    It 'a redirect to another port is refused, and the server there receives nothing (Azure api-key header)' {
        Set-EmulatorOptions $script:Emulator @{ redirectTo = $script:Capture.Root }

        'a lighthouse' | New-GptImage -MaxRetries 0 -TimeoutSec 20 -ErrorVariable failures -ErrorAction SilentlyContinue | Out-Null

        (Get-EmulatorCounters $script:Capture).total | Should -Be 0
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'GptImage.UnsafeRedirect*'
        $failures[0].CategoryInfo.Category | Should -Be 'SecurityError'
        "$failures" | Should -Not -Match 'azure-key-pester'
    }

    It 'a redirect to plain http on another machine is refused at once, not followed' {
        # 192.0.2.1 (TEST-NET-1) never answers: a client that followed would wait for its timeout.
        Set-EmulatorOptions $script:Emulator @{ redirectTo = 'http://192.0.2.1/' }
        $clock = [System.Diagnostics.Stopwatch]::StartNew()

        'a lighthouse' | New-GptImage -MaxRetries 0 -TimeoutSec 5 -ErrorVariable failures -ErrorAction SilentlyContinue | Out-Null

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'GptImage.UnsafeRedirect*'
        "$failures" | Should -Match '192\.0\.2\.1'
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 4
    }
}
