# Pester 5: an edit's input images are read on this machine before anything is uploaded; a damaged one is
# that row's error, naming the file and the fault, and costs no request.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/TestEnvironment.ps1')
    $script:Emulator, $script:Connection = Enter-EmulatorSession
    $script:Malformed = Join-Path $PSScriptRoot 'GptImage.Core.Tests/Corpus/png/malformed'
}

AfterAll {
    Exit-EmulatorSession $script:Emulator
}

Describe 'Edit-GptImage checks its input images before upload' {
    BeforeEach { Reset-EmulatorCounters $script:Emulator }

    It 'refuses <File> (<What>) before any request, naming the file' -ForEach @(
        @{ File = 'truncated-idat.png'; What = 'cut short'; Pattern = 'cut short|ends' }
        @{ File = 'bad-crc-idat.png'; What = 'bad CRC'; Pattern = 'CRC' }
        @{ File = 'absurd-dimensions.png'; What = '100000x100000'; Pattern = '100000x100000' }
        @{ File = 'huge-width.png'; What = '2^31 wide'; Pattern = '2147483648' }
        @{ File = 'huge-chunk-length.png'; What = '2^31 chunk length'; Pattern = 'cut short|ends|length' }
    ) {
        $path = Join-Path $script:Malformed $File

        Edit-GptImage @script:Connection -Path $path -Prompt 'add a hat' -NoCache -ErrorVariable failures -ErrorAction SilentlyContinue | Out-Null

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'GptImage.InvalidImage*'
        "$failures" | Should -Match ([regex]::Escape($File))
        "$failures" | Should -Match "(?i)$Pattern"
        (Get-EmulatorCounters $script:Emulator).edits | Should -Be 0
    }

    It 'a damaged image in one CSV row fails that row only; the good row is edited' {
        $good = ('a plain square' | New-GptImage @script:Connection -Size 1024x1024 -OutputDirectory (Join-Path $TestDrive 'src') -FileName 'good' -NoCache).Path
        Reset-EmulatorCounters $script:Emulator
        $rows = @(
            [pscustomobject]@{ Path = (Join-Path $script:Malformed 'bad-crc-idat.png'); Prompt = 'add a hat' }
            [pscustomobject]@{ Path = $good; Prompt = 'add a hat' }
        )

        $results = $rows | Edit-GptImage @script:Connection -NoCache -ErrorVariable failures -ErrorAction SilentlyContinue

        @($results | Where-Object Status -EQ 'Succeeded').Count | Should -Be 1
        $failures.Count | Should -Be 1
        "$failures" | Should -Match 'bad-crc-idat\.png'
        (Get-EmulatorCounters $script:Emulator).edits | Should -Be 1
    }
}
