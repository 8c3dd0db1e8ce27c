# Pester 5: -AdditionalBody / -AdditionalHeader and access-token (Microsoft Entra ID) authentication, against the emulator.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/TestEnvironment.ps1')

    $script:Emulator, $script:Connection = Enter-EmulatorSession
    # A second emulator that accepts only one bearer token, for the renewal after a 401.
    $script:Strict = Start-TestEmulator -ArgumentList '--api-key', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJnb29kIn0.good-signature'
    $script:Examples = Join-Path $PSScriptRoot '../examples'
}

AfterAll {
    Stop-TestEmulator $script:Strict
    Disconnect-GptImage
    Exit-EmulatorSession $script:Emulator
}

Describe '-AdditionalBody and -AdditionalHeader' {
    BeforeEach { Reset-EmulatorCounters $script:Emulator }

    It 'sends the extra body fields and headers on the wire' {
        $body = @{ seed = 42; route = @{ region = 'eu'; tags = @('a', 'b') }; draft = $true }
        $null = 'a paper boat' | New-GptImage @script:Connection -NoCache -AdditionalBody $body -AdditionalHeader @{ 'X-Gateway-Route' = 'eu-1' }
        $sent = (Get-EmulatorCounters $script:Emulator).requests[0]
        $json = $sent.jsonBody | ConvertFrom-Json
        $json.seed | Should -Be 42
        $json.route.region | Should -Be 'eu'
        $json.route.tags | Should -Be @('a', 'b')
        $json.draft | Should -BeTrue
        $json.prompt | Should -Be 'a paper boat'
        $sent.headers.'X-Gateway-Route' | Should -Be 'eu-1'
    }

    It 'sends scalar extras as form fields of an edit' {
        $image = Join-Path $TestDrive 'square.png'
        $null = 'a square' | New-GptImage @script:Connection -NoCache -Size 1024x1024 -OutputDirectory $TestDrive -FileName 'square'
        Reset-EmulatorCounters $script:Emulator
        $null = Edit-GptImage -Path $image -Prompt 'add a hat' @script:Connection -NoCache -AdditionalBody @{ seed = 7 }
        (Get-EmulatorCounters $script:Emulator).requests[0].fields | Should -Contain 'seed'
    }

    It 'refuses to override <Key> before anything is sent' -ForEach @(
        @{ Key = 'model' }, @{ Key = 'prompt' }, @{ Key = 'Size' }, @{ Key = 'negative_prompt' }
    ) {
        { 'a cup' | New-GptImage @script:Connection -NoCache -AdditionalBody @{ $Key = 'x' } -ErrorAction Stop } |
            Should -Throw -ErrorId 'GptImage.InvalidAdditionalBody*'
        (Get-EmulatorCounters $script:Emulator).total | Should -Be 0
    }

    It 'refuses the <Name> header before anything is sent' -ForEach @(
        @{ Name = 'Authorization' }, @{ Name = 'api-key' }, @{ Name = 'AUTHORIZATION' }, @{ Name = 'Content-Type' }, @{ Name = 'OpenAI-Project' }
    ) {
        { 'a cup' | New-GptImage @script:Connection -NoCache -AdditionalHeader @{ $Name = 'x' } -ErrorAction Stop } |
            Should -Throw -ErrorId 'GptImage.InvalidAdditionalHeader*'
        (Get-EmulatorCounters $script:Emulator).total | Should -Be 0
    }

    It '-WhatIf shows the extras, with secret-looking and SecureString header values masked' {
        $transcript = Join-Path $TestDrive 'extras.txt'
        $secret = ConvertTo-SecureString 'hidden-value-123' -AsPlainText -Force
        $null = Start-Transcript -LiteralPath $transcript
        try {
            'a cup' | New-GptImage @script:Connection -WhatIf -AdditionalBody @{ seed = 42 } `
                -AdditionalHeader @{ 'X-Route' = 'eu-1'; 'X-Gateway-Key' = 'gw-secret-999'; 'X-Tenant' = $secret }
        }
        finally { $null = Stop-Transcript }
        $text = Get-Content -LiteralPath $transcript -Raw
        $text | Should -Match ([regex]::Escape('body+={"seed":42}'))
        $text | Should -Match 'X-Route=eu-1'
        $text | Should -Match ([regex]::Escape('X-Gateway-Key=***'))
        $text | Should -Match ([regex]::Escape('X-Tenant=***'))
        $text | Should -Not -Match 'gw-secret-999'
        $text | Should -Not -Match 'hidden-value-123'
        (Get-EmulatorCounters $script:Emulator).total | Should -Be 0
    }

    It 'gives extras their own cache entry: the same row with other extras is a new request' {
        $cache = Join-Path $TestDrive 'cache-extras'
        $null = 'a lamp' | New-GptImage @script:Connection -CacheDirectory $cache -AdditionalBody @{ seed = 1 }
        $again = 'a lamp' | New-GptImage @script:Connection -CacheDirectory $cache -AdditionalBody @{ seed = 1 }
        $other = 'a lamp' | New-GptImage @script:Connection -CacheDirectory $cache -AdditionalBody @{ seed = 2 }
        $again.FromCache | Should -BeTrue
        $other.FromCache | Should -BeFalse
        (Get-EmulatorCounters $script:Emulator).generations | Should -Be 2
    }
}

Describe 'Connect-GptImage -AccessToken / -AccessTokenScript (Microsoft Entra ID)' {
    AfterEach { Disconnect-GptImage }

    It 'sends a SecureString token as a bearer token and never shows it' {
        Reset-EmulatorCounters $script:Strict
        $token = ConvertTo-SecureString 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJnb29kIn0.good-signature' -AsPlainText -Force
        $connection = Connect-GptImage -Endpoint $script:Strict.BaseUrl -AccessToken $token
        $connection.HasAccessToken | Should -BeTrue
        $connection.HasApiKey | Should -BeFalse
        $all = 'a teapot' | New-GptImage -NoCache -Verbose -Debug *>&1 | Out-String
        ($all + ($connection | Format-List | Out-String) + ($connection | ConvertTo-Json)) | Should -Not -Match 'good-signature'
        $sent = (Get-EmulatorCounters $script:Strict).requests
        $sent.Count | Should -Be 1
        $sent[0].status | Should -Be 200
        $sent[0].auth | Should -Be 'Bearer'
    }

    It 'asks the script block again when the token nears expiry, the renewal in a runspace of its own' {
        Reset-EmulatorCounters $script:Emulator
        $count = Join-Path $TestDrive 'token-count.txt'
        # The renewal runs without this session's variables, so the path is written into the script's text.
        $script = [scriptblock]::Create("
            `$n = 1 + [int](Get-Content -LiteralPath '$count' -ErrorAction SilentlyContinue)
            Set-Content -LiteralPath '$count' -Value `$n
            [pscustomobject]@{ Token = (ConvertTo-SecureString ""token-number-`$n"" -AsPlainText -Force); ExpiresOn = [DateTimeOffset]::UtcNow.AddMinutes(1) }")
        $null = Connect-GptImage -Endpoint $script:Emulator.BaseUrl -AccessTokenScript $script
        $results = 'a fox', 'an owl', 'a hare' | New-GptImage -NoCache -ThrottleLimit 1
        $results.Status | Should -Be @('Succeeded', 'Succeeded', 'Succeeded')
        # Once on the pipeline thread, then before each later request (every token expires within the five-minute margin).
        [int](Get-Content -LiteralPath $count) | Should -Be 3
        (Get-EmulatorCounters $script:Emulator).requests.auth | Sort-Object -Unique | Should -Be 'Bearer'
    }

    It 'asks for a new token after a 401 and tries once more' {
        Reset-EmulatorCounters $script:Strict
        $marker = Join-Path $TestDrive 'first-done.txt'
        $script = [scriptblock]::Create("
            if (Test-Path -LiteralPath '$marker') { 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJnb29kIn0.good-signature' }
            else { Set-Content -LiteralPath '$marker' -Value 1; 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJvbGQifQ.revoked-signature' }")
        $null = Connect-GptImage -Endpoint $script:Strict.BaseUrl -AccessTokenScript $script
        $result = 'a kettle' | New-GptImage -NoCache -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Should -BeNullOrEmpty
        $result.Status | Should -Be 'Succeeded'
        (Get-EmulatorCounters $script:Strict).requests.status | Should -Be @(401, 200)
    }

    It 'names -AccessTokenScript when the script returns nothing usable, before any request' {
        Reset-EmulatorCounters $script:Emulator
        $null = Connect-GptImage -Endpoint $script:Emulator.BaseUrl -AccessTokenScript { $null }
        { 'a cup' | New-GptImage -NoCache -ErrorAction Stop } | Should -Throw '*AccessTokenScript*'
        (Get-EmulatorCounters $script:Emulator).total | Should -Be 0
    }

    It 'lets a typed -ApiKey win over the session token, and then sends no token' {
        Reset-EmulatorCounters $script:Strict
        $null = Connect-GptImage -Endpoint $script:Strict.BaseUrl -AccessToken (ConvertTo-SecureString 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJnb29kIn0.good-signature' -AsPlainText -Force)
        $null = 'a cup' | New-GptImage -NoCache -ApiKey (New-TestApiKey) -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'GptImage.Unauthorized*'
        "$($failed[0])" | Should -Not -Match 'sk-test-pester'
    }
}
