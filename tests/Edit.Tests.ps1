# Pester 5: masks and edits against the emulator.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/TestEnvironment.ps1')
    $script:Emulator, $script:Connection = Enter-EmulatorSession

    # Source images made by the emulator itself: one square, one landscape.
    $script:Images = Join-Path $TestDrive 'images'
    $script:Square = ('a plain square' | New-GptImage @script:Connection -Size 1024x1024 -OutputDirectory $script:Images -FileName 'square' -NoCache).Path
    $script:Wide = ('a plain landscape' | New-GptImage @script:Connection -Size 1536x1024 -OutputDirectory $script:Images -FileName 'wide' -NoCache).Path
}

AfterAll {
    Exit-EmulatorSession $script:Emulator
}

Describe 'ConvertTo-GptImageMask and Test-GptImageMask' {
    BeforeAll {
        $script:Mask = Join-Path $TestDrive 'square.mask.png'
        $script:MaskFile = ConvertTo-GptImageMask -Path $script:Square -Rectangle '0,0,512,512' -DestinationPath $script:Mask
    }

    It 'writes a mask file and returns it' {
        $script:MaskFile | Should -BeOfType [System.IO.FileInfo]
        $script:MaskFile.FullName | Should -Be (Get-Item -LiteralPath $script:Mask).FullName
    }

    It 'does not overwrite an existing mask without -Force' {
        ConvertTo-GptImageMask -Path $script:Square -Rectangle '0,0,10,10' -DestinationPath $script:Mask -ErrorVariable exists -ErrorAction SilentlyContinue
        $exists[0].FullyQualifiedErrorId | Should -BeLike 'GptImage.FileExists*'
    }

    It 'returns $true for a mask that fits the image' {
        Test-GptImageMask -MaskPath $script:Mask -ImagePath $script:Square | Should -BeTrue
    }

    It 'returns $false for a mask of another size, and says why in the verbose stream' {
        $verbose = Test-GptImageMask -MaskPath $script:Mask -ImagePath $script:Wide -Verbose 4>&1
        $verbose | Where-Object { $_ -is [bool] } | Should -BeFalse
        ($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n" | Should -Match 'SizeMismatch'
    }

    It '-Detailed returns the report with the problem ids' {
        $report = Test-GptImageMask -MaskPath $script:Mask -ImagePath $script:Wide -Detailed
        $report.IsValid | Should -BeFalse
        $report.Problems.Id | Should -Contain 'GptImage.Mask.SizeMismatch'
    }

    It 'binds -MaskPath and -ImagePath by property name' {
        [pscustomobject]@{ MaskPath = $script:Mask; ImagePath = $script:Square } | Test-GptImageMask | Should -BeTrue
    }
}

Describe 'Edit-GptImage' {
    BeforeAll {
        $script:Mask = Join-Path $TestDrive 'edit.mask.png'
        $null = ConvertTo-GptImageMask -Path $script:Square -Rectangle '256,256,512,512' -DestinationPath $script:Mask
    }
    BeforeEach { Reset-EmulatorCounters $script:Emulator }

    It 'edits an image inside a mask' {
        $result = Edit-GptImage -Path $script:Square -MaskPath $script:Mask -Prompt 'add a red balloon' @script:Connection -NoCache
        $result.Status | Should -Be 'Succeeded'
        $result.Bytes.Length | Should -BeGreaterThan 0
        (Get-EmulatorCounters $script:Emulator).edits | Should -Be 1
    }

    It 'rejects a mask that does not match the image before anything is uploaded' {
        $null = Edit-GptImage -Path $script:Wide -MaskPath $script:Mask -Prompt 'add a kite' @script:Connection -NoCache -ErrorVariable maskErrors -ErrorAction SilentlyContinue
        $maskErrors[0].FullyQualifiedErrorId | Should -BeLike 'GptImage.MaskMismatch*'
        (Get-EmulatorCounters $script:Emulator).total | Should -Be 0
    }

    It 'a row whose path is on a drive that does not exist is that row''s error, and the rows after it are estimated' {
        $rows = @(
            [pscustomobject]@{ Prompt = 'add a hat'; Path = 'NoSuchDrive9:\shots\a.png' }
            [pscustomobject]@{ Prompt = 'add a scarf'; Path = $script:Square }
        )
        $output = $rows | Measure-GptImageCost -ErrorVariable pathErrors -ErrorAction SilentlyContinue
        $pathErrors.Count | Should -Be 1
        $pathErrors[0].FullyQualifiedErrorId | Should -BeLike 'GptImage.ImageNotFound*'
        $pathErrors[0].TargetObject.Prompt | Should -Be 'add a hat'
        @($output).Count | Should -Be 1
        $output.RowNumber | Should -Be 2
        ($rows | Measure-GptImageCost -Summary -ErrorAction SilentlyContinue).InvalidRows | Should -Be 1
    }

    It 'rejects a mask with nothing transparent (it would edit nothing) before anything is uploaded' {
        $opaque = Join-Path $TestDrive 'opaque.mask.png'
        $null = ConvertTo-GptImageMask -Path $script:Square -Rectangle '0,0,1024,1024' -Invert -DestinationPath $opaque
        $null = Edit-GptImage -Path $script:Square -MaskPath $opaque -Prompt 'add a kite' @script:Connection -NoCache -ErrorVariable maskErrors -ErrorAction SilentlyContinue
        $maskErrors[0].FullyQualifiedErrorId | Should -BeLike 'GptImage.InvalidMask*'
        $maskErrors[0].Exception.Message | Should -Match 'NothingTransparent'
        (Get-EmulatorCounters $script:Emulator).total | Should -Be 0
    }

    It 'edits each file piped from Get-ChildItem' {
        $results = Get-ChildItem -LiteralPath $script:Images -Filter '*.png' | Edit-GptImage -Prompt 'make it look like a watercolour' @script:Connection -NoCache
        $results.Count | Should -Be 2
        (Get-EmulatorCounters $script:Emulator).edits | Should -Be 2
    }

    It 'takes New-GptImage results from the pipeline' {
        $out = Join-Path $TestDrive 'chain'
        $results = 'a small house' | New-GptImage @script:Connection -OutputDirectory $out -NoCache |
            Edit-GptImage -Prompt 'add snow on the roof' @script:Connection -NoCache
        $results.Status | Should -Be 'Succeeded'
        (Get-EmulatorCounters $script:Emulator).edits | Should -Be 1
    }

    It '-WhatIf uploads nothing' {
        Edit-GptImage -Path $script:Square -MaskPath $script:Mask -Prompt 'add a cat' @script:Connection -WhatIf
        (Get-EmulatorCounters $script:Emulator).total | Should -Be 0
    }
}

Describe 'Measure-GptImageCost for edits' {
    BeforeAll {
        $script:Mask = Join-Path $TestDrive 'measure.mask.png'
        $null = ConvertTo-GptImageMask -Path $script:Square -Rectangle '0,0,256,256' -DestinationPath $script:Mask
    }
    BeforeEach { Reset-EmulatorCounters $script:Emulator }

    It 'adds the input images and the mask to the estimate, says how, and sends nothing' {
        $options = @{ Prompt = 'add a red balloon'; Model = 'gpt-image-1.5'; Size = '1024x1024'; Quality = 'low' }
        $generation = Measure-GptImageCost @options | Where-Object { $_ -is [GptImage.Commands.GptImageCostEstimate] }
        $edit = Measure-GptImageCost @options -Path $script:Square -MaskPath $script:Mask | Where-Object { $_ -is [GptImage.Commands.GptImageCostEstimate] }

        $edit.EstimatedOutputTokens | Should -Be $generation.EstimatedOutputTokens
        $edit.EstimatedInputTokens | Should -BeGreaterThan $generation.EstimatedInputTokens
        $edit.EstimatedCostUsd | Should -BeGreaterThan $generation.EstimatedCostUsd
        $edit.Basis | Should -Match '1 input image and the mask'
        Split-Path -Leaf $edit.InputImages | Should -Be (Split-Path -Leaf $script:Square)
        (Get-EmulatorCounters $script:Emulator).total | Should -Be 0
    }

    It 'estimates each file piped from Get-ChildItem, and reports a mask that does not fit as Edit-GptImage would' {
        # Each piped file is an edit of that file (PowerShell binds it in the Prompt set; the cmdlet sees the file).
        $estimates = Get-ChildItem -LiteralPath $script:Images -Filter '*.png' |
            Measure-GptImageCost -Prompt 'make it a watercolour'
        $rows = $estimates | Where-Object { $_ -is [GptImage.Commands.GptImageCostEstimate] }
        $rows.Count | Should -Be 2
        foreach ($row in $rows) {
            @($row.InputImages).Count | Should -Be 1
            $row.Basis | Should -Match '1 input image at about'
        }

        $null = Measure-GptImageCost -Path $script:Wide -MaskPath $script:Mask -Prompt 'add a kite' -ErrorVariable maskErrors -ErrorAction SilentlyContinue
        $maskErrors[0].FullyQualifiedErrorId | Should -BeLike 'GptImage.MaskMismatch*'
        (Get-EmulatorCounters $script:Emulator).total | Should -Be 0
    }
}
