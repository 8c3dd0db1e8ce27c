# Pester 5: leftover temporary files are swept only where the module writes, never through a link, and a folder
# the user cannot read never ends a run.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/TestEnvironment.ps1')
    $script:Emulator, $script:Connection = Enter-EmulatorSession

    # The temporary name of a writer that no longer runs (no process has this id).
    function New-OrphanName { '.gptimage-tmp-2147483647-' + [guid]::NewGuid().ToString('N') + '.tmp' }
}

AfterAll {
    Exit-EmulatorSession $script:Emulator
}

Describe 'The sweep of leftover temporary files' {
    It 'never deletes through a folder linked from the output folder' {
        $output = Join-Path $TestDrive 'linked-out'
        $elsewhere = Join-Path $TestDrive 'someone-elses'
        $null = New-Item -ItemType Directory -Path $output, $elsewhere
        $theirs = Join-Path $elsewhere (New-OrphanName)
        Set-Content -LiteralPath $theirs -Value 'not the module''s'
        $null = New-Item -ItemType SymbolicLink -Path (Join-Path $output 'linked') -Target $elsewhere

        'a lighthouse' | New-GptImage @script:Connection -OutputDirectory $output -NoCache | Out-Null

        Test-Path -LiteralPath $theirs | Should -BeTrue
    }

    It 'a CSV value shaped like a temporary name gives a file the next run keeps' {
        $output = Join-Path $TestDrive 'tmp-named'
        $row = [pscustomobject]@{ Sku = '.gptimage-tmp-keep'; Prompt = 'a teapot' }

        $first = $row | New-GptImage @script:Connection -OutputDirectory $output -FileName '{Sku}'
        $first.Status | Should -Be 'Succeeded'
        Split-Path -Leaf $first.Path | Should -Not -BeLike '.gptimage-tmp-*'
        'another row' | New-GptImage @script:Connection -OutputDirectory $output -NoCache | Out-Null

        Test-Path -LiteralPath $first.Path | Should -BeTrue
    }

    It 'an unreadable subfolder of the output folder (like lost+found) does not end the run' {
        $output = Join-Path $TestDrive 'with-lost-found'
        $locked = Join-Path $output 'lost+found'
        $null = New-Item -ItemType Directory -Path $locked
        $script = Join-Path $TestDrive 'unreadable.ps1'
        @'
param($Module, $Endpoint, $Output)
Import-Module $Module
$result = 'a lighthouse' | New-GptImage -Endpoint $Endpoint -ApiKey (ConvertTo-SecureString 'sk-test' -AsPlainText -Force) -OutputDirectory $Output -NoCache -ErrorAction Stop
"STATUS=$($result.Status)"
'@ | Set-Content -LiteralPath $script
        $pwsh = Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')
        $arguments = @('-NoProfile', '-File', $script, (Get-GptImageModulePath), $script:Emulator.BaseUrl, $output)
        & chmod 000 $locked
        try {
            if ((& id -u) -eq '0') {
                # Root reads any folder whatever its mode: drop the capabilities that let it, so chmod 000 denies as for a user.
                (Get-Command capsh -ErrorAction SilentlyContinue) | Should -Not -BeNullOrEmpty -Because 'as root this test needs capsh to make a folder unreadable'
                $quoted = (@($pwsh) + $arguments | ForEach-Object { "'" + ($_ -replace "'", "'\''") + "'" }) -join ' '
                $text = & capsh --drop=cap_dac_override,cap_dac_read_search -- -c "$quoted 2>&1"
            } else {
                $text = & $pwsh @arguments 2>&1
            }
        } finally {
            & chmod 755 $locked
        }
        ($text -join "`n") | Should -Not -Match 'UnauthorizedAccess|denied'
        ($text -join "`n") | Should -Match 'STATUS=Succeeded'
    }

    It 'Export-GptImageBatch sweeps what a killed export left in its destination, and nothing of the user''s' {
        $destination = Join-Path $TestDrive 'export-dest'
        $null = New-Item -ItemType Directory -Path (Join-Path $destination 'low')
        $orphan = Join-Path $destination (New-OrphanName)
        $orphanInLayout = Join-Path $destination 'low' (New-OrphanName)
        $users = Join-Path $destination '.gptimage-tmp-notes.txt'
        Set-Content -LiteralPath $orphan, $orphanInLayout, $users -Value 'half'

        'a teapot' | New-GptImage @script:Connection -Quality low -NoCache | Export-GptImageBatch -DestinationPath $destination -Layout ByQuality

        Test-Path -LiteralPath $orphan | Should -BeFalse
        Test-Path -LiteralPath $orphanInLayout | Should -BeFalse
        Test-Path -LiteralPath $users | Should -BeTrue
    }
}

Describe 'ConvertTo-GptImageMask -DestinationPath an existing folder' {
    It 'writes the mask into that folder, named after the image' {
        $image = ('a plain square' | New-GptImage @script:Connection -Size 1024x1024 -OutputDirectory (Join-Path $TestDrive 'src') -FileName 'photo' -NoCache).Path
        $folder = Join-Path $TestDrive 'masks'
        $null = New-Item -ItemType Directory -Path $folder

        $mask = ConvertTo-GptImageMask -Path $image -Rectangle '0,0,256,256' -DestinationPath $folder -ErrorAction Stop

        $mask.FullName | Should -Be (Join-Path (Resolve-Path $folder).Path 'photo.mask.png')
        Test-GptImageMask -MaskPath $mask.FullName -ImagePath $image | Should -BeTrue
    }
}
