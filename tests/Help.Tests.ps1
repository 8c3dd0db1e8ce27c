# Pester 5: what `Get-Help` shows for the built module. The help comes from the cmdlets' doc comments (the build
# writes en-US/GptImage.PowerShell.dll-Help.xml); this checks it as a user sees it, for every exported cmdlet.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Support/TestEnvironment.ps1')
    Import-Module (Get-GptImageModulePath) -Force
    $script:Cmdlets = @(Get-Command -Module GptImage.PowerShell -CommandType Cmdlet | ForEach-Object { @{ Name = $_.Name } })
    Remove-Module GptImage.PowerShell
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/TestEnvironment.ps1')
    Import-Module (Get-GptImageModulePath) -Force
    $script:Common = [System.Management.Automation.Cmdlet]::CommonParameters
}

AfterAll {
    Remove-Module GptImage.PowerShell -ErrorAction SilentlyContinue
}

Describe 'Get-Help <Name> -Full' -ForEach $script:Cmdlets {
    BeforeAll {
        $script:Help = Get-Help $Name -Full
        $script:Command = Get-Command $Name
    }

    It 'has a synopsis of its own (not the syntax PowerShell makes up when there is no help)' {
        $Help.Synopsis | Should -Not -BeNullOrEmpty
        $Help.Synopsis | Should -Not -Match ([regex]::Escape($Name) + '\s+\[')
    }

    It 'has a description' {
        ($Help.description | Out-String).Trim() | Should -Not -BeNullOrEmpty
    }

    It 'describes every parameter the cmdlet has, and none it does not have' {
        $visible = @($Command.Parameters.Values | Where-Object {
                $Common -notcontains $_.Name -and -not ($_.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow })
            } | ForEach-Object Name | Sort-Object)
        $documented = @($Help.parameters.parameter | ForEach-Object Name | Sort-Object)
        $documented | Should -Be $visible
        foreach ($parameter in $Help.parameters.parameter) {
            ($parameter.description | Out-String).Trim() | Should -Not -BeNullOrEmpty -Because "-$($parameter.name) needs a description"
        }
    }

    It 'has examples with code and an explanation' {
        $examples = @($Help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual $(if ($Name -in 'New-GptImage', 'Edit-GptImage', 'Export-GptImageBatch') { 3 } else { 1 })
        foreach ($example in $examples) {
            $example.code | Should -Not -BeNullOrEmpty
            ($example.remarks | Out-String).Trim() | Should -Not -BeNullOrEmpty
        }
    }

    It 'has an online version (HelpUri) in the project''s README' {
        $Command.HelpUri | Should -BeLike 'https://github.com/gptimage-powershell/GptImage.PowerShell/*#*'
        ($Help.relatedLinks.navigationLink | Where-Object uri | Select-Object -First 1).uri | Should -Be $Command.HelpUri
    }
}

Describe 'about topics' {
    It 'Get-Help about_GptImage* lists the module''s three topics, each with a synopsis' {
        $topics = @(Get-Help about_GptImage* | Sort-Object Name)
        @($topics | ForEach-Object Name) | Should -Be @('about_GptImage', 'about_GptImage_FileNames', 'about_GptImage_Templates')
        foreach ($topic in $topics) { $topic.Synopsis | Should -Not -BeNullOrEmpty -Because "$($topic.Name) needs a short description" }
    }

    It 'Get-Help about_GptImage shows the whole topic' {
        $text = Get-Help about_GptImage | Out-String
        foreach ($section in 'KEYS AND ENDPOINTS', 'AZURE OPENAI', 'THE CACHE AND RERUNS', 'COSTS AND -MAXCOST', 'RATE LIMITS AND -THROTTLELIMIT',
            'THE MANIFEST', 'THE BATCH API', 'ERRORS') {
            $text | Should -Match ([regex]::Escape($section))
        }
    }

    It 'about_GptImage says what to do about every error id the module defines' {
        $text = Get-Help about_GptImage | Out-String
        $core = [GptImage.Orchestration.GptImageResult].Assembly
        $ids = @($core.GetTypes() | Where-Object { $_.Name -like '*ErrorIds' } |
                ForEach-Object { $_.GetFields() } | Where-Object { $_.IsLiteral } | ForEach-Object { $_.GetRawConstantValue() })
        $ids.Count | Should -BeGreaterThan 40
        foreach ($id in $ids) { $text | Should -Match ([regex]::Escape($id) + '\b') -Because "$id needs an entry" }
    }
}
