# Pester 5: pixel work through ImageSharp (Resize-GptImage), the formats and sizes it refuses, and the module's own
# load context for its dependencies on PowerShell 7.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/TestEnvironment.ps1')
    $script:Hostile = Join-Path $PSScriptRoot 'Support/hostile-images'
    $script:Emulator, $script:Connection = Enter-EmulatorSession
    $script:Images = Join-Path $TestDrive 'images'
    $script:Square = ('a plain square' | New-GptImage @script:Connection -Size 1024x1024 -OutputDirectory $script:Images -FileName 'square' -NoCache).Path

    function Get-PngDpi([string] $Path) {
        # pHYs: 4-byte x density, 4-byte y density, unit byte (1 = per metre).
        $bytes = [IO.File]::ReadAllBytes($Path)
        $text = [Text.Encoding]::ASCII.GetString($bytes)
        $at = $text.IndexOf('pHYs')
        if ($at -lt 0) { return $null }
        $perMetre = ([int]$bytes[$at + 4] -shl 24) -bor ([int]$bytes[$at + 5] -shl 16) -bor ([int]$bytes[$at + 6] -shl 8) -bor $bytes[$at + 7]
        [math]::Round($perMetre * 0.0254)
    }
    function Get-PngSize([string] $Path) {
        $b = [IO.File]::ReadAllBytes($Path)
        $w = ([int]$b[16] -shl 24) -bor ([int]$b[17] -shl 16) -bor ([int]$b[18] -shl 8) -bor $b[19]
        $h = ([int]$b[20] -shl 24) -bor ([int]$b[21] -shl 16) -bor ([int]$b[22] -shl 8) -bor $b[23]
        "${w}x${h}"
    }
}

AfterAll {
    Exit-EmulatorSession $script:Emulator
}

Describe 'Resize-GptImage' {
    It 'doubles a generated image with the DPI asked for, and returns the file' {
        $out = Join-Path $TestDrive 'print'
        $file = Resize-GptImage -Path $script:Square -Scale 2 -Dpi 600 -OutputDirectory $out
        $file | Should -BeOfType [System.IO.FileInfo]
        $file.Name | Should -Be 'square-2048x2048.png'
        Get-PngSize $file.FullName | Should -Be '2048x2048'
        Get-PngDpi $file.FullName | Should -Be 600
    }

    It 'takes New-GptImage results and Get-ChildItem output from the pipeline' {
        $out = Join-Path $TestDrive 'piped'
        $fromResult = 'a plain square' | New-GptImage @script:Connection -Size 1024x1024 -OutputDirectory (Join-Path $TestDrive 'gen') -FileName 'gen' -NoCache |
            Resize-GptImage -Width 1536 -OutputDirectory $out
        $fromResult.Name | Should -Be 'gen-1536x1536.png'
        $fromFiles = Get-ChildItem -LiteralPath $script:Images -Filter *.png | Resize-GptImage -PrintWidth 2 -Dpi 300 -OutputFormat jpeg -OutputDirectory $out
        $fromFiles.Name | Should -Be 'square-600x600.jpg'
        [IO.File]::ReadAllBytes($fromFiles.FullName)[0..2] | Should -Be @(0xFF, 0xD8, 0xFF)
    }

    It 'never overwrites without -Force, and replaces with it' {
        $out = Join-Path $TestDrive 'force'
        $first = Resize-GptImage -LiteralPath $script:Square -Scale 0.5 -OutputDirectory $out
        $resized = (Get-FileHash -LiteralPath $first.FullName).Hash
        Set-Content -LiteralPath $first.FullName -Value 'someone else''s file'
        Resize-GptImage -LiteralPath $script:Square -Scale 0.5 -OutputDirectory $out -ErrorVariable exists -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $exists[0].FullyQualifiedErrorId | Should -BeLike 'GptImage.FileExists*'
        Get-Content -LiteralPath $first.FullName | Should -Be 'someone else''s file'
        $again = Resize-GptImage -LiteralPath $script:Square -Scale 0.5 -OutputDirectory $out -Force
        (Get-FileHash -LiteralPath $again.FullName).Hash | Should -Be $resized
    }

    It '-WhatIf writes nothing and names the sizes' {
        $out = Join-Path $TestDrive 'whatif'
        $transcript = Join-Path $TestDrive 'whatif.txt'
        $null = Start-Transcript -LiteralPath $transcript
        Resize-GptImage -Path $script:Square -Scale 4 -OutputDirectory $out -WhatIf
        $null = Stop-Transcript
        Get-Content -LiteralPath $transcript -Raw | Should -Match '1024x1024 to 4096x4096'
        Test-Path $out | Should -BeFalse
    }

    It 'refuses two ways of sizing at once, naming the parameters' {
        Resize-GptImage -Path $script:Square -Scale 2 -Width 100 -OutputDirectory $TestDrive -ErrorVariable bad -ErrorAction SilentlyContinue
        $bad[0].FullyQualifiedErrorId | Should -BeLike 'GptImage.ParameterConflict*'
        $bad[0].Exception.Message | Should -Match '-Scale'
    }
}

