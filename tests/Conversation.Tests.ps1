# Pester 5: multi-turn image conversations (New-GptImageConversation, Send-GptImageConversation) against the emulator's
# POST /v1/responses, checked through the emulator's record of what arrived.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/TestEnvironment.ps1')
    $script:Emulator, $null = Enter-EmulatorSession
    $script:KeyText = 'sk-test-conversation-' + ('0' * 24)
    $script:Examples = Join-Path $PSScriptRoot '../examples'
    # The conversations take their connection from the session, as a user's would.
    Connect-GptImage -Endpoint $script:Emulator.BaseUrl -ApiKey (New-TestApiKey $script:KeyText) | Out-Null
}

AfterAll {
    Disconnect-GptImage -ErrorAction SilentlyContinue
    Exit-EmulatorSession $script:Emulator
}

Describe 'A conversation of three turns' {
    BeforeAll {
        Reset-EmulatorCounters $script:Emulator
        $script:Out = Join-Path $TestDrive 'mug'
        $script:Chat = New-GptImageConversation -Quality low -Size 1024x1024 -OutputDirectory $script:Out
        $script:Results = @(
            Send-GptImageConversation -Conversation $script:Chat -Prompt 'Put this mug on a wooden table' -Path (Join-Path $script:Examples 'shots/mug.png')
            'Now make the background navy', 'Add a gold star on the mug' | Send-GptImageConversation -Conversation $script:Chat
        )
        $script:Sent = @((Get-EmulatorCounters $script:Emulator).requests)
    }

    It 'makes one result per turn, numbered, each with its response id and file' {
        $Results.Count | Should -Be 3
        $Results.TurnNumber | Should -Be @(1, 2, 3)
        $Results.Status | Should -Be @('Succeeded', 'Succeeded', 'Succeeded')
        $Results | ForEach-Object { $_.ResponseId | Should -Match '^resp_' }
        ($Results.ResponseId | Sort-Object -Unique).Count | Should -Be 3
        $Results | ForEach-Object { Test-Path -LiteralPath $_.Path | Should -BeTrue }
        [System.IO.Path]::GetFileName($Results[1].Path) | Should -BeLike 'turn-2-*.png'
        $Results[0] | Should -BeOfType ([GptImage.Orchestration.GptImageResult])
    }

    It 'sends each later turn with the previous response id and no image' {
        $Sent.Count | Should -Be 3
        $Sent.endpoint | Should -Be @('responses', 'responses', 'responses')
        $Sent[0].previousResponseId | Should -BeNullOrEmpty
        @($Sent[0].files).Count | Should -Be 1
        $Sent[1].previousResponseId | Should -Be $Results[0].ResponseId
        $Sent[2].previousResponseId | Should -Be $Results[1].ResponseId
        foreach ($later in $Sent[1], $Sent[2]) {
            @($later.files).Count | Should -Be 0
            $later.jsonBody | Should -Not -Match 'input_image'
            ($later.jsonBody | ConvertFrom-Json).tools[0].model | Should -Be 'gpt-image-2'
            ($later.jsonBody | ConvertFrom-Json).model | Should -Be 'gpt-5.4'
        }
    }

    It 'records the turns, their costs and the last response in the conversation' {
        $Chat.Turns.Count | Should -Be 3
        $Chat.Turns.ResponseId | Should -Be $Results.ResponseId
        $Chat.LastResponseId | Should -Be $Results[2].ResponseId
        $Chat.LastPath | Should -Be $Results[2].Path
        $Results | ForEach-Object { $_.CostUsd | Should -BeGreaterThan 0 }
        $Chat.TotalCostUsd | Should -Be (($Results | Measure-Object CostUsd -Sum).Sum)
        # The mainline model reads the whole conversation, so later turns cost more.
        $Results[2].CostUsd | Should -BeGreaterThan $Results[0].CostUsd
    }

    It 'continues later in the same session from the last turn' {
        Reset-EmulatorCounters $script:Emulator
        $fourth = Send-GptImageConversation -Conversation $Chat 'Make the star larger'
        $fourth.TurnNumber | Should -Be 4
        (Get-EmulatorCounters $script:Emulator).requests[0].previousResponseId | Should -Be $Results[2].ResponseId
        $Chat.Turns.Count | Should -Be 4
    }

    It 'replays the whole conversation from the cache when the same script runs again: no call, no cost' {
        Reset-EmulatorCounters $script:Emulator
        $again = New-GptImageConversation -Quality low -Size 1024x1024 -OutputDirectory $script:Out
        $replayed = @(
            Send-GptImageConversation -Conversation $again -Prompt 'Put this mug on a wooden table' -Path (Join-Path $script:Examples 'shots/mug.png')
            'Now make the background navy', 'Add a gold star on the mug' | Send-GptImageConversation -Conversation $again
        )
        (Get-EmulatorCounters $script:Emulator).total | Should -Be 0
        $replayed.Status | Should -Be @('Cached', 'Cached', 'Cached')
        $replayed.ResponseId | Should -Be $Results.ResponseId
        $replayed.CostUsd | Should -Be @(0, 0, 0)
        $replayed.Path | Should -Be $Results.Path
        $again.LastResponseId | Should -Be $Results[2].ResponseId
    }
}

