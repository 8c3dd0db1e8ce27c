# Pester 5: tab completion as TabExpansion2 gives it: models from the module's model table, sizes and option values of
# the model typed before them, and batch job ids from the batches recorded on this machine.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/TestEnvironment.ps1')
    Import-Module (Get-GptImageModulePath) -Force

    function Get-Completion([string] $Line) {
        (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText
    }
}

AfterAll {
    Remove-Module GptImage.PowerShell -ErrorAction SilentlyContinue
}

Describe 'Completion of the request options' {
    It 'offers the models of the model table for -Model, by prefix' {
        $all = Get-Completion 'New-GptImage -Model '
        $all | Should -Contain 'gpt-image-2'
        $all | Should -Contain 'dall-e-3'
        $all[0] | Should -Be 'gpt-image-2'   # the default model first
        $dalle = Get-Completion 'Edit-GptImage -Model dall'
        $dalle | Should -Be @('dall-e-3', 'dall-e-2')
    }

    It 'offers the sizes of the model typed before -Size (gpt-image-2 when none is)' {
        $dalle = Get-Completion 'New-GptImage -Model dall-e-3 -Size '
        ($dalle | Sort-Object) | Should -Be (@('1024x1024', '1792x1024', '1024x1792') | Sort-Object)
        $default = Get-Completion 'New-GptImage -Size '
        $default | Should -Contain '1536x1024'
        $default | Should -Contain 'auto'
        $default | Should -Not -Contain '1792x1024'
        Get-Completion 'Measure-GptImageCost -Model dall-e-2 -Size 5' | Should -Be '512x512'
    }

    It 'offers only the qualities of the model typed before -Quality' {
        $gpt = Get-Completion 'New-GptImage -Model gpt-image-2 -Quality '
        ($gpt | Sort-Object) | Should -Be (@('auto', 'high', 'low', 'medium'))
        $default = Get-Completion 'New-GptImage -Quality '
        $default | Should -Not -Contain 'hd'
        $default | Should -Not -Contain 'standard'
        ($(Get-Completion 'New-GptImage -Model dall-e-3 -Quality ') | Sort-Object) | Should -Be @('hd', 'standard')
        Get-Completion 'New-GptImage -Quality hi' | Should -Be 'high'
    }

    It 'offers every value it knows for a model the table does not hold (a gateway or deployment name)' {
        $any = Get-Completion 'New-GptImage -Model my-deployment -Quality '
        $any | Should -Contain 'low'
        $any | Should -Contain 'hd'
    }
}

Describe 'Completion of batch job ids' {
    BeforeAll {
        $script:SavedKey = $env:OPENAI_API_KEY; $env:OPENAI_API_KEY = $null
        $script:Emulator = Start-TestEmulator
        $script:State = Join-Path $TestDrive 'state'
        $connection = @{ Endpoint = $script:Emulator.BaseUrl; ApiKey = (New-TestApiKey); StatePath = $script:State }
        $script:First = 'one' | Submit-GptImageBatchJob @connection
        $script:Second = 'two' | Submit-GptImageBatchJob @connection
    }

    AfterAll {
        Stop-TestEmulator $script:Emulator
        $env:OPENAI_API_KEY = $script:SavedKey
    }

    It 'offers the batches recorded in -StatePath for -Id of <_>' -ForEach 'Get-GptImageBatchJob', 'Receive-GptImageBatchJob', 'Stop-GptImageBatchJob' {
        $ids = Get-Completion "$_ -StatePath '$script:State' -Id "
        ($ids | Sort-Object) | Should -Be (@($script:First.Id, $script:Second.Id) | Sort-Object)
    }

    It 'completes an id by its prefix' {
        $prefix = $script:First.Id.Substring(0, 12)
        Get-Completion "Get-GptImageBatchJob -StatePath '$script:State' -Id $prefix" | Should -Contain $script:First.Id
    }

    It 'reads a relative -StatePath from PowerShell''s current folder, which the process''s own does not follow' {
        Push-Location -LiteralPath (Split-Path -Parent $script:State)
        try {
            [Environment]::CurrentDirectory | Should -Not -Be (Get-Location).ProviderPath
            Get-Completion "Get-GptImageBatchJob -StatePath ./$(Split-Path -Leaf $script:State) -Id " | Should -Contain $script:First.Id
        }
        finally { Pop-Location }
    }

    It 'reads $env:GPTIMAGE_BATCH_STATE when -StatePath is not typed' {
        $saved = $env:GPTIMAGE_BATCH_STATE
        try {
            $env:GPTIMAGE_BATCH_STATE = $script:State
            (Get-Completion 'Receive-GptImageBatchJob -Id ') | Should -Contain $script:Second.Id
        } finally { $env:GPTIMAGE_BATCH_STATE = $saved }
    }
}
