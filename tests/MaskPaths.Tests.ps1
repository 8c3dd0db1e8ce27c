# Pester 5: the mask cmdlets take paths the way built-in cmdlets do: -Path wildcards, -LiteralPath, piped file objects,
# and a written mask comes back as Get-Item returns it. Source images are made by the emulator.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/TestEnvironment.ps1')
    Import-Module (Get-GptImageModulePath) -Force
    $script:SavedKey = $env:OPENAI_API_KEY; $env:OPENAI_API_KEY = $null
    $script:Emulator = Start-TestEmulator
    $connection = @{ Endpoint = $script:Emulator.BaseUrl; ApiKey = (New-TestApiKey) }
    $script:Images = Join-Path $TestDrive 'images'
    foreach ($name in 'one', 'two', 'odd[1]') {
        $null = 'a plain square' | New-GptImage @connection -Size 1024x1024 -OutputDirectory $script:Images -FileName $name -NoCache
    }
    Stop-TestEmulator $script:Emulator
}

AfterAll {
    $env:OPENAI_API_KEY = $script:SavedKey
    Remove-Module GptImage.PowerShell -ErrorAction SilentlyContinue
}

Describe 'ConvertTo-GptImageMask paths' {
    BeforeEach { Get-ChildItem -LiteralPath $script:Images -Filter '*.mask.png' | Remove-Item }

    It '-Path expands wildcards: each match gets its own mask' {
        $masks = ConvertTo-GptImageMask -Path (Join-Path $script:Images 't*.png') -Rectangle '0,0,100,100'
        @($masks).Count | Should -Be 1
        $masks.Name | Should -Be 'two.mask.png'
        $all = ConvertTo-GptImageMask -Path (Join-Path $script:Images 'o*.png') -Rectangle '0,0,100,100'
        ($all.Name | Sort-Object) | Should -Be @('odd[1].mask.png', 'one.mask.png')
    }

    It '-LiteralPath takes a name with wildcard characters as it is' {
        $mask = ConvertTo-GptImageMask -LiteralPath (Join-Path $script:Images 'odd[1].png') -Rectangle '0,0,100,100'
        $mask.Name | Should -Be 'odd[1].mask.png'
    }

    It 'Get-ChildItem output binds, and each mask comes back as Get-Item returns it (PSPath set)' {
        $masks = Get-ChildItem -LiteralPath $script:Images -Filter '*.png' | ConvertTo-GptImageMask -Rectangle '0,0,100,100'
        @($masks).Count | Should -Be 3
        foreach ($mask in $masks) {
            $mask | Should -BeOfType [System.IO.FileInfo]
            $mask.PSPath | Should -Be (Get-Item -LiteralPath $mask.FullName).PSPath
            $mask.PSParentPath | Should -Not -BeNullOrEmpty
        }
        ($masks | Format-Table | Out-String) | Should -Match 'one\.mask\.png'
    }

    It 'refuses one -DestinationPath for several matches, naming both' {
        ConvertTo-GptImageMask -Path (Join-Path $script:Images 'o*.png') -Rectangle '0,0,1,1' -DestinationPath (Join-Path $TestDrive 'x.png') -ErrorVariable bad -ErrorAction SilentlyContinue
        $bad[0].Exception.Message | Should -BeLike '*matched 2 files*-DestinationPath*'
        Test-Path -LiteralPath (Join-Path $TestDrive 'x.png') | Should -BeFalse
    }
}

Describe 'Test-GptImageMask with a piped file' {
    BeforeAll {
        $script:Mask = ConvertTo-GptImageMask -LiteralPath (Join-Path $script:Images 'one.png') -Rectangle '0,0,100,100' -Force
    }

    It 'binds Get-Item output as the mask' {
        Get-Item -LiteralPath $script:Mask.FullName | Test-GptImageMask -ImagePath (Join-Path $script:Images 'two.png') | Should -BeTrue
    }

    It 'checks a mask named NAME.mask.png against the image NAME.png beside it when no -ImagePath is given' {
        Get-Item -LiteralPath $script:Mask.FullName | Test-GptImageMask | Should -BeTrue
        $script:Mask | Test-GptImageMask -Detailed | ForEach-Object Width | Should -Be 1024
    }

    It 'asks for -ImagePath when no image is beside the mask' {
        $lone = Join-Path $TestDrive 'lone.png'
        Copy-Item -LiteralPath $script:Mask.FullName -Destination $lone
        Get-Item -LiteralPath $lone | Test-GptImageMask -ErrorVariable missing -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $missing[0].Exception.Message | Should -BeLike '*-ImagePath*'
    }
}