Describe 'Checks before anything is sent' {
    BeforeEach { Reset-EmulatorCounters $script:Emulator }

    It 'refuses a bad option of the conversation, naming the parameter and what is allowed' {
        { New-GptImageConversation -Size 1000x1000 -ErrorAction Stop } | Should -Throw -ErrorId 'GptImage.InvalidSize*'
        { New-GptImageConversation -Size 1000x1000 -ErrorAction Stop } | Should -Throw '*-Size*1000x1000*divisible by 16*'
        { New-GptImageConversation -Quality ultra -ErrorAction Stop } | Should -Throw '*Quality*ultra*low, medium, high, auto*'
        { New-GptImageConversation -ImageModel gpt-image-2 -InputFidelity high -ErrorAction Stop } | Should -Throw -ErrorId 'GptImage.InvalidInputFidelity*'
        (Get-EmulatorCounters $script:Emulator).total | Should -Be 0
    }

    It 'makes a bad option of a turn that turn''s error, names the turn, and sends nothing for it' {
        $chat = New-GptImageConversation -Quality low
        $null = Send-GptImageConversation -Conversation $chat 'a lighthouse' -Compression 50 -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'GptImage.InvalidCompression*'
        $problems[0].ErrorDetails.Message | Should -BeLike 'Turn 1: -Compression*50*jpeg and webp*'
        (Get-EmulatorCounters $script:Emulator).total | Should -Be 0
        $chat.Turns.Count | Should -Be 0
    }

    It 'checks a turn''s mask against its image before uploading anything' {
        $chat = New-GptImageConversation -Quality low
        $small = Join-Path $TestDrive 'small-mask.png'
        ConvertTo-GptImageMask -Path (Join-Path $script:Examples 'shots/lamp.png') -Rectangle '0,0,10,10' -DestinationPath $small | Out-Null
        Resize-GptImage -Path $small -Scale 0.5 -OutputDirectory $TestDrive | Out-Null
        $half = Get-ChildItem -LiteralPath $TestDrive -Filter 'small-mask-*.png' | Select-Object -First 1
        $null = Send-GptImageConversation -Conversation $chat 'edit the corner' -Path (Join-Path $script:Examples 'shots/lamp.png') -MaskPath $half.FullName -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'GptImage.Mask*'
        (Get-EmulatorCounters $script:Emulator).total | Should -Be 0
    }

    It '-WhatIf shows each turn''s options and estimated cost and sends nothing' {
        $chat = New-GptImageConversation -Quality low -Size 1024x1024
        # -WhatIf writes to the host: a transcript catches it.
        $transcript = Join-Path $TestDrive 'whatif.txt'
        Start-Transcript -LiteralPath $transcript | Out-Null
        try { 'Add fog', 'Add gulls' | Send-GptImageConversation -Conversation $chat -Quality high -WhatIf }
        finally { Stop-Transcript | Out-Null }
        $said = Get-Content -LiteralPath $transcript -Raw
        $said | Should -Match 'Send turn 1: 1 image \(estimated 0\.\d{4} USD\)'
        $said | Should -Match 'quality=high'
        $said | Should -Match 'via=gpt-5\.4'
        $said | Should -Match "Send turn 2: .*'Add gulls'"
        (Get-EmulatorCounters $script:Emulator).total | Should -Be 0
        $chat.Turns.Count | Should -Be 0
    }
}

Describe 'Errors and secrets' {
    BeforeEach { Reset-EmulatorCounters $script:Emulator }

    It 'makes an unknown previous response id a clear error of its own' {
        $chat = New-GptImageConversation -Quality low -PreviousResponseId 'resp_gone0123'
        $result = Send-GptImageConversation -Conversation $chat 'continue' -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'GptImage.PreviousResponseNotFound*'
        $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $problems[0].Exception.Message | Should -BeLike "*resp_gone0123*not found*"
        $problems[0].ErrorDetails.RecommendedAction | Should -BeLike '*start a new conversation*'
        $problems[0].ErrorDetails.Message | Should -BeLike 'Turn 1: The Responses API answered 400*'
        $result.Status | Should -Be 'Failed'
        $chat.Turns[0].Status | Should -Be 'Failed'
        $chat.LastResponseId | Should -Be 'resp_gone0123'
        (Get-EmulatorCounters $script:Emulator).total | Should -Be 1   # refused outright: not retried
    }

    It 'never shows the key in verbose or debug output, errors or the conversation object' {
        $chat = New-GptImageConversation -Quality low -ApiKey (New-TestApiKey $script:KeyText) -Endpoint $script:Emulator.BaseUrl
        $all = & {
            Send-GptImageConversation -Conversation $chat 'a paper boat' -Verbose -Debug
            $bad = New-GptImageConversation -PreviousResponseId 'resp_unknown42' -ApiKey (New-TestApiKey $script:KeyText)
            Send-GptImageConversation -Conversation $bad 'x' -Verbose -Debug -ErrorAction Continue
        } *>&1 | Out-String
        $all | Should -Match 'POST .*responses'
        $all | Should -Not -Match ([regex]::Escape($script:KeyText))
        ($chat | Format-List * | Out-String) | Should -Not -Match ([regex]::Escape($script:KeyText))
        ($chat | ConvertTo-Json -Depth 4) | Should -Not -Match ([regex]::Escape($script:KeyText))
        $chat.HasApiKey | Should -BeTrue
    }
}

Describe 'Streaming partial images' {
    It 'shows partial images and ends with the final image' {
        Reset-EmulatorCounters $script:Emulator
        $chat = New-GptImageConversation -Quality low -Size 1024x1024 -OutputDirectory (Join-Path $TestDrive 'stream') -NoCache
        $result = Send-GptImageConversation -Conversation $chat 'a kite' -PartialImages 2 -SavePartial -Verbose 4>&1
        $verbose = $result | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose | Where-Object Message -like '*partial image * saved to*').Count | Should -Be 2
        $final = $result | Where-Object { $_ -is [GptImage.Orchestration.GptImageResult] }
        $final.Status | Should -Be 'Succeeded'
        (Get-EmulatorCounters $script:Emulator).requests[0].fields | Should -Contain 'stream'
    }
}