Describe 'Hostile images are refused by the module' {
    It 'refuses <File> by name before decoding' -ForEach @(
        @{ File = 'tiny.tif'; Named = 'TIFF' }
        @{ File = 'tiny.gif'; Named = 'GIF' }
        @{ File = 'tiny.bmp'; Named = 'BMP' }
    ) {
        $out = Join-Path $TestDrive 'hostile'
        Resize-GptImage -LiteralPath (Join-Path $script:Hostile $File) -Scale 2 -OutputDirectory $out -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'GptImage.Image.UnsupportedFormat*'
        $refused[0].Exception.Message | Should -Match $Named
        Test-Path $out | Should -BeFalse
    }

    It 'refuses a PNG that claims 100000x100000 from its header, before any pixel memory is taken' {
        $before = [GC]::GetTotalAllocatedBytes($true)
        Resize-GptImage -LiteralPath (Join-Path $script:Hostile 'claims-100000x100000.png') -Scale 0.05 -OutputDirectory $TestDrive -ErrorVariable refused -ErrorAction SilentlyContinue
        $allocated = [GC]::GetTotalAllocatedBytes($true) - $before
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'GptImage.Image.DimensionsInvalid*'
        $refused[0].Exception.Message | Should -Match '100000x100000'
        # 30 GB of pixels were claimed; refusing costs what a cmdlet call costs anyway.
        $allocated | Should -BeLessThan 64MB
    }
}

Describe 'The module''s dependencies in a load context of their own (PowerShell 7)' -Skip:($PSVersionTable.PSEdition -ne 'Core') {
    It 'works in a session where another SixLabors.ImageSharp and System.Text.Json were loaded first' {
        $fake = Join-Path $TestDrive 'other-module'
        $null = New-Item -ItemType Directory -Path $fake
        $stj = Get-ChildItem -Path (Join-Path $HOME '.nuget/packages/system.text.json') -Recurse -Filter System.Text.Json.dll |
            Where-Object FullName -match 'netstandard2.0' | Select-Object -First 1
        $job = Start-Job -ScriptBlock {
            param($Module, $FakeFolder, $Source, $OtherJson)
            $ErrorActionPreference = 'Stop'
            # Another module's ImageSharp: same name, other version, other types, loaded first into the default context.
            $name = [Reflection.AssemblyName]::new('SixLabors.ImageSharp, Version=9.9.0.0')
            $builder = [System.Reflection.Emit.PersistedAssemblyBuilder]::new($name, [object].Assembly)
            $type = $builder.DefineDynamicModule('SixLabors.ImageSharp').DefineType('SixLabors.ImageSharp.Impostor', 'Public, Class')
            $null = $type.CreateType()
            $builder.Save((Join-Path $FakeFolder 'SixLabors.ImageSharp.dll'))
            Add-Type -Path (Join-Path $FakeFolder 'SixLabors.ImageSharp.dll')
            # Another module's System.Text.Json, a different version in that module's own context.
            $otherContext = [System.Runtime.Loader.AssemblyLoadContext]::new('OtherModule', $false)
            $otherJsonVersion = if ($OtherJson) { $otherContext.LoadFromAssemblyPath($OtherJson).GetName().Version.ToString() }
            Import-Module $Module
            $resized = Resize-GptImage -LiteralPath $Source -Scale 0.25 -OutputDirectory $FakeFolder
            $estimate = Measure-GptImageCost -Prompt 'a fox' -Summary   # reads the price table with System.Text.Json
            $imaging = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'SixLabors.ImageSharp' } |
                ForEach-Object { '{0} {1}' -f $_.GetName().Version, [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).Name }
            [pscustomobject]@{
                Resized   = $resized.Name
                Cost      = $estimate.EstimatedCostUsd
                ImageSharp = @($imaging)
                OtherJson = $otherJsonVersion
                Impostor  = [SixLabors.ImageSharp.Impostor].Assembly.GetName().Version.ToString()
            }
        } -ArgumentList (Get-GptImageModulePath), $fake, $script:Square, $stj.FullName
        $result = $job | Wait-Job -Timeout 120 | Receive-Job
        $job | Remove-Job -Force
        $result.Resized | Should -Be 'square-256x256.png'
        $result.Cost | Should -BeGreaterThan 0
        $result.Impostor | Should -Be '9.9.0.0'
        $result.ImageSharp | Should -Contain '9.9.0.0 Default'
        $result.ImageSharp | Should -Contain '2.0.0.0 GptImage.PowerShell'
        $result.OtherJson | Should -Not -BeNullOrEmpty
    }
}

