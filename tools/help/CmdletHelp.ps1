# Builds the help of one cmdlet from what PowerShell itself knows of it (Get-Command: parameter sets, positions,
# pipeline binding, aliases, wildcards, output types, HelpUri; a fresh instance: the parameters' defaults) and from its
# doc comments (synopsis, description, examples, parameter descriptions). Dot-sourced by Build-ModuleHelp.ps1.

$script:ShouldProcessParameters = [ordered]@{
    WhatIf  = 'Shows what the cmdlet would do (for cmdlets that spend money, each request and its estimated cost) without doing it.'
    Confirm = 'Asks for confirmation before each action.'
}

function Test-HelpVisibleParameter {
    <# The parameters help documents: not the common ones (about_CommonParameters covers them), not the hidden plumbing. #>
    param([System.Management.Automation.ParameterMetadata] $Parameter)
    if ([System.Management.Automation.Cmdlet]::CommonParameters -contains $Parameter.Name) { return $false }
    $hidden = $Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow }
    return -not $hidden
}

function Get-ParameterDefaults {
    <# The value each parameter property holds in a new instance, which is the default a user gets when leaving it out. #>
    param([type] $Type, [string[]] $Names)
    $defaults = @{}
    $instance = [Activator]::CreateInstance($Type)
    try {
        # Only the parameters: the cmdlet's other properties (MyInvocation, Host...) need a running pipeline.
        foreach ($name in $Names) {
            $property = $Type.GetProperty($name)
            if ($property -and $property.CanRead) { $defaults[$name] = $property.GetValue($instance) }
        }
    } finally {
        if ($instance -is [System.IDisposable]) { $instance.Dispose() }
    }
    return $defaults
}

function Format-DefaultValue {
    param($Value, [type] $Type)
    if ($Type -eq [System.Management.Automation.SwitchParameter]) { return 'False' }
    if ($null -eq $Value -or ($Value -is [string] -and $Value -eq '') -or ($Value -is [array] -and $Value.Count -eq 0)) { return 'None' }
    return [string]$Value
}

function Get-HelpTypeName {
    <# The short type name help shows (Nullable<int> is Int32: leaving the parameter out is what null means). #>
    param([type] $Type)
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) { $Type = $underlying }
    return $Type.Name
}

function Get-PipelineInputText {
    param([System.Management.Automation.ParameterMetadata] $Parameter)
    $ways = [System.Collections.Generic.List[string]]::new()
    foreach ($set in $Parameter.ParameterSets.Values) {
        if ($set.ValueFromPipeline -and -not $ways.Contains('ByValue')) { $ways.Add('ByValue') }
        if ($set.ValueFromPipelineByPropertyName -and -not $ways.Contains('ByPropertyName')) { $ways.Add('ByPropertyName') }
    }
    if ($ways.Count -eq 0) { return 'False' }
    return 'True (' + ($ways -join ', ') + ')'
}

