# Pester 5: Export-GptImageBatch's tiered storage from pwsh, against the emulator: Import-Csv rows of mixed quality,
# New-GptImage, then -TierBy/-Tier/-ThumbnailWidth with a manifest. Formats are told by their magic bytes and sizes
# read from the files' headers here, apart from the module's own readers.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/TestEnvironment.ps1')
    Import-Module (Get-GptImageModulePath) -Force
    $script:SavedKey = $env:OPENAI_API_KEY; $env:OPENAI_API_KEY = $null
    $script:SavedBase = $env:OPENAI_BASE_URL; $env:OPENAI_BASE_URL = $null
    $script:Emulator = Start-TestEmulator
    $script:Connection = @{ Endpoint = $script:Emulator.BaseUrl; ApiKey = (New-TestApiKey) }

    # Three qualities in one CSV: row 1 high, rows 2-3 low, row 4 medium.
    $rows = Import-Csv -LiteralPath (Join-Path $PSScriptRoot '../examples/products.csv')
    $rows[0].Quality = 'high'
    $script:Results = @($rows | New-GptImage @script:Connection -NoCache | Sort-Object RowNumber)
    $script:Tiers = @{
        high   = @{ Format = 'png' }
        medium = @{ Format = 'webp'; Quality = 85 }
        low    = @{ Format = 'webp'; Quality = 70; ThumbnailWidth = 256 }
    }

    function Get-ImageFormat([string] $Path) {
        $b = [System.IO.File]::ReadAllBytes($Path)
        if ($b[0] -eq 0x89 -and $b[1] -eq 0x50 -and $b[2] -eq 0x4E -and $b[3] -eq 0x47) { return 'png' }
        if ($b[0] -eq 0xFF -and $b[1] -eq 0xD8) { return 'jpeg' }
        if ([Text.Encoding]::ASCII.GetString($b, 0, 4) -eq 'RIFF' -and [Text.Encoding]::ASCII.GetString($b, 8, 4) -eq 'WEBP') { return 'webp' }
        return 'unknown'
    }

    function Get-ImageWidth([string] $Path) {
        <# The pixel width from the header: PNG IHDR, or WebP's VP8 (lossy), VP8L (lossless) or VP8X (extended) chunk. #>
        $b = [System.IO.File]::ReadAllBytes($Path)
        if ((Get-ImageFormat $Path) -eq 'png') { return ($b[16] -shl 24) -bor ($b[17] -shl 16) -bor ($b[18] -shl 8) -bor $b[19] }
        switch ([Text.Encoding]::ASCII.GetString($b, 12, 4)) {
            'VP8 ' { return (($b[27] -band 0x3F) -shl 8) -bor $b[26] }
            'VP8L' { return (($b[22] -band 0x3F) -shl 8 -bor $b[21]) + 1 }
            'VP8X' { return ($b[24] -bor ($b[25] -shl 8) -bor ($b[26] -shl 16)) + 1 }
        }
        throw "No width in $Path"
    }
}

AfterAll {
    Stop-TestEmulator $script:Emulator
    $env:OPENAI_API_KEY = $script:SavedKey
    $env:OPENAI_BASE_URL = $script:SavedBase
    Remove-Module GptImage.PowerShell -ErrorAction SilentlyContinue
}