Describe 'Metadata is stripped before upload' {
    BeforeAll {
        # A JPEG from the emulator with an EXIF block (camera, GPS) and a comment put in after SOI, as a phone would.
        $jpeg = ('a plain photo' | New-GptImage @script:Connection -Size 1024x1024 -OutputFormat jpeg -OutputDirectory (Join-Path $TestDrive 'photos') -FileName 'plain' -NoCache).Path
        $bytes = [IO.File]::ReadAllBytes($jpeg)
        $secret = [Text.Encoding]::ASCII.GetBytes('SecretCam GPS 51.5074N 0.1278W')
        $segments = foreach ($segment in @(@(0xE1, ([Text.Encoding]::ASCII.GetBytes("Exif`0`0") + $secret)), @(0xFE, $secret))) {
            $payload = [byte[]]$segment[1]
            $length = $payload.Length + 2
            , [byte[]](@(0xFF, $segment[0], ($length -shr 8), ($length -band 0xFF)) + $payload)
        }
        $script:Photo = Join-Path $TestDrive 'photos/phone.jpg'
        [IO.File]::WriteAllBytes($script:Photo, [byte[]]($bytes[0..1] + $segments[0] + $segments[1] + $bytes[2..($bytes.Length - 1)]))
        $script:Secret = 'SecretCam'

        function Get-UploadedImage {
            $edit = (Get-EmulatorCounters $script:Emulator).requests | Where-Object path -like '*/images/edits' | Select-Object -Last 1
            [Convert]::FromBase64String(($edit.files | Select-Object -First 1).base64)
        }
    }

    It 'Edit-GptImage uploads the photo without its EXIF and comment, still a JPEG' {
        $null = Edit-GptImage -LiteralPath $script:Photo -Prompt 'make it sunny' @script:Connection -NoCache
        $sent = Get-UploadedImage
        $sent[0..2] | Should -Be @(0xFF, 0xD8, 0xFF)
        [Text.Encoding]::ASCII.GetString($sent) | Should -Not -Match $script:Secret
        [Text.Encoding]::ASCII.GetString([IO.File]::ReadAllBytes($script:Photo)) | Should -Match $script:Secret   # the file itself is untouched
    }

    It '-KeepMetadata uploads the file byte for byte' {
        $null = Edit-GptImage -LiteralPath $script:Photo -Prompt 'make it sunny' @script:Connection -NoCache -KeepMetadata
        $sent = Get-UploadedImage
        [Convert]::ToBase64String($sent) | Should -Be ([Convert]::ToBase64String([IO.File]::ReadAllBytes($script:Photo)))
    }
}

