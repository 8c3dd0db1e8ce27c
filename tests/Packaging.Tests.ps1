# Pester 5: the module as a user receives it. The manifest passes Test-ModuleManifest and names its project,
# licence and help; the built folder goes through PSResourceGet (publish to a local folder repository, install
# into a fresh module path) and imports by name in a new pwsh; ./build.ps1 -Task Package gives what the README lists.
# All offline. PSResourceGet's repository list is redirected to $TestDrive, so the user's own is never touched.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/TestEnvironment.ps1')
    $script:ModuleManifest = Get-GptImageModulePath
    $script:ModuleFolder = Split-Path -Parent $script:ModuleManifest
    $script:Root = Resolve-Path (Join-Path $PSScriptRoot '..')
    $script:ProjectUri = 'https://github.com/gptimage-powershell/GptImage.PowerShell'

    function Invoke-ChildPwsh {
        <# Runs a script in a new pwsh with the given environment; returns its output lines and throws on a non-zero exit. #>
        param([Parameter(Mandatory)] [string] $Script, [hashtable] $Environment = @{})
        $file = Join-Path $TestDrive ("child-" + [guid]::NewGuid().ToString('N') + '.ps1')
        Set-Content -LiteralPath $file -Value $Script
        $saved = @{}
        foreach ($name in $Environment.Keys) { $saved[$name] = [Environment]::GetEnvironmentVariable($name); [Environment]::SetEnvironmentVariable($name, $Environment[$name]) }
        try {
            $pwsh = Get-PwshCommand; $first = $pwsh.Arguments
            $output = & $pwsh.Path @first -NoProfile -NonInteractive -File $file 2>&1 | ForEach-Object { "$_" }
            if ($LASTEXITCODE -ne 0) { throw "child pwsh exited with $LASTEXITCODE`n$($output -join "`n")" }
            return $output
        }
        finally {
            foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
        }
    }
}

Describe 'The module manifest' {
    BeforeAll {
        $script:Info = Test-ModuleManifest -Path $script:ModuleManifest -ErrorAction Stop
        $script:Data = Import-PowerShellDataFile -LiteralPath $script:ModuleManifest
    }

    It 'passes Test-ModuleManifest and names project, licence, release notes, tags and help' {
        $script:Info.Name | Should -Be 'GptImage.PowerShell'
        $script:Info.ProjectUri | Should -Be $script:ProjectUri
        $script:Info.LicenseUri | Should -Be "$script:ProjectUri/blob/main/LICENSE"
        $script:Info.ReleaseNotes | Should -Not -BeNullOrEmpty
        $script:Info.Tags | Should -Contain 'OpenAI'
        $script:Info.HelpInfoUri | Should -Be $script:ProjectUri
    }

    It 'the module folder carries the MIT LICENSE of the repository' {
        $shipped = Join-Path $script:ModuleFolder 'LICENSE'
        Get-Content -Raw -LiteralPath $shipped | Should -Be (Get-Content -Raw -LiteralPath (Join-Path $script:Root 'LICENSE'))
        Get-Content -Raw -LiteralPath $shipped | Should -Match '^MIT License'
    }
}

Describe 'Publish, install and import through PSResourceGet, offline' {
    It 'publishes to a local repository, installs into a fresh module path, imports by name in a new pwsh and runs -WhatIf' {
        $work = (New-Item -ItemType Directory -Path (Join-Path $TestDrive 'psresourceget')).FullName
        $repositoryName = 'GptImageTest' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        # PSResourceGet keeps its repository list under the local application data folder, which is $XDG_DATA_HOME
        # on Linux and macOS (it must exist, or .NET falls back to the current folder). Windows has no such
        # variable: there the unique repository name is unregistered in the finally block.
        $data = (New-Item -ItemType Directory -Path (Join-Path $work 'data')).FullName
        $install = Invoke-ChildPwsh -Environment @{ XDG_DATA_HOME = $data } -Script @"
`$ErrorActionPreference = 'Stop'
`$repository = New-Item -ItemType Directory -Path '$work/repository'
`$copy = Join-Path '$work' 'GptImage.PowerShell'
Copy-Item -LiteralPath '$($script:ModuleFolder)' -Destination `$copy -Recurse
Register-PSResourceRepository -Name '$repositoryName' -Uri `$repository.FullName -Trusted
try {
    Publish-PSResource -Path `$copy -Repository '$repositoryName'
    `$modules = New-Item -ItemType Directory -Path '$work/modules'
    Save-PSResource -Name GptImage.PowerShell -Repository '$repositoryName' -Path `$modules.FullName -TrustRepository
    Get-ChildItem -LiteralPath `$repository.FullName -Name
}
finally { Unregister-PSResourceRepository -Name '$repositoryName' }
"@
        $install | Should -Contain 'GptImage.PowerShell.0.1.0.nupkg'
        Test-Path -LiteralPath (Join-Path $work 'modules/GptImage.PowerShell/0.1.0/GptImage.PowerShell.psd1') | Should -BeTrue
        # The user's own repository list never saw the temporary repository.
        (Get-PSResourceRepository).Name | Should -Not -Contain $repositoryName

        $modules = Join-Path $work 'modules'
        $run = Invoke-ChildPwsh -Environment @{ PSModulePath = $modules; OPENAI_API_KEY = $null; OPENAI_BASE_URL = $null } -Script @'
$ErrorActionPreference = 'Stop'
Import-Module GptImage.PowerShell
(Get-Module GptImage.PowerShell).ModuleBase
New-GptImage -Prompt 'a lighthouse at dawn' -Quality low -WhatIf
'@
        $run[0] | Should -BeLike (Join-Path $modules 'GptImage.PowerShell*')
        ($run -join "`n") | Should -Match 'What if: .*a lighthouse at dawn'
    }
}

Describe './build.ps1 -Task Package' {
    BeforeAll {
        $pwsh = Get-PwshCommand; $first = $pwsh.Arguments
        $script:PackageOutput = & $pwsh.Path @first -NoProfile -NonInteractive -File (Join-Path $script:Root 'build.ps1') -Task Package -NoBuild 2>&1 | ForEach-Object { "$_" }
        $script:PackageExit = $LASTEXITCODE
        $script:PackageFolder = Join-Path $script:Root 'artifacts/package'
        $script:Version = (Import-PowerShellDataFile -LiteralPath $script:ModuleManifest).ModuleVersion
        $script:Readme = Get-Content -Raw -LiteralPath (Join-Path $script:Root 'README.md')
    }

    It 'gives the module folder, its zip and the emulator tool package' {
        $script:PackageExit | Should -Be 0 -Because ($script:PackageOutput -join "`n")
        (Get-ChildItem -LiteralPath $script:PackageFolder -Name | Sort-Object) |
            Should -Be (@("GptImage.Emulator.$($script:Version).nupkg", 'GptImage.PowerShell', "GptImage.PowerShell.$($script:Version).zip") | Sort-Object)
    }

    It 'the zip holds the module folder itself, file for file' {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [System.IO.Compression.ZipFile]::OpenRead((Join-Path $script:PackageFolder "GptImage.PowerShell.$script:Version.zip"))
        try { $entries = $zip.Entries | Where-Object Name | ForEach-Object { $_.FullName -replace '\\', '/' } | Sort-Object }
        finally { $zip.Dispose() }
        $base = (Resolve-Path -LiteralPath $script:ModuleFolder).Path.TrimEnd('/', '\').Length + 1
        $expected = Get-ChildItem -LiteralPath $script:ModuleFolder -File -Recurse |
            ForEach-Object { 'GptImage.PowerShell/' + ($_.FullName.Substring($base) -replace '\\', '/') } | Sort-Object
        $entries | Should -Be $expected
    }

    It 'the README lists every file of the package and its size' {
        $unlisted = Get-ChildItem -LiteralPath $script:ModuleFolder -File |
            Where-Object { $script:Readme -notmatch ('\| ' + [regex]::Escape($_.Name) + ' \|') } | ForEach-Object Name
        $unlisted | Should -BeNullOrEmpty -Because 'the README''s table of the module folder lists every file'
        $script:Readme | Should -Match ([regex]::Escape("GptImage.Emulator.$($script:Version).nupkg") + '|GptImage\.Emulator\.<version>\.nupkg')
        $zip = Get-Item -LiteralPath (Join-Path $script:PackageFolder "GptImage.PowerShell.$script:Version.zip")
        $script:Readme -match 'the zip is about (\d+) KB' | Should -BeTrue -Because 'the README says how big the zip is'
        [int] $Matches[1] | Should -BeGreaterThan ($zip.Length / 1KB * 0.75)
        [int] $Matches[1] | Should -BeLessThan ($zip.Length / 1KB * 1.25)
    }
}