Describe 'Export-GptImageBatch -TierBy Quality -Tier' {
    BeforeAll {
        $script:Dest = Join-Path $TestDrive 'assets'
        $script:Manifest = Join-Path $script:Dest 'manifest.csv'
        $script:Written = @($script:Results | Export-GptImageBatch -DestinationPath $script:Dest -FileName '{Sku}' -TierBy Quality -Tier $script:Tiers -ManifestPath $script:Manifest -PassThru | Sort-Object RowNumber)
        $script:Ledger = @(Import-Csv -LiteralPath $script:Manifest | Sort-Object { [int]$_.RowNumber })
    }

    It 'writes each image in its tier''s format, told by its magic bytes' {
        Get-ImageFormat (Join-Path $script:Dest 'MUG-001.png') | Should -Be 'png'       # high
        Get-ImageFormat (Join-Path $script:Dest 'LAMP-014.webp') | Should -Be 'webp'    # low
        Get-ImageFormat (Join-Path $script:Dest 'BAG-203.webp') | Should -Be 'webp'     # low
        Get-ImageFormat (Join-Path $script:Dest 'CHAIR-7.webp') | Should -Be 'webp'     # medium
        $script:Written.Tier | Should -Be 'high', 'low', 'low', 'medium'
    }

    It 'writes the PNG master of a PNG as the API sent it (same SHA-256)' {
        (Get-FileHash -LiteralPath (Join-Path $script:Dest 'MUG-001.png') -Algorithm SHA256).Hash.ToLowerInvariant() | Should -Be $script:Results[0].Sha256
        $script:Ledger[0].Sha256 | Should -Be $script:Results[0].Sha256
    }

    It 'writes a 256-pixel-wide thumbnail beside each low image only' {
        $thumbnail = Join-Path $script:Dest 'LAMP-014.thumb-256.webp'
        Get-ImageFormat $thumbnail | Should -Be 'webp'
        Get-ImageWidth $thumbnail | Should -Be 256
        Get-ImageWidth (Join-Path $script:Dest 'LAMP-014.webp') | Should -Be 1024
        $script:Written[1].ThumbnailPath | Should -Be $thumbnail
        @(Get-ChildItem -LiteralPath $script:Dest -Filter '*.thumb-*').Name | Sort-Object | Should -Be 'BAG-203.thumb-256.webp', 'LAMP-014.thumb-256.webp'
    }

    It 'records in the manifest, a row per image, each file with its path, format, pixel size, bytes and SHA-256' {
        $script:Ledger.Count | Should -Be 4
        $low = $script:Ledger[1]
        $low.Tier | Should -Be 'low'
        $low.Format | Should -Be 'webp'
        $low.Compression | Should -Be 70
        $low.Width, $low.Height | Should -Be 1024, 1536
        $low.FileBytes | Should -Be (Get-Item -LiteralPath $low.Path).Length
        $low.Sha256 | Should -Be (Get-FileHash -LiteralPath $low.Path -Algorithm SHA256).Hash.ToLowerInvariant()
        $low.'Thumbnail.Path' | Should -Be (Join-Path $script:Dest 'LAMP-014.thumb-256.webp')
        $low.'Thumbnail.Format' | Should -Be 'webp'
        $low.'Thumbnail.Width', $low.'Thumbnail.Height' | Should -Be 256, 384
        $low.'Thumbnail.FileBytes' | Should -Be (Get-Item -LiteralPath $low.'Thumbnail.Path').Length
        $low.'Thumbnail.Sha256' | Should -Be (Get-FileHash -LiteralPath $low.'Thumbnail.Path' -Algorithm SHA256).Hash.ToLowerInvariant()
        $low.'Source.Sku' | Should -Be 'LAMP-014'
        $script:Ledger[0].'Thumbnail.Path' | Should -BeNullOrEmpty
    }

    It 'never replaces a file of another tiering without -Force, and does with it' {
        $before = (Get-FileHash -LiteralPath (Join-Path $script:Dest 'CHAIR-7.webp')).Hash
        $other = @{ '*' = @{ Format = 'webp'; Quality = 30; ThumbnailWidth = 256 } }
        $null = $script:Results | Export-GptImageBatch -DestinationPath $script:Dest -FileName '{Sku}' -Tier $other -ErrorVariable refused -ErrorAction SilentlyContinue
        # The three WebP masters would change; the high image becomes a new MUG-001.webp, which replaces nothing.
        @($refused | Where-Object { $_.FullyQualifiedErrorId -like 'GptImage.FileExists*' }).Count | Should -Be 3
        "$($refused[0])" | Should -BeLike '*already exists with other content. Use -Force*'
        (Get-FileHash -LiteralPath (Join-Path $script:Dest 'CHAIR-7.webp')).Hash | Should -Be $before
        Test-Path -LiteralPath (Join-Path $script:Dest 'CHAIR-7.thumb-256.webp') | Should -BeFalse   # nothing of a refused row is written
        Test-Path -LiteralPath (Join-Path $script:Dest 'MUG-001.thumb-256.webp') | Should -BeTrue

        $null = $script:Results | Export-GptImageBatch -DestinationPath $script:Dest -FileName '{Sku}' -Tier $other -Force
        (Get-FileHash -LiteralPath (Join-Path $script:Dest 'CHAIR-7.webp')).Hash | Should -Not -Be $before
    }
}

Describe 'WebP quality' {
    It 'writes a smaller file at a lower quality' {
        $high = $script:Results[3] | Export-GptImageBatch -DestinationPath (Join-Path $TestDrive 'q90') -Tier @{ '*' = @{ Format = 'webp'; Quality = 90 } } -PassThru
        $low = $script:Results[3] | Export-GptImageBatch -DestinationPath (Join-Path $TestDrive 'q40') -Tier @{ '*' = @{ Format = 'webp'; Quality = 40 } } -PassThru
        (Get-Item -LiteralPath $low.Path).Length | Should -BeLessThan (Get-Item -LiteralPath $high.Path).Length
    }
}

