# Pester 5: what a session keeps across Remove-Module / Import-Module, and the messages of conflicting switches.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/TestEnvironment.ps1')
    $script:Emulator, $null = Enter-EmulatorSession
}

AfterAll {
    Disconnect-GptImage -ErrorAction SilentlyContinue
    Exit-EmulatorSession $script:Emulator
}

Describe 'Remove-Module forgets the connection' {
    BeforeEach { Reset-EmulatorCounters $script:Emulator }

    It 'uses no key or endpoint of a Connect-GptImage made before the module was removed and imported again' {
        Connect-GptImage -Endpoint $script:Emulator.BaseUrl -ApiKey (New-TestApiKey) | Out-Null
        Remove-Module GptImage.PowerShell
        Import-Module (Get-GptImageModulePath)

        { 'a kite' | New-GptImage -NoCache -ErrorAction Stop } | Should -Throw -ErrorId 'GptImage.MissingApiKey*'
        (Get-EmulatorCounters $script:Emulator).total | Should -Be 0
    }

    It 'also forgets it on Import-Module -Force' {
        Connect-GptImage -Endpoint $script:Emulator.BaseUrl -ApiKey (New-TestApiKey) | Out-Null
        Import-Module (Get-GptImageModulePath) -Force

        { 'a kite' | New-GptImage -NoCache -ErrorAction Stop } | Should -Throw -ErrorId 'GptImage.MissingApiKey*'
        (Get-EmulatorCounters $script:Emulator).total | Should -Be 0
    }
}

Describe 'Export-GptImageBatch -Force -NoClobber' {
    It 'says plainly that the two switches contradict each other, before any file is written' {
        $destination = Join-Path $TestDrive 'both'
        $result = 'a kite' | New-GptImage -Endpoint $script:Emulator.BaseUrl -ApiKey (New-TestApiKey) -NoCache
        $failure = { $result | Export-GptImageBatch -DestinationPath $destination -Force -NoClobber } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'GptImage.ParameterConflict*'
        $failure.Exception.Message | Should -BeLike '*-Force and -NoClobber cannot be used together*'
        $failure.Exception.Message | Should -Not -BeLike "*'NoClobber and Force'*"
        Test-Path -LiteralPath $destination | Should -BeFalse
    }
}