function Get-ParameterHelp {
    <# One parameter as the Parameters section shows it; $Problems collects a missing description. #>
    param($Command, [System.Management.Automation.ParameterMetadata] $Parameter, [hashtable] $Docs, [hashtable] $Defaults,
        [System.Collections.Generic.List[string]] $Problems)
    $description = $script:ShouldProcessParameters[$Parameter.Name]
    if (-not $description) {
        $property = $Command.ImplementingType.GetProperty($Parameter.Name)
        $description = if ($property) { ConvertTo-HelpText (Get-DocElement (Get-PropertyDoc $Docs $property) 'summary') }
        if (-not $description) {
            $Problems.Add("$($Command.Name) -$($Parameter.Name) has no <summary> doc comment on $(if ($property) { $property.DeclaringType.FullName } else { $Command.ImplementingType.FullName }).$($Parameter.Name)")
        }
    }
    $sets = @($Parameter.ParameterSets.Values)
    $positions = @($sets | Where-Object { $_.Position -ge 0 } | ForEach-Object Position | Select-Object -Unique)
    [pscustomobject]@{
        Name          = $Parameter.Name
        Description   = $description
        TypeName      = Get-HelpTypeName $Parameter.ParameterType
        TypeFullName  = $Parameter.ParameterType.FullName
        IsSwitch      = $Parameter.SwitchParameter
        # Required when every parameter set that has it requires it; the Syntax section shows each set exactly.
        Required      = @($sets | Where-Object { -not $_.IsMandatory }).Count -eq 0
        Position      = if ($positions.Count) { [string]$positions[0] } else { 'named' }
        PipelineInput = Get-PipelineInputText $Parameter
        Globbing      = [bool]($Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
        Aliases       = if ($Parameter.Aliases.Count) { $Parameter.Aliases -join ', ' } else { 'none' }
        Default       = if ($Defaults.ContainsKey($Parameter.Name)) { Format-DefaultValue $Defaults[$Parameter.Name] $Parameter.ParameterType } else { 'None' }
    }
}

function Get-SyntaxHelp {
    <# One syntax line per parameter set: positional parameters by position, then mandatory ones, then the rest. #>
    param($Command, [hashtable] $ParameterHelp)
    foreach ($set in $Command.ParameterSets) {
        $shown = @($set.Parameters | Where-Object { $ParameterHelp.ContainsKey($_.Name) })
        $ordered = @($shown | Where-Object { $_.Position -ge 0 } | Sort-Object Position) +
            @($shown | Where-Object { $_.Position -lt 0 -and $_.IsMandatory }) +
            @($shown | Where-Object { $_.Position -lt 0 -and -not $_.IsMandatory })
        [pscustomobject]@{
            SetName    = $set.Name
            Parameters = @($ordered | ForEach-Object {
                    [pscustomobject]@{
                        Help     = $ParameterHelp[$_.Name]
                        Required = $_.IsMandatory
                        Position = if ($_.Position -ge 0) { [string]$_.Position } else { 'named' }
                    }
                })
        }
    }
}

function Get-InputHelp {
    <# What the pipeline takes: the type of each parameter bound by value, and the property names bound by name. #>
    param([object[]] $Parameters)
    $byValue = [ordered]@{}
    foreach ($parameter in $Parameters | Where-Object { $_.PipelineInput -like '*ByValue*' }) {
        $byValue[$parameter.TypeFullName] = @($byValue[$parameter.TypeFullName]) + "-$($parameter.Name)" | Where-Object { $_ }
    }
    foreach ($type in $byValue.Keys) {
        [pscustomobject]@{ Type = $type; Description = "Bound to $($byValue[$type] -join ' or ')." }
    }
    $byName = @($Parameters | Where-Object { $_.PipelineInput -like '*ByPropertyName*' } | ForEach-Object Name)
    if ($byName.Count) {
        [pscustomobject]@{
            Type        = 'System.Management.Automation.PSObject'
            Description = "Objects (such as Import-Csv rows) whose properties bind by name: $($byName -join ', ')."
        }
    }
}

function Get-OutputHelp {
    <# The [OutputType] types; described by the cmdlet's optional <returns>, else by the type's own <summary>. #>
    param($Command, $TypeDoc, [hashtable] $Docs)
    $returns = ConvertTo-HelpText (Get-DocElement $TypeDoc 'returns')
    foreach ($output in $Command.OutputType) {
        if ($output.Type -eq [void]) { continue }
        $summary = if ($returns) { $returns } elseif ($output.Type) { ConvertTo-HelpText (Get-DocElement $Docs['T:' + $output.Type.FullName] 'summary') }
        [pscustomobject]@{ Type = $output.Name; Description = $summary }
        $returns = $null   # one <returns> text describes the output as a whole: it goes under the first type
    }
}

function Get-ExampleHelp {
    param($Command, $TypeDoc, [System.Collections.Generic.List[string]] $Problems)
    $number = 0
    foreach ($example in @($TypeDoc.SelectNodes('example'))) {
        $number++
        $code = $example.SelectSingleNode('code')
        $remarks = @($example.SelectNodes('para') | ForEach-Object { ConvertTo-HelpText $_ } | Where-Object { $_ })
        if (-not $code -or -not (ConvertTo-HelpCode $code)) { $Problems.Add("$($Command.Name) example $number has no <code>") }
        if ($remarks.Count -eq 0) { $Problems.Add("$($Command.Name) example $number has no <para> saying what it does") }
        [pscustomobject]@{ Number = $number; Code = if ($code) { ConvertTo-HelpCode $code } else { '' }; Remarks = $remarks }
    }
    if ($number -eq 0) { $Problems.Add("$($Command.Name) has no <example> doc comment on $($Command.ImplementingType.FullName)") }
}

function Get-NoteHelp {
    param($Command, [object[]] $Parameters)
    $attribute = $Command.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) | Select-Object -First 1
    if ($attribute.SupportsShouldProcess) {
        "Supports -WhatIf and -Confirm (ConfirmImpact $($attribute.ConfirmImpact)): -WhatIf sends nothing and writes nothing."
    }
    'Keys, endpoints, the cache, costs, rate limits and the error ids with what to do about each: Get-Help about_GptImage.'
}