Describe 'Inputs over the model''s limits' {
    BeforeAll {
        # 2048x1024 is over gpt-image-1.5's largest size (1536x1024): resized to fit unless -NoResize.
        $script:Big = ('a wide plain image' | New-GptImage @script:Connection -Size 2048x1024 -OutputDirectory (Join-Path $TestDrive 'big') -FileName 'big' -NoCache).Path
    }

    It 'are resized to fit with a warning, not refused' {
        $null = Edit-GptImage -LiteralPath $script:Big -Prompt 'add a boat' -Model gpt-image-1.5 @script:Connection -NoCache -WarningVariable warned -WarningAction SilentlyContinue
        ($warned -join "`n") | Should -Match '2048x1024'
        $edit = (Get-EmulatorCounters $script:Emulator).requests | Where-Object path -like '*/images/edits' | Select-Object -Last 1
        $sent = [Convert]::FromBase64String($edit.files[0].base64)
        $w = ([int]$sent[16] -shl 24) -bor ([int]$sent[17] -shl 16) -bor ([int]$sent[18] -shl 8) -bor $sent[19]
        $w | Should -BeLessOrEqual 1536
    }

    It 'are refused before any upload with -NoResize' {
        Reset-EmulatorCounters $script:Emulator
        Edit-GptImage -LiteralPath $script:Big -Prompt 'add a boat' -Model gpt-image-1.5 @script:Connection -NoCache -NoResize -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'GptImage.ImageTooLarge*'
        (Get-EmulatorCounters $script:Emulator).total | Should -Be 0
    }
}