Describe '-ThumbnailWidth and -TierBy a column' {
    It 'puts a thumbnail in the image''s own format beside every image, the image as it came' {
        $dest = Join-Path $TestDrive 'thumbs'
        $written = $script:Results[0] | Export-GptImageBatch -DestinationPath $dest -FileName '{Sku}' -ThumbnailWidth 100 -PassThru
        (Get-FileHash -LiteralPath $written.Path -Algorithm SHA256).Hash.ToLowerInvariant() | Should -Be $script:Results[0].Sha256
        Get-ImageFormat $written.ThumbnailPath | Should -Be 'png'
        Get-ImageWidth $written.ThumbnailPath | Should -Be 100
        Split-Path -Leaf $written.ThumbnailPath | Should -Be 'MUG-001.thumb-100.png'
    }

    It 'tiers by a CSV column, and a row without the column is that row''s error while the others are written' {
        $dest = Join-Path $TestDrive 'bycolumn'
        $withColumn = Import-Csv -LiteralPath (Join-Path $PSScriptRoot '../examples/products.csv') | Select-Object -First 2 |
            ForEach-Object { $_ | Add-Member -NotePropertyName Channel -NotePropertyValue 'print' -PassThru }
        $results = @($withColumn | New-GptImage @script:Connection -Quality low -NoCache) + @($script:Results[2])
        $written = @($results | Export-GptImageBatch -DestinationPath $dest -FileName '{Sku}' -TierBy Channel -Tier @{ print = @{ Format = 'jpeg'; Quality = 90 } } -PassThru -ErrorVariable rowErrors -ErrorAction SilentlyContinue)
        $written.Count | Should -Be 2
        $written | ForEach-Object { Get-ImageFormat $_.Path | Should -Be 'jpeg' }
        $rowErrors.Count | Should -Be 1
        $rowErrors[0].FullyQualifiedErrorId | Should -BeLike 'GptImage.TierNotFound*'
        "$($rowErrors[0])" | Should -BeLike "Row 3: -TierBy 'Channel' is not allowed: Quality, Model or a column of the input row (its columns: Sku, *"
    }
}

Describe '-WhatIf' {
    It 'names every file it would write and writes nothing' {
        $dest = Join-Path $TestDrive 'whatif'
        $transcript = Join-Path $TestDrive 'whatif.txt'
        $null = Start-Transcript -LiteralPath $transcript
        try { $script:Results | Export-GptImageBatch -DestinationPath $dest -FileName '{Sku}' -Tier $script:Tiers -ManifestPath (Join-Path $dest 'm.csv') -WhatIf }
        finally { $null = Stop-Transcript }
        $said = Get-Content -LiteralPath $transcript -Raw
        foreach ($name in 'MUG-001.png', 'LAMP-014.webp', 'LAMP-014.thumb-256.webp', 'BAG-203.webp', 'BAG-203.thumb-256.webp', 'CHAIR-7.webp') {
            $said | Should -BeLike "*$(Join-Path $dest $name)*"
        }
        Test-Path -LiteralPath $dest | Should -BeFalse
    }
}

Describe 'A bad -Tier table' {
    It 'is refused before anything is written, naming the key, the field, the value and what is allowed: <Because>' -ForEach @(
        @{ Because = 'unknown format'; Table = @{ medium = @{ Format = 'gif' } }; Message = "-Tier key 'medium', Format 'gif' is not allowed: png, jpeg or webp." }
        @{ Because = 'quality out of range'; Table = @{ low = @{ Format = 'webp'; Quality = 150 } }; Message = "-Tier key 'low', Quality '150' is not allowed: a whole number from 1 to 100." }
        @{ Because = 'width out of range'; Table = @{ low = @{ ThumbnailWidth = 8 } }; Message = "-Tier key 'low', ThumbnailWidth '8' is not allowed: a whole number from 16 to 4096." }
        @{ Because = 'unknown field'; Table = @{ high = @{ Fromat = 'png' } }; Message = "-Tier key 'high', field 'Fromat' is not allowed: one of Format, Quality, ThumbnailWidth, ThumbnailFormat." }
    ) {
        $dest = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        { $script:Results | Export-GptImageBatch -DestinationPath $dest -Tier $Table -ErrorAction Stop } |
            Should -Throw -ExpectedMessage $Message -ErrorId 'GptImage.InvalidTier*'
        Test-Path -LiteralPath $dest | Should -BeFalse
    }
}

Describe 'Tab completion of -TierBy' {
    It 'offers <Expected> for <Typed>' -ForEach @(
        @{ Typed = 'Export-GptImageBatch -TierBy '; Expected = 'Quality', 'Model' }
        @{ Typed = 'Export-GptImageBatch -TierBy m'; Expected = @('Model') }
    ) {
        $completion = TabExpansion2 -inputScript $Typed -cursorColumn $Typed.Length
        @($completion.CompletionMatches.CompletionText) | Should -Be $Expected
    }
}