function Get-RelatedTopics {
    <# The about topics a cmdlet's parameters lead to. #>
    param([object[]] $Parameters)
    $names = @($Parameters | ForEach-Object Name)
    'about_GptImage'
    if ($names -contains 'FileName') { 'about_GptImage_FileNames' }
    if ($names -contains 'Template') { 'about_GptImage_Templates' }
}

function Get-CmdletHelp {
    <# The whole help of one cmdlet; every missing doc comment is added to $Problems. #>
    param($Command, [hashtable] $Docs, [System.Collections.Generic.List[string]] $Problems)
    $type = $Command.ImplementingType
    $typeDoc = $Docs['T:' + $type.FullName]
    if (-not $typeDoc) {
        $Problems.Add("$($Command.Name) has no doc comment on $($type.FullName)")
        return
    }
    $synopsis = ConvertTo-HelpText (Get-DocElement $typeDoc 'summary')
    if (-not $synopsis) { $Problems.Add("$($Command.Name) has no <summary> (the synopsis) on $($type.FullName)") }
    $description = @(Get-HelpParagraphs $typeDoc.SelectSingleNode('remarks'))
    if ($description.Count -eq 0) { $Problems.Add("$($Command.Name) has no <remarks> with <para> elements (the description) on $($type.FullName)") }

    $defaults = Get-ParameterDefaults $type @($Command.Parameters.Keys)
    $parameterHelp = [ordered]@{}
    foreach ($parameter in $Command.Parameters.Values | Where-Object { Test-HelpVisibleParameter $_ }) {
        $parameterHelp[$parameter.Name] = Get-ParameterHelp $Command $parameter $Docs $defaults $Problems
    }
    $parameters = @($parameterHelp.Values)
    $lookup = @{}; foreach ($key in $parameterHelp.Keys) { $lookup[$key] = $parameterHelp[$key] }

    [pscustomobject]@{
        Name        = $Command.Name
        Verb        = $Command.Verb
        Noun        = $Command.Noun
        Synopsis    = $synopsis
        Description = $description
        Syntax      = @(Get-SyntaxHelp $Command $lookup)
        Parameters  = $parameters
        Inputs      = @(Get-InputHelp $parameters)
        Outputs     = @(Get-OutputHelp $Command $typeDoc $Docs)
        Notes       = @(Get-NoteHelp $Command $parameters)
        Examples    = @(Get-ExampleHelp $Command $typeDoc $Problems)
        HelpUri     = $Command.HelpUri
        Topics      = @(Get-RelatedTopics $parameters)
    }
}