Describe 'Expand-GptImage' {
    It 'turns a square into a 16:9 banner in one edit: canvas, mask of the new area, the result like Edit-GptImage' {
        Reset-EmulatorCounters $script:Emulator
        $out = Join-Path $TestDrive 'banners'
        $result = Expand-GptImage -LiteralPath $script:Square -AspectRatio 16:9 -Prompt 'the same scene, wider' @script:Connection -OutputDirectory $out -NoCache
        $result.Status | Should -Be 'Succeeded'
        $result.Size | Should -Be '1824x1024'
        Get-PngSize $result.Path | Should -Be '1824x1024'
        $edit = (Get-EmulatorCounters $script:Emulator).requests | Where-Object path -like '*/images/edits'
        @($edit).Count | Should -Be 1
        $edit.files.Count | Should -Be 2
        $canvas = Join-Path $TestDrive 'canvas.png'; [IO.File]::WriteAllBytes($canvas, [Convert]::FromBase64String($edit.files[0].base64))
        $mask = Join-Path $TestDrive 'mask.png'; [IO.File]::WriteAllBytes($mask, [Convert]::FromBase64String($edit.files[1].base64))
        Get-PngSize $canvas | Should -Be '1824x1024'
        $report = Test-GptImageMask -MaskPath $mask -ImagePath $canvas -Detailed
        $report.IsValid | Should -BeTrue
        [math]::Round($report.TransparentPercent, 1) | Should -Be ([math]::Round(100 * 800 / 1824, 1))
    }

    It '-WhatIf shows the canvas, the painted share and the cost, and sends nothing' {
        Reset-EmulatorCounters $script:Emulator
        $transcript = Join-Path $TestDrive 'expand-whatif.txt'
        $null = Start-Transcript -LiteralPath $transcript
        Expand-GptImage -LiteralPath $script:Square -AspectRatio 9:16 -Anchor Bottom -Prompt 'sky above' @script:Connection -OutputDirectory $TestDrive -WhatIf
        $null = Stop-Transcript
        $text = Get-Content -LiteralPath $transcript -Raw
        $text | Should -Match '1024x1824 canvas at Bottom'
        $text | Should -Match '43\.9% of the canvas is painted'
        $text | Should -Match 'estimated [0-9.]+ USD'
        (Get-EmulatorCounters $script:Emulator).total | Should -Be 0
    }

    It 'takes Get-ChildItem output (whose Size property is the file length) with -AspectRatio' {
        $said = Get-ChildItem -LiteralPath $script:Images -Filter *.png | Expand-GptImage -AspectRatio 2:1 -Prompt 'wider' @script:Connection -OutputDirectory $TestDrive -WhatIf -Verbose 4>&1 -ErrorVariable bad
        $bad | Should -BeNullOrEmpty
        ($said | Out-String) | Should -Match '2048x1024 canvas'
    }

    It 'takes Import-Csv rows: each row''s Path and Prompt columns, one result per row, a bad row its own error' {
        Reset-EmulatorCounters $script:Emulator
        $csv = Join-Path $TestDrive 'banners.csv'
        @(
            [pscustomobject]@{ Sku = 'A1'; Path = $script:Square; Prompt = 'a wider meadow' }
            [pscustomobject]@{ Sku = 'B2'; Path = (Join-Path $TestDrive 'missing.png'); Prompt = 'never sent' }
            [pscustomobject]@{ Sku = 'C3'; Path = $script:Square; Prompt = 'a wider beach' }
        ) | Export-Csv -LiteralPath $csv -NoTypeInformation
        $out = Join-Path $TestDrive 'rows'
        $results = Import-Csv -LiteralPath $csv | Expand-GptImage -AspectRatio 16:9 @script:Connection -OutputDirectory $out -FileName '{Sku}' -NoCache -ErrorVariable bad -ErrorAction SilentlyContinue
        ($results | Where-Object Status -eq 'Succeeded').SourceFields.Sku | Sort-Object | Should -Be @('A1', 'C3')
        ($results | Where-Object Status -eq 'Failed').RowNumber | Should -Be 2
        $bad.Count | Should -Be 1
        $bad[0].FullyQualifiedErrorId | Should -BeLike 'GptImage.ImageNotFound*'
        "$($bad[0])" | Should -Match '^Row 2'
        $prompts = (Get-EmulatorCounters $script:Emulator).requests | Where-Object path -like '*/images/edits' | ForEach-Object prompt
        $prompts | Sort-Object | Should -Be @('a wider beach', 'a wider meadow')
    }

    It 'a -Path wildcard that matches several files is an error that says to pipe them, and nothing is sent' {
        Reset-EmulatorCounters $script:Emulator
        $two = Join-Path $TestDrive 'two'
        $null = New-Item -ItemType Directory -Path $two -Force
        Copy-Item -LiteralPath $script:Square -Destination (Join-Path $two 'a.png')
        Copy-Item -LiteralPath $script:Square -Destination (Join-Path $two 'b.png')
        Expand-GptImage -Path (Join-Path $two '*.png') -AspectRatio 16:9 -Prompt 'wider' @script:Connection -OutputDirectory $TestDrive -ErrorVariable bad -ErrorAction SilentlyContinue
        $bad[0].FullyQualifiedErrorId | Should -BeLike 'GptImage.TooManyImages*'
        $bad[0].Exception.Message | Should -Match 'Get-ChildItem'
        (Get-EmulatorCounters $script:Emulator).total | Should -Be 0
    }

    It 'runs in the background with -AsJob like Edit-GptImage' {
        $job = Expand-GptImage -LiteralPath $script:Square -AspectRatio 16:9 -Prompt 'wider, in the background' @script:Connection -OutputDirectory (Join-Path $TestDrive 'job') -NoCache -AsJob
        $job | Should -BeOfType ([GptImage.Commands.GptImageJob])
        $result = $job | Wait-Job -Timeout 60 | Receive-Job
        $result.Status | Should -Be 'Succeeded'
        $result.Size | Should -Be '1824x1024'
        Remove-Job $job
    }

    It 'refuses shapes the model cannot make' {
        Expand-GptImage -LiteralPath $script:Square -AspectRatio 5:1 -Prompt 'x' @script:Connection -OutputDirectory $TestDrive -ErrorVariable bad -ErrorAction SilentlyContinue
        $bad[0].FullyQualifiedErrorId | Should -BeLike 'GptImage.InvalidSize*'
        $bad[0].Exception.Message | Should -Match '1:3 to 3:1'
    }
}
